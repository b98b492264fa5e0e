package savescope.model;

/** Keeps messages about input readable whatever the input holds: long quoted values and long lists are cut. */
public final class Messages {
    /** Characters of a quoted value shown before "…". */
    public static final int QUOTED_CHARS = 80;
    /** Characters of a whole message shown before "…". */
    public static final int MESSAGE_CHARS = 2_000;

    private Messages() {}

    /**
     * {@code message} with each double-quoted part longer than {@link #QUOTED_CHARS} cut to that many characters
     * and "…", and the whole cut to {@link #MESSAGE_CHARS}, saying so.
     */
    public static String cut(String message) {
        if (message == null || message.length() <= QUOTED_CHARS) {
            return message;
        }
        StringBuilder out = new StringBuilder(Math.min(message.length(), MESSAGE_CHARS + 40));
        int i = 0;
        while (i < message.length()) {
            int open = message.indexOf('"', i);
            int close = open < 0 ? -1 : message.indexOf('"', open + 1);
            if (close < 0) {
                out.append(message, i, message.length());
                break;
            }
            out.append(message, i, open + 1);
            if (close - open - 1 > QUOTED_CHARS) {
                out.append(message, open + 1, open + 1 + QUOTED_CHARS).append('…');
            } else {
                out.append(message, open + 1, close);
            }
            out.append('"');
            i = close + 1;
            if (out.length() > MESSAGE_CHARS * 2) {
                break;
            }
        }
        if (out.length() > MESSAGE_CHARS) {
            out.setLength(MESSAGE_CHARS);
            out.append("… (the message was cut at ").append(String.format("%,d", MESSAGE_CHARS)).append(" characters)");
        }
        return out.toString();
    }
}
