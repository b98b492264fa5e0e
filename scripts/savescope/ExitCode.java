package savescope;

/** The exit codes of every SaveScope command, as the help texts list them. */
public enum ExitCode {
    /** The work is done. */
    OK(0),
    /** An unexpected failure, or one of the machine (a full disk): not the user's input. */
    FAILURE(1),
    /** The input files, options or output paths given cannot be used; the message says why. */
    BAD_INPUT(2);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The number the process exits with. */
    public int code() {
        return code;
    }
}
