package savescope.load;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in plain words what the JSON parser found wrong, as the end of a sentence that starts "the JSON …": the
 * parser's own messages name its settings and Java types, which mean nothing to someone who exported a file.
 */
final class JsonProblems {
    private static final Pattern CHARACTER = Pattern.compile("(?:Unexpected|Illegal(?: unquoted)?) character \\((?:'(.)'|"
            + "\\(CTRL-CHAR)?,? ?\\(?code (\\d+)\\)+(.*)", Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile("Unrecognized token '(.*?)'.*", Pattern.DOTALL);
    private static final Pattern CLOSE = Pattern.compile("Unexpected close marker '(.)': (?:expected '(.)'.*|no open.*)",
            Pattern.DOTALL);
    private static final Pattern ESCAPE = Pattern.compile("Unrecognized character escape (?:'(.)' )?\\(code (\\d+)\\).*",
            Pattern.DOTALL);
    private static final String A_VALUE = "a value (text in double quotes, a number, true, false, null, an object or "
            + "an array)";

    private JsonProblems() {}

    /** The rest of "the JSON …" for the parser's message {@code parserMessage}, e.g. "is cut off inside an object". */
    static String describe(String parserMessage) {
        String m = parserMessage == null ? "" : parserMessage.lines().findFirst().orElse("");
        if (m.startsWith("Unexpected end-of-input")) {
            return "is cut off" + (m.contains("string value") || m.contains("VALUE_STRING") ? " inside a text value"
                    : m.contains("field name") ? " inside a key"
                    : m.contains("Array") ? " inside an array" : m.contains("Object") ? " inside an object" : "");
        }
        Matcher close = CLOSE.matcher(m);
        if (close.matches()) {
            String opened = "}".equals(close.group(2)) ? "an object" : "an array";
            return close.group(2) == null ? "has \"" + close.group(1) + "\" with nothing open to close"
                    : "has \"" + close.group(1) + "\" where \"" + close.group(2) + "\" should close " + opened;
        }
        Matcher token = TOKEN.matcher(m);
        if (token.matches()) {
            return "has the unexpected word \"" + token.group(1) + "\" where " + A_VALUE + " should be";
        }
        Matcher escape = ESCAPE.matcher(m);
        if (escape.matches()) {
            return "has the escape \"\\" + (char) Integer.parseInt(escape.group(2)) + "\", which JSON does not know "
                    + "(expected \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u and four hex digits)";
        }
        Matcher character = CHARACTER.matcher(m);
        if (character.matches()) {
            return "has " + character(Integer.parseInt(character.group(2))) + expectation(character.group(3), m);
        }
        if (m.contains("Leading zeroes")) {
            return "has a number written with leading zeros";
        }
        if (m.contains("UTF-8") || m.contains("UTF8")) {
            return "has bytes that are not valid UTF-8 text";
        }
        return "is malformed";
    }

    /** The character with its code, quoted when it is printable: {@code the unexpected character "}"}. */
    private static String character(int code) {
        return code < 32 || code == 127 ? "the control character " + code + " (unescaped)"
                : "the unexpected character \"" + (char) code + "\"";
    }

    /** What the parser expected instead, from the rest of its message. */
    private static String expectation(String rest, String whole) {
        if (rest.contains("double-quote to start field name")) {
            return " where a key in double quotes should be";
        }
        if (rest.contains("comma to separate")) {
            return " where a comma between " + (rest.contains("Array") ? "array" : "object") + " entries should be";
        }
        if (rest.contains("in numeric value")) {
            return " in a number";
        }
        if (rest.contains("comment")) {
            return " (a comment, which JSON does not allow)";
        }
        if (rest.contains("valid value")) {
            return " where " + A_VALUE + " should be";
        }
        if (whole.startsWith("Illegal unquoted")) {
            return " inside text in quotes, where it must be written as an escape such as \\n";
        }
        if (whole.startsWith("Illegal character")) {
            return " between values, where only spaces, tabs and line ends may be";
        }
        return "";
    }
}
