package savescope.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Drawing calls come out as the SVG markup worked out by hand. */
class SvgWriterTest {
    private static final Pattern ID = Pattern.compile("k[0-9a-f]+-(\\d+)");

    /** What SvgWriter writes for the calls {@code draw} makes on a fresh VectorGraphics2D. */
    static String svg(Consumer<Graphics2D> draw) {
        VectorGraphics2D g = new VectorGraphics2D();
        draw.accept(g);
        return SvgWriter.write(g.getCommands());
    }

    /** The markup with every id written as ID-n, after checking all ids share one content-hash prefix. */
    static String withPlainIds(String svg) {
        Matcher m = ID.matcher(svg);
        String prefix = null;
        while (m.find()) {
            String p = m.group().substring(0, m.group().lastIndexOf('-'));
            if (prefix == null) {
                prefix = p;
            }
            assertEquals(prefix, p, "one prefix per drawing");
        }
        return ID.matcher(svg).replaceAll("ID-$1");
    }

    @Test
    void filledRectangleInAThemeColour() {
        // Quarters are exact in binary, so the tenths are certain: 10.25 → 102.5 tenths → 103 (halves go up) →
        // 10.3; 20.75 → 207.5 → 208 → 20.8; -0.25 → -2.5 → Math.round gives -2 → -0.2.
        String svg = svg(g -> {
            g.setColor(Theme.BLUE);
            g.fill(new Rectangle2D.Double(10.25, 20.75, 30, -0.25));
        });
        assertEquals("<rect height=\"-0.2\" style=\"fill:var(--oi-blue)\" width=\"30\" x=\"10.3\" y=\"20.8\"/>", svg);
    }

    @Test
    void otherColoursAreHexAndAlphaIsAnOpacity() {
        // 179/255 = 0.702 → 0.7; 64/255 = 0.251 → 2.51 tenths → 0.3. Ellipse (10,20) 6×4: centre (13,22), radii 3 and 2.
        String svg = svg(g -> {
            g.setColor(new Color(0x00, 0x72, 0xB2, 179));
            g.fill(new Ellipse2D.Double(10, 20, 6, 4));
            g.setColor(new Color(0x12, 0x34, 0x56, 64));
            g.draw(new Line2D.Double(1, 2, 3, 4));
        });
        assertEquals("<ellipse cx=\"13\" cy=\"22\" rx=\"3\" ry=\"2\" style=\"fill:var(--oi-blue);fill-opacity:0.7\"/>"
                + "<line style=\"fill:none;stroke:#123456;stroke-opacity:0.3\" x1=\"1\" x2=\"3\" y1=\"2\" y2=\"4\"/>", svg);
    }

    @Test
    void strokedDashedLineInsideAClip() {
        // Width 2 is written (1 is the default); miter limit 10 is left out as before; round caps, bevel joins.
        String svg = svg(g -> {
            g.setColor(Theme.GRID);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_BEVEL, 10f, new float[] {5f, 2.5f}, 1f));
            g.setClip(new Rectangle2D.Double(0, 0, 100, 50));
            g.draw(new Line2D.Double(0, 10, 120, 10));
        });
        assertEquals("<defs><clipPath id=\"ID-0\"><rect height=\"50\" width=\"100\" x=\"0\" y=\"0\"/></clipPath></defs>"
                + "<g clip-path=\"url(#ID-0)\"><line style=\"fill:none;stroke:var(--grid);stroke-width:2;"
                + "stroke-linecap:round;stroke-linejoin:bevel;stroke-dasharray:5,2.5;stroke-dashoffset:1\""
                + " x1=\"0\" x2=\"120\" y1=\"10\" y2=\"10\"/></g>", withPlainIds(svg));
    }

    @Test
    void rotatedAndTranslatedGroups() {
        // translate(100,50)·rotate(30°): a = cos 30° = 0.8660 → 0.866, b = sin 30° = 0.5, c = -0.5, d = 0.866.
        String svg = svg(g -> {
            g.setColor(Theme.INK);
            g.translate(100, 50);
            g.rotate(Math.toRadians(30));
            g.fill(new Rectangle2D.Double(0, 0, 10, 5));
            g.setTransform(AffineTransform.getTranslateInstance(2.5, -3));
            g.fill(new Rectangle2D.Double(0, 0, 1, 1));
            g.setTransform(new AffineTransform());
            g.fill(new Rectangle2D.Double(0, 0, 2, 2));
        });
        assertEquals("<g transform=\"matrix(0.866 0.5 -0.5 0.866 100 50)\"><rect height=\"5\" style=\"fill:var(--ink)\""
                + " width=\"10\" x=\"0\" y=\"0\"/></g><g transform=\"translate(2.5 -3)\"><rect height=\"1\""
                + " style=\"fill:var(--ink)\" width=\"1\" x=\"0\" y=\"0\"/></g>"
                + "<rect height=\"2\" style=\"fill:var(--ink)\" width=\"2\" x=\"0\" y=\"0\"/>", svg);
    }

    @Test
    void clipFollowsTheTransformOfItsGroup() {
        // The clip is set in page space (20,10 40×30); under translate(20,10) the group's own space sees it at 0,0.
        String svg = svg(g -> {
            g.setColor(Theme.MUTED);
            g.setClip(new Rectangle2D.Double(20, 10, 40, 30));
            g.translate(20, 10);
            g.fill(new Rectangle2D.Double(0, 0, 5, 5));
        });
        assertEquals("<defs><clipPath id=\"ID-0\"><rect height=\"30\" width=\"40\" x=\"0\" y=\"0\"/></clipPath></defs>"
                + "<g clip-path=\"url(#ID-0)\" transform=\"translate(20 10)\"><rect height=\"5\" style=\"fill:var(--muted)\""
                + " width=\"5\" x=\"0\" y=\"0\"/></g>", withPlainIds(svg));
    }

    @Test
    void pathDataIsShortest() {
        // Line-to after move-to and a repeated quad-to need no letter; a minus sign separates, else a space.
        // 10.25 → 10.3 (102.5 tenths round up).
        String svg = svg(g -> {
            g.setColor(Theme.BLACK);
            Path2D.Double p = new Path2D.Double();
            p.moveTo(0, 0);
            p.lineTo(10.25, -3);
            p.lineTo(20, 5);
            p.quadTo(1, 2, 3, 4);
            p.quadTo(5, -6, 7, 8);
            p.closePath();
            p.moveTo(1, 1);
            p.lineTo(2, 2);
            g.fill(p);
        });
        assertEquals("<path d=\"M0 0 10.3-3 20 5Q1 2 3 4 5-6 7 8ZM1 1 2 2\" style=\"fill:var(--oi-black)\"/>", svg);
    }

    @Test
    void disposedGraphicsGiveBackTheParentsState() {
        String svg = svg(g -> {
            g.setColor(Theme.GREEN);
            Graphics2D child = (Graphics2D) g.create();
            child.translate(5, 5);
            child.setColor(Theme.ORANGE);
            child.fill(new Rectangle2D.Double(0, 0, 1, 1));
            child.dispose();
            g.fill(new Rectangle2D.Double(0, 0, 1, 1));
        });
        assertEquals("<g transform=\"translate(5 5)\"><rect height=\"1\" style=\"fill:var(--oi-orange)\" width=\"1\""
                + " x=\"0\" y=\"0\"/></g><rect height=\"1\" style=\"fill:var(--oi-green)\" width=\"1\" x=\"0\" y=\"0\"/>", svg);
    }

    @Test
    void textBecomesOutlinesNeverMarkup() {
        String svg = svg(g -> {
            g.setColor(Theme.INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString("<script>Hi</script>", 5, 20);
        });
        assertFalse(svg.contains("<text"), svg);
        assertFalse(svg.contains("script"), svg);
        assertTrue(svg.startsWith("<path d=\"M"), svg);
        assertTrue(svg.endsWith("style=\"fill:var(--ink)\"/>"), svg);
    }

    @Test
    void linearGradientIsAnSvgGradientAndKeepsFillingLikeBefore() {
        // As VectorGraphics2D's processor did, the gradient goes on filling after setColor, until dispose.
        String svg = svg(g -> {
            g.setPaint(new LinearGradientPaint(0, 100, 0, 0, new float[] {0f, 0.25f, 1f},
                    new Color[] {Theme.BLUE, new Color(255, 255, 255, 128), Theme.VERMILLION}));
            g.fill(new Rectangle2D.Double(0, 0, 10, 100));
            g.setColor(Theme.INK);
            g.fill(new Rectangle2D.Double(20, 0, 5, 5));
            g.draw(new Line2D.Double(0, 0, 1, 1));
        });
        // Stops keep fixed colours; 128/255 = 0.502 → 0.5 at two decimals.
        assertEquals("<defs><linearGradient gradientUnits=\"userSpaceOnUse\" id=\"ID-0\" x1=\"0\" x2=\"0\" y1=\"100\""
                + " y2=\"0\"><stop offset=\"0\" stop-color=\"#0072b2\"/><stop offset=\"0.25\" stop-color=\"#ffffff\""
                + " stop-opacity=\"0.5\"/><stop offset=\"1\" stop-color=\"#d55e00\"/></linearGradient></defs>"
                + "<rect height=\"100\" style=\"fill:url(#ID-0)\" width=\"10\" x=\"0\" y=\"0\"/>"
                + "<rect height=\"5\" style=\"fill:url(#ID-0)\" width=\"5\" x=\"20\" y=\"0\"/>"
                + "<line style=\"fill:none;stroke:var(--ink)\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"1\"/>", withPlainIds(svg));
    }

    @Test
    void disposingEndsAGradient() {
        String svg = svg(g -> {
            g.setColor(Theme.PURPLE);
            Graphics2D child = (Graphics2D) g.create();
            child.setPaint(new LinearGradientPaint(0, 0, 1, 0, new float[] {0f, 1f}, new Color[] {Theme.BLUE, Theme.YELLOW}));
            child.dispose();
            g.fill(new Rectangle2D.Double(0, 0, 1, 1));
        });
        // The gradient was defined by no fill, so no defs either.
        assertEquals("<rect height=\"1\" style=\"fill:var(--oi-purple)\" width=\"1\" x=\"0\" y=\"0\"/>", svg);
    }

    @Test
    void otherPaintsArePictures() throws Exception {
        String svg = svg(g -> {
            g.setPaint(new RadialGradientPaint(3, 3, 2, new float[] {0f, 1f}, new Color[] {Color.RED, Color.BLUE}));
            g.fill(new Rectangle2D.Double(1, 2, 4, 3));
        });
        Matcher m = Pattern.compile("<image height=\"3\" preserveAspectRatio=\"none\" width=\"4\" x=\"1\""
                + " xlink:href=\"data:image/png;base64,([A-Za-z0-9+/=]+)\" y=\"2\"/>").matcher(svg);
        assertTrue(m.matches(), svg);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
        assertEquals(4, png.getWidth());
        assertEquals(3, png.getHeight());
        // Pixel (2,1) covers page point (3.5,3.5), 0.71 from the centre of a radius-2 gradient: mostly red.
        Color centre = new Color(png.getRGB(2, 1));
        assertTrue(centre.getRed() > centre.getBlue(), centre.toString());
    }

    @Test
    void idsComeFromTheContentAndSameClipsAreDefinedOnce() {
        Consumer<Graphics2D> twoClips = g -> {
            g.setColor(Theme.SKY);
            g.setClip(new Rectangle2D.Double(0, 0, 10, 10));
            g.fill(new Rectangle2D.Double(0, 0, 1, 1));
            g.setClip(new Rectangle2D.Double(0, 0, 20, 20));
            g.fill(new Rectangle2D.Double(0, 0, 1, 1));
            g.setClip(new Rectangle2D.Double(0, 0, 10, 10));
            g.fill(new Rectangle2D.Double(0, 0, 2, 2));
        };
        String a = svg(twoClips);
        assertEquals(a, svg(twoClips), "same drawing, same ids");
        assertEquals(2, a.split("<clipPath ", -1).length - 1, a);
        assertEquals("<defs><clipPath id=\"ID-0\"><rect height=\"10\" width=\"10\" x=\"0\" y=\"0\"/></clipPath>"
                + "<clipPath id=\"ID-1\"><rect height=\"20\" width=\"20\" x=\"0\" y=\"0\"/></clipPath></defs>"
                + "<g clip-path=\"url(#ID-0)\"><rect height=\"1\" style=\"fill:var(--oi-sky)\" width=\"1\" x=\"0\" y=\"0\"/>"
                + "</g><g clip-path=\"url(#ID-1)\"><rect height=\"1\" style=\"fill:var(--oi-sky)\" width=\"1\" x=\"0\""
                + " y=\"0\"/></g><g clip-path=\"url(#ID-0)\"><rect height=\"2\" style=\"fill:var(--oi-sky)\" width=\"2\""
                + " x=\"0\" y=\"0\"/></g>", withPlainIds(a));
        String b = svg(g -> {
            g.setColor(Theme.SKY);
            g.setClip(new Rectangle2D.Double(0, 0, 10, 10));
            g.fill(new Rectangle2D.Double(0, 0, 3, 3));
        });
        assertNotEquals(prefix(a), prefix(b), "another drawing on the same page gets other ids");
    }

    private static String prefix(String svg) {
        Matcher m = ID.matcher(svg);
        assertTrue(m.find(), svg);
        return m.group().substring(0, m.group().lastIndexOf('-'));
    }

    @Test
    void tenthsAreWrittenAsTheFormatterWouldWriteThem() {
        assertEquals("-0.5", tenths(Math.round(-0.46 * 10)));
        assertEquals("-12.2", tenths(Math.round(-12.25 * 10))); // Math.round(-122.5) = -122: halves go up
        assertEquals("100", tenths(Math.round(99.96 * 10)));
        assertEquals("0", tenths(Math.round(-0.04 * 10)));
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            double d = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(7));
            double v = Math.round(d * 10) / 10.0;
            String expected = v == Math.rint(v) ? Long.toString((long) v)
                    : String.format(java.util.Locale.ROOT, "%.1f", v);
            assertEquals(expected, tenths(Math.round(d * 10)), Double.toString(d));
        }
    }

    private static String tenths(long count) {
        StringBuilder b = new StringBuilder();
        SvgWriter.tenths(b, count);
        return b.toString();
    }
}
