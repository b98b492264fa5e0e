package savescope.render;

import java.util.ArrayList;
import java.util.List;

/**
 * An agency's look for a white-label report: its name in place of SaveScope's, its logo, and its accent colour
 * for links and highlights, adjusted where needed so text keeps a WCAG contrast of at least 4.5:1.
 *
 * @param name shown above the title, or null for SaveScope's
 * @param logo a data URI ({@link LogoImage}), or null
 * @param accent the accent on the light page (and in print), or null for SaveScope's
 * @param accentDark the accent on the dark theme, or null
 * @param notes what was adjusted or removed, in words, for the user
 */
public record Brand(String name, String logo, String accent, String accentDark, List<String> notes) {
    public static final Brand NONE = new Brand(null, null, null, null, List.of());
    /** The backgrounds text stands on: page and panels, light theme and dark (styles.css). */
    static final Colours.Rgb LIGHT_BG = Colours.parse("#ffffff");
    static final Colours.Rgb LIGHT_PANEL = Colours.parse("#f6f8fa");
    static final Colours.Rgb DARK_BG = Colours.parse("#0f1419");
    static final Colours.Rgb DARK_PANEL = Colours.parse("#171d25");

    public Brand {
        notes = List.copyOf(notes);
    }

    /**
     * The brand from the options' values, each may be null.
     *
     * @param logoBytes the logo file's content, and {@code logoName} its name
     * @throws IllegalArgumentException naming the option and what is wrong
     */
    public static Brand of(String name, byte[] logoBytes, String logoName, String accentText) {
        List<String> notes = new ArrayList<>();
        String logo = null;
        if (logoBytes != null) {
            LogoImage.Inlined inlined = LogoImage.inline(logoBytes, logoName);
            logo = inlined.dataUri();
            if (!inlined.removed().isEmpty()) {
                notes.add("--logo " + logoName + ": removed from the SVG: " + String.join(", ", inlined.removed()) + ".");
            }
        }
        String accent = null;
        String accentDark = null;
        if (accentText != null) {
            Colours.Rgb asked;
            try {
                asked = Colours.parse(accentText);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--accent: " + e.getMessage() + ".");
            }
            Colours.Rgb light = Colours.readableOn(asked, LIGHT_BG, LIGHT_PANEL);
            Colours.Rgb dark = Colours.readableOn(asked, DARK_BG, DARK_PANEL);
            if (!light.equals(asked)) {
                notes.add(String.format(java.util.Locale.ROOT, "--accent %s has a contrast of %.1f:1 on the page, below "
                        + "the %.1f:1 text needs; darkened to %s (%.1f:1).", asked.hex(),
                        Colours.leastContrast(asked, LIGHT_BG, LIGHT_PANEL), Colours.MIN_TEXT_CONTRAST, light.hex(),
                        Colours.leastContrast(light, LIGHT_BG, LIGHT_PANEL)));
            }
            accent = light.hex();
            accentDark = dark.hex();
        }
        String brandName = name == null || name.isBlank() ? null : name.strip();
        if (brandName != null && brandName.length() > 80) {
            throw new IllegalArgumentException("--brand-name: expected at most 80 characters, found "
                    + brandName.length() + ".");
        }
        return new Brand(brandName, logo, accent, accentDark, notes);
    }
}
