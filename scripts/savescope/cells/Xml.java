package savescope.cells;

/** Escaping for text placed in HTML, SVG or XML markup, by every writer of cells. */
public final class Xml {
    private Xml() {}

    /** Escapes text for attribute values and element content ({@code < > & " '}). */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
