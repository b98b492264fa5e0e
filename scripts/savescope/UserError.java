package savescope;

/**
 * A problem the user can act on, told in one line: the message names the file, line or option, what was found
 * and what was expected. The command prints it without a stack trace and exits with {@link #exitCode()}.
 * Any other exception is a failure of SaveScope itself.
 */
public class UserError extends RuntimeException {
    private final ExitCode exitCode;

    /** Unusable input, options or output paths ({@link ExitCode#BAD_INPUT}). */
    public UserError(String message) {
        this(ExitCode.BAD_INPUT, message, null);
    }

    public UserError(String message, Throwable cause) {
        this(ExitCode.BAD_INPUT, message, cause);
    }

    public UserError(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
