package savescope.render;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Colours as CSS writes them, and their contrast as WCAG 2 measures it (relative luminance, 1:1 to 21:1). */
public final class Colours {
    /** The least contrast WCAG 2 (level AA) asks of normal text. */
    public static final double MIN_TEXT_CONTRAST = 4.5;
    private static final Pattern HEX = Pattern.compile("#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
    private static final Pattern RGB = Pattern.compile("rgb\\(\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})\\s*\\)",
            Pattern.CASE_INSENSITIVE);

    private Colours() {}

    /** An opaque sRGB colour, each channel 0–255. */
    public record Rgb(int r, int g, int b) {
        public String hex() {
            return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
        }

        /** This colour moved {@code share} (0–1) of the way towards {@code other}. */
        Rgb toward(Rgb other, double share) {
            return new Rgb(mix(r, other.r, share), mix(g, other.g, share), mix(b, other.b, share));
        }

        private static int mix(int a, int b, double share) {
            return (int) Math.round(a + (b - a) * share);
        }
    }

    static final Rgb BLACK = new Rgb(0, 0, 0);
    static final Rgb WHITE = new Rgb(255, 255, 255);

    /**
     * Reads {@code #rgb}, {@code #rrggbb} (the {@code #} may be left out) or {@code rgb(r, g, b)}.
     *
     * @throws IllegalArgumentException saying what was found and what is expected
     */
    public static Rgb parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher hex = HEX.matcher(t);
        if (hex.matches()) {
            String h = hex.group(1);
            if (h.length() == 3) {
                h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
            }
            int v = Integer.parseInt(h, 16);
            return new Rgb(v >> 16 & 0xFF, v >> 8 & 0xFF, v & 0xFF);
        }
        Matcher rgb = RGB.matcher(t);
        if (rgb.matches()) {
            int r = Integer.parseInt(rgb.group(1));
            int g = Integer.parseInt(rgb.group(2));
            int b = Integer.parseInt(rgb.group(3));
            if (r <= 255 && g <= 255 && b <= 255) {
                return new Rgb(r, g, b);
            }
        }
        throw new IllegalArgumentException("expected a colour like #0a5f96, #06c or rgb(10, 95, 150), found \"" + t + "\"");
    }

    /** WCAG 2 relative luminance: 0 for black, 1 for white. */
    static double luminance(Rgb c) {
        return 0.2126 * linear(c.r()) + 0.7152 * linear(c.g()) + 0.0722 * linear(c.b());
    }

    private static double linear(int channel) {
        double s = channel / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    /** WCAG 2 contrast ratio of two colours, from 1 (the same) to 21 (black on white). */
    public static double contrast(Rgb a, Rgb b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /**
     * {@code colour} as text on every one of {@code backgrounds}: itself when it already reaches
     * {@link #MIN_TEXT_CONTRAST} on each, else moved step by step towards black (light backgrounds) or white
     * (dark ones), keeping its hue, until it does.
     */
    static Rgb readableOn(Rgb colour, Rgb... backgrounds) {
        boolean dark = luminance(backgrounds[0]) < 0.18;
        Rgb target = dark ? WHITE : BLACK;
        for (int step = 0; step <= 100; step++) {
            Rgb c = colour.toward(target, step / 100.0);
            if (leastContrast(c, backgrounds) >= MIN_TEXT_CONTRAST) {
                return c;
            }
        }
        return target;
    }

    static double leastContrast(Rgb c, Rgb... backgrounds) {
        double least = Double.MAX_VALUE;
        for (Rgb b : backgrounds) {
            least = Math.min(least, contrast(c, b));
        }
        return least;
    }
}
