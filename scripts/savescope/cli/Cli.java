package savescope.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import savescope.ExitCode;
import savescope.UserError;
import savescope.FileProblems;

/**
 * Runs a picocli command the SaveScope way: a {@link UserError} prints its one line and exits with its code (2 for
 * unusable input); anything else is a failure of SaveScope itself and prints a short message (the stack trace only
 * with --verbose) and exits 1.
 */
public final class Cli {
    private Cli() {}

    static {
        // Picocli's factory otherwise looks for Groovy on the class path, and a class that is not there is
        // looked for in every one of our ~55 jars (30 ms of each start). SaveScope has no Groovy closures.
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
    }

    /**
     * The first argument Java could not decode in this locale (it holds U+FFFD where the terminal sent letters
     * outside ASCII under {@code LC_ALL=C}), or null: such a path or header would be read as another one.
     */
    static String garbledArgument(java.util.List<String> args) {
        return args.stream().filter(a -> a.indexOf('\uFFFD') >= 0).findFirst().orElse(null);
    }

    /** Why {@code text} cannot be used, naming the locale that made it so and the one to use instead. */
    static String notInThisLocale(String text, java.util.Map<String, String> env) {
        String locale = java.util.stream.Stream.of("LC_ALL", "LC_CTYPE", "LANG")
                .filter(v -> env.get(v) != null && !env.get(v).isEmpty()).findFirst()
                .map(v -> v + "=" + env.get(v)).orElse("no LC_ALL, LC_CTYPE or LANG set");
        return text.replace('\uFFFD', '?') + " is not a valid path or name in this locale (" + locale + "): its letters "
                + "outside ASCII cannot be read; run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8";
    }

    /**
     * A message on one line: control characters (a newline or tab in a file name, an escape sequence) are written
     * as {@code \\n}, {@code \\t} or {@code \\u001B}, and so are bidirectional controls that would reorder it.
     */
    public static String oneLine(String message) {
        return escaped(message, false);
    }

    /**
     * Prints {@code t}'s stack trace (for --verbose) line by line, each with control characters other than its
     * indenting tabs written as {@link #oneLine} writes them: an exception's message can quote a value from a
     * file (an escape sequence that retitles or clears the terminal).
     */
    static void printTrace(Throwable t, PrintWriter err) {
        java.io.StringWriter trace = new java.io.StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        trace.toString().lines().forEach(line -> err.println(escaped(line, true)));
    }

    private static String escaped(String message, boolean keepTabs) {
        if (message == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(message.length());
        message.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append(keepTabs ? "\t" : "\\t");
                default -> {
                    // Besides control characters, those that move or hide text: bidi embeddings, isolates and marks,
                    // the line and paragraph separators.
                    if (Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                            || c == 0x200E || c == 0x200F || c == 0x061C || c == 0x2028 || c == 0x2029) {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }

    /** Picocli's list of patterns for the built-in converters it is not to register. */
    static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

    /**
     * {@code command}'s command line, made without picocli's converters for java.sql's types: it registers them
     * by reflection, which loads that module's classes on every start (about 15 ms), and no SaveScope option has
     * such a type. The setting is picocli's system property, so it is set only while the command line is made
     * (a notebook's cells run in this JVM, and their own picocli must see what they would see elsewhere); a
     * value the user set is left as it is.
     */
    private static CommandLine withoutSqlConverters(Object command) {
        if (System.getProperty(CONVERTER_EXCLUDES) != null) {
            return new CommandLine(command);
        }
        System.setProperty(CONVERTER_EXCLUDES, "java\\.sql\\..*");
        try {
            return new CommandLine(command);
        } finally {
            System.clearProperty(CONVERTER_EXCLUDES);
        }
    }

    public static CommandLine commandLine(Object command) {
        CommandLine cl = withoutSqlConverters(command);
        // The three handlers are classes, not lambdas: a lambda's class made for picocli's interfaces (compiled for
        // Java 5) keeps those interfaces, and picocli's classes built on them, out of the class-data archive, and
        // every run then loads and checks them from the jar and makes the lambda's class anew.
        cl.setExecutionExceptionHandler(new CommandLine.IExecutionExceptionHandler() {
            @Override
            public int handleExecutionException(Exception ex, CommandLine line, CommandLine.ParseResult parsed) {
                boolean verbose = Arrays.asList(parsed.originalArgs().toArray(String[]::new)).contains("--verbose");
                PrintWriter err = line.getErr();
                Throwable cause = ex;
                int code;
                if (causedByOutOfMemory(ex)) {
                    if (verbose) {
                        printTrace(ex, err);
                    }
                    return outOfMemory(err, line.getCommandName());
                }
                if (ex instanceof java.nio.file.InvalidPathException bad) {
                    // A name on disk (or in a manifest) this locale's encoding cannot hold: the locale is at fault.
                    code = ExitCode.BAD_INPUT.code();
                    err.println("error: " + oneLine(notInThisLocale(bad.getInput(), System.getenv())));
                } else if (ex instanceof UserError e) {
                    code = e.exitCode().code();
                    cause = e.getCause() != null ? e.getCause() : e;
                    err.println("error: " + oneLine(e.getMessage()));
                } else {
                    code = ExitCode.FAILURE.code();
                    err.println("error: " + oneLine(plainMessage(ex))
                            + (verbose ? "" : " (run with --verbose for details)"));
                }
                if (verbose) {
                    printTrace(cause, err);
                }
                err.flush();
                return code;
            }
        });
        // picocli passes only Exceptions to the handler above; an Error such as OutOfMemoryError would end the
        // program with a stack trace.
        cl.setExecutionStrategy(new CommandLine.IExecutionStrategy() {
            @Override
            public int execute(CommandLine.ParseResult parsed) {
                String garbled = garbledArgument(parsed.originalArgs());
                if (garbled != null) {
                    cl.getErr().println("error: " + oneLine(notInThisLocale(garbled, System.getenv())));
                    cl.getErr().flush();
                    return ExitCode.BAD_INPUT.code();
                }
                try {
                    return new CommandLine.RunLast().execute(parsed);
                } catch (OutOfMemoryError e) {
                    if (parsed.originalArgs().contains("--verbose")) {
                        printTrace(e, cl.getErr());
                    }
                    return outOfMemory(cl.getErr(), cl.getCommandName());
                }
            }
        });
        cl.setParameterExceptionHandler(new CommandLine.IParameterExceptionHandler() {
            @Override
            public int handleParseException(CommandLine.ParameterException ex, String[] args) {
                PrintWriter err = ex.getCommandLine().getErr();
                err.println("error: " + oneLine(plainParameterMessage(ex.getMessage())));
                err.println("Run with --help for usage and examples.");
                err.flush();
                return ExitCode.BAD_INPUT.code();
            }
        });
        return cl;
    }

    private static final java.util.regex.Pattern NOT_A_NUMBER = java.util.regex.Pattern.compile(
            "Invalid value for option '([^']+)': '(.*)' is not an? (int|long|double|float)", java.util.regex.Pattern.DOTALL);

    private static final java.util.regex.Pattern OWN_MESSAGE = java.util.regex.Pattern.compile(
            "Invalid value for option '([^']+)'(?: \\([^)]*\\))?: (\\1 .*)", java.util.regex.Pattern.DOTALL);

    /** Picocli's words for an option value of the wrong kind name a Java type; say what a user would type. */
    static String plainParameterMessage(String message) {
        // A converter's own message already names the option and the value: picocli's prefix would say it twice.
        java.util.regex.Matcher own = OWN_MESSAGE.matcher(message == null ? "" : message);
        if (own.matches()) {
            return own.group(2);
        }
        java.util.regex.Matcher m = NOT_A_NUMBER.matcher(message == null ? "" : message);
        if (!m.matches()) {
            return message;
        }
        String expected = m.group(3).equals("double") || m.group(3).equals("float") ? "a number, e.g. 2.5"
                : "a whole number" + (m.group(3).equals("int") ? " up to 2147483647" : "");
        return m.group(1) + ": expected " + expected + ", found \"" + m.group(2) + "\".";
    }

    /**
     * An unexpected failure in words: what a file problem was about, else the exception's own message; never
     * its class name.
     */
    static String plainMessage(Throwable ex) {
        Throwable t = ex instanceof java.io.UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (t instanceof java.io.IOException io) {
            String file = FileProblems.file(io);
            return (file == null ? "a file operation failed" : file) + ": " + FileProblems.reason(io);
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? "an unexpected internal failure" : "an unexpected internal failure: "
                + m.lines().findFirst().orElse("").strip();
    }

    /**
     * Says in one line that the heap was too small and how to raise it, and gives exit code 1. Called once the
     * work has unwound, so its data is garbage and the message can be made; every output is written beside its
     * target and moved into place whole, so none is left half-written.
     */
    static int outOfMemory(PrintWriter err, String command) {
        outOfMemory = true;
        err.println(outOfMemoryMessage(Runtime.getRuntime().maxMemory(), command));
        err.flush();
        return 1;
    }

    static String outOfMemoryMessage(long maxHeapBytes, String command) {
        return "error: this run needed more memory than the Java heap allows (at most " + (maxHeapBytes >> 20)
                + " MB). Give Java more, e.g. JAVA_TOOL_OPTIONS=-Xmx4g ./jbang " + command + " ...";
    }

    /** True when {@code t} or one of its causes is an OutOfMemoryError (a worker thread's, passed on wrapped). */
    static boolean causedByOutOfMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    public static int run(Object command, String... args) {
        CommandLine line = commandLine(command);
        String umask = ownerDeniedBy(umask());
        if (umask != null && Arrays.stream(args).noneMatch(a -> a.equals("-h") || a.equals("--help")
                || a.equals("-V") || a.equals("--version"))) {
            line.getErr().println("error: the umask " + umask + " takes permissions from you on the files and folders "
                    + "you create, so SaveScope could not finish writing what it makes (a folder it creates, then a file "
                    + "in it). Run `umask 022` (or `umask 077` to keep your files private) and try again.");
            line.getErr().flush();
            return ExitCode.BAD_INPUT.code();
        }
        return line.execute(args);
    }

    /**
     * The umask as Linux states it in /proc/self/status (since 4.7), e.g. "0022"; null elsewhere, where nothing is
     * checked.
     */
    static String umask() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"),
                    java.nio.charset.StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("Umask:")) {
                    return line.substring("Umask:".length()).strip();
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux, or no /proc
        }
        return null;
    }

    /**
     * {@code umask} when it takes read, write or search permission from the owner (any of 0700): every file then
     * comes out unreadable or read-only to its maker and every folder one they cannot write into or enter; else null.
     */
    static String ownerDeniedBy(String umask) {
        if (umask == null) {
            return null;
        }
        try {
            return (Integer.parseInt(umask, 8) & 0700) != 0 ? umask : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Set by {@link ReportDaemon} for the run it serves: whether the launcher's stderr is a terminal. */
    private static volatile Boolean servedTerminal;
    private static volatile boolean outOfMemory;

    /** Marks the start ({@code terminal} non-null, with its launcher's start in epoch ms) or end of a served run. */
    static void serving(Boolean terminal, long launcherStartMillis) {
        servedTerminal = terminal;
        StageClock.launcherStarted = terminal == null ? 0 : Math.max(1, launcherStartMillis);
        outOfMemory = false;
    }

    /** True when the user sees this run's stderr in a terminal (progress bars are drawn then). */
    public static boolean interactive() {
        Boolean served = servedTerminal;
        return served != null ? served : System.console() != null;
    }

    /** True when the last run ran out of memory (a daemon then ends: its heap may hold what the failure left). */
    static boolean ranOutOfMemory() {
        return outOfMemory;
    }
}
