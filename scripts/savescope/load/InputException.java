package savescope.load;

import savescope.model.Messages;

/** Input that cannot be used at all (empty, unreadable, of no known format); the run stops with exit 2. */
public class InputException extends savescope.UserError {
    public InputException(String message) {
        super(Messages.cut(message));
    }

    public InputException(String message, Throwable cause) {
        super(Messages.cut(message), cause);
    }
}
