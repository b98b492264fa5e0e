package savescope.load;

/** A single value that cannot be read; the message says what was found and what was expected. */
public final class BadValueException extends Exception {
    public BadValueException(String message) {
        super(message, null, false, false);
    }
}
