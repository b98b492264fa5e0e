package savescope.notebook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import savescope.UserError;

/**
 * A batch of runs: every combination of the values given with {@code --param-grid NAME=A,B,C} (the first name
 * varies slowest), and for each a file name part that is safe on Windows, macOS and Linux.
 */
public final class ParamGrid {
    /** The longest value kept in a file name; longer ones are cut and told apart by a digest. */
    static final int MAX_NAME_PART = 40;

    private ParamGrid() {}

    /**
     * Parses the {@code --param-grid} specs.
     *
     * @throws UserError for a spec without {@code NAME=}, an empty list, or a name given twice
     */
    public static Map<String, List<String>> parse(List<String> specs) {
        Map<String, List<String>> grid = new LinkedHashMap<>();
        for (String s : specs) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new UserError("--param-grid \"" + s + "\": expected NAME=VALUE,VALUE,..., e.g. "
                        + "--param-grid account=a,b");
            }
            String name = s.substring(0, eq).strip();
            List<String> values = new ArrayList<>();
            for (String v : s.substring(eq + 1).split(",", -1)) {
                if (!values.contains(v)) {
                    values.add(v);
                }
            }
            if (grid.containsKey(name)) {
                throw new UserError("--param-grid " + name + ": given twice; list all its values in one "
                        + "option, e.g. --param-grid " + name + "=a,b");
            }
            grid.put(name, values);
        }
        return grid;
    }

    /** Every combination, as NAME → VALUE in the grid's order. */
    public static List<Map<String, String>> combinations(Map<String, List<String>> grid) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> e : grid.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : e.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * The part of a file name for one combination: {@code name-value} pairs joined by {@code _}. Characters outside
     * lower-case letters, digits, dot, minus and underscore become {@code _} (capitals are lowered); a value that had to change, or was cut, gets the
     * first eight hex digits of its SHA-256, so two values never share a name.
     */
    public static String fileNamePart(Map<String, String> combination) {
        List<String> parts = new ArrayList<>();
        combination.forEach((k, v) -> parts.add(safe(k) + "-" + safe(v)));
        return String.join("_", parts);
    }

    static String safe(String value) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // Capitals are lowered: "A" and "a" would be one file on Windows and macOS.
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_');
            b.append(ok ? Character.toLowerCase(c) : '_');
        }
        // No leading or trailing dots (hidden files; Windows drops trailing ones), no empty part.
        String s = b.toString().replaceAll("^\\.+|\\.+$", "");
        boolean changed = !s.equals(value) || s.length() > MAX_NAME_PART;
        if (s.length() > MAX_NAME_PART) {
            s = s.substring(0, MAX_NAME_PART);
        }
        if (s.isEmpty()) {
            s = "empty";
        }
        return changed ? s + "~" + digest(value) : s;
    }

    private static String digest(String value) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h, 0, 4).toLowerCase(Locale.ROOT);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
