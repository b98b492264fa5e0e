package savescope.model;

/**
 * One input row (or cell) that was not used, with where it is and why.
 *
 * @param file the file as the user named it (inside a ZIP: {@code archive.zip!/Entry.csv})
 * @param location {@code line:column} for text files, {@code Sheet!C4} for spreadsheets, a JSON pointer
 *     for JSON
 * @param message what was found and what was expected
 */
public record Rejection(String file, String location, String message) {
    public Rejection {
        message = Messages.cut(message);
    }

    public static Rejection at(String file, long line, int column, String message) {
        return new Rejection(file, column > 0 ? line + ":" + column : String.valueOf(line), message);
    }

    /** The reason without the place, for grouping rejections into "top reasons". */
    public String reason() {
        int quote = message.indexOf(": ");
        return quote > 0 && message.startsWith("column ") ? message.substring(quote + 2) : message;
    }

    @Override
    public String toString() {
        return file + ":" + location + ": " + message;
    }
}
