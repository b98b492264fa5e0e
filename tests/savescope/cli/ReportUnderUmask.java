package savescope.cli;

/** Runs {@code report} with the arguments given and exits with its code: a JVM of its own, for a test to start under a umask. */
public final class ReportUnderUmask {
    private ReportUnderUmask() {}

    public static void main(String[] args) {
        System.exit(Cli.run(new ReportCommand(), args));
    }
}
