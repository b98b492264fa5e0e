package savescope.history;

import savescope.UserError;

/** A history folder or import that cannot be used as asked; the run stops with exit code 2 and this message. */
public class HistoryException extends UserError {
    public HistoryException(String message) {
        super(message);
    }

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
