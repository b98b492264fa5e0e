package savescope.cells;

/** Java source text that cells are made of: a value written so that the Java reads back exactly that value. */
public final class JavaSource {
    private JavaSource() {}

    /** A Java string literal holding {@code s} exactly (quotes, backslashes and control characters escaped). */
    public static String stringLiteral(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) { // no raw control in the source
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
