package savescope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BrandTest {
    /**
     * Contrast ratios from the WCAG 2 formula, worked by hand: black on white (1.05 / 0.05) = 21; #777 on white:
     * channel 119/255 = 0.4667 -> ((0.4667 + 0.055) / 1.055)^2.4 = 0.1845, so (1.05) / (0.2345) = 4.48; #767676:
     * 0.1812 -> 1.05 / 0.2312 = 4.54 (the lightest grey that passes on white).
     */
    @ParameterizedTest
    @CsvSource({"#000000,#ffffff,21.0", "#777777,#ffffff,4.48", "#767676,#ffffff,4.54", "#ffffff,#ffffff,1.0"})
    void contrastFollowsWcag(String a, String b, double expected) {
        assertEquals(expected, Colours.contrast(Colours.parse(a), Colours.parse(b)), 0.005);
    }

    @Test
    void coloursAreReadInThreeSpellings() {
        assertEquals(new Colours.Rgb(0, 102, 204), Colours.parse("#06c"));
        assertEquals(new Colours.Rgb(10, 95, 150), Colours.parse("0a5f96"));
        assertEquals(new Colours.Rgb(10, 95, 150), Colours.parse("rgb(10, 95, 150)"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Colours.parse("tomato"));
        assertEquals("expected a colour like #0a5f96, #06c or rgb(10, 95, 150), found \"tomato\"", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Colours.parse("rgb(300, 0, 0)"));
    }

    @Test
    void aPaleAccentIsDarkenedUntilTextReadsAndTheUserIsTold() {
        Brand b = Brand.of(null, null, null, "#ffcc00");
        Colours.Rgb light = Colours.parse(b.accent());
        Colours.Rgb dark = Colours.parse(b.accentDark());
        assertTrue(Colours.contrast(light, Brand.LIGHT_BG) >= 4.5 && Colours.contrast(light, Brand.LIGHT_PANEL) >= 4.5);
        assertTrue(Colours.contrast(dark, Brand.DARK_BG) >= 4.5 && Colours.contrast(dark, Brand.DARK_PANEL) >= 4.5);
        // Darkened as little as needed: the step before (1 % less towards black) fails on the panel.
        Colours.Rgb asked = Colours.parse("#ffcc00");
        int step = 0;
        while (!asked.toward(Colours.BLACK, step / 100.0).equals(light)) {
            step++;
        }
        assertTrue(step > 0 && Colours.leastContrast(asked.toward(Colours.BLACK, (step - 1) / 100.0),
                Brand.LIGHT_BG, Brand.LIGHT_PANEL) < 4.5, "step " + step);
        assertEquals(1, b.notes().size());
        assertTrue(b.notes().get(0).startsWith("--accent #ffcc00 has a contrast of 1.4:1 on the page"), b.notes().get(0));
        assertEquals("#8a6e00", b.accent());
    }

    @Test
    void aDarkAccentIsKeptAsGiven() {
        Brand b = Brand.of("Acme", null, null, "#0a5f96");
        assertEquals("#0a5f96", b.accent());
        assertTrue(b.notes().isEmpty());
        assertTrue(Colours.contrast(Colours.parse(b.accentDark()), Brand.DARK_PANEL) >= 4.5, "lightened for dark");
    }

    private static String decoded(String dataUri) {
        return new String(Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1)), StandardCharsets.UTF_8);
    }

    @Test
    void svgLogosLoseEverythingActiveOrExternal() {
        String svg = """
                <?xml version="1.0"?>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
                  <script>alert(2)</script>
                  <defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient></defs>
                  <rect width="10" height="10" fill="url(#g)" onclick="steal()"/>
                  <circle r="3" style="fill:url(https://evil.example/x.svg#a)"/>
                  <use xlink:href="https://evil.example/sprite.svg#logo"/>
                  <use href="#g"/>
                  <image href="https://evil.example/track.png" width="1" height="1"/>
                  <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>
                  <a href="javascript:alert(3)"><text>Acme</text></a>
                  <style>@import url(https://evil.example/x.css); rect { fill: red }</style>
                </svg>
                """;
        LogoImage.Inlined in = LogoImage.inline(svg.getBytes(StandardCharsets.UTF_8), "logo.svg");
        assertTrue(in.dataUri().startsWith("data:image/svg+xml;base64,"));
        String kept = decoded(in.dataUri());
        for (String gone : List.of("script", "alert", "onload", "onclick", "evil.example", "foreignObject", "<image",
                "javascript", "@import", "<a")) {
            assertFalse(kept.contains(gone), gone + " in " + kept);
        }
        assertTrue(kept.contains("fill=\"url(#g)\""), "references inside the image stay: " + kept);
        assertTrue(kept.contains("href=\"#g\""), kept);
        assertTrue(kept.contains("<rect"), kept);
        assertEquals(List.of("1 <a> element", "1 <foreignObject> element", "1 <image> element", "1 <script> element",
                "2 event handlers", "3 external references"), in.removed());
    }

    @Test
    void logosMustBeSmallPngOrSvg() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
        assertTrue(LogoImage.inline(png, "logo.png").dataUri().startsWith("data:image/png;base64,iVBORw0KGgo"));
        IllegalArgumentException notPng = assertThrows(IllegalArgumentException.class,
                () -> LogoImage.inline("GIF89a".getBytes(StandardCharsets.US_ASCII), "logo.png"));
        assertTrue(notPng.getMessage().startsWith("logo.png: not a PNG image"), notPng.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogoImage.inline(png, "logo.gif"));
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> LogoImage.inline(new byte[LogoImage.MAX_BYTES + 1], "logo.png"));
        assertTrue(big.getMessage().contains("expected at most 256 KB"), big.getMessage());
        IllegalArgumentException doctype = assertThrows(IllegalArgumentException.class, () -> LogoImage.inline(
                "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>"
                        .getBytes(StandardCharsets.UTF_8), "logo.svg"));
        assertTrue(doctype.getMessage().startsWith("logo.svg: not a readable SVG"), doctype.getMessage());
    }
}
