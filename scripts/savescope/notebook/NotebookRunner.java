package savescope.notebook;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Runs a percent-format notebook cell by cell in one JShell (local execution, so displayed objects reach the runner
 * as they are), capturing each cell's streams, displays, trailing value and error as outputs.
 */
public final class NotebookRunner {
    /** The imports JShell's own DEFAULT startup gives, so cells behave as in {@code jshell} and {@code jbang}. */
    private static final List<String> STARTUP = List.of(
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.prefs.*;", "import java.util.regex.*;", "import java.util.stream.*;",
            "import static savescope.notebook.Display.*;", "String[] args = {};");
    private static final Set<String> PLAIN_TYPES = Set.of("int", "long", "double", "float", "short", "byte", "char",
            "boolean", "String", "Integer", "Long", "Double", "Float", "Short", "Byte", "Character", "Boolean",
            "java.lang.String");
    private static final int MAX_LIBRARY_FRAMES = 8;

    /**
     * How to run.
     *
     * @param params NAME → VALUE given with {@code --param}, in order
     * @param allowErrors run every cell even after one fails
     * @param cellTimeout stop a cell that runs longer, or null for no limit
     * @param extraClasspath more classpath entries (the notebook's own //DEPS), already resolved
     * @param progress where a line per cell goes, or null
     */
    public record Options(Map<String, String> params, boolean allowErrors, Duration cellTimeout,
            List<String> extraClasspath, PrintWriter progress) {
        public Options {
            params = new LinkedHashMap<>(params);
            extraClasspath = List.copyOf(extraClasspath);
        }

        public static Options defaults() {
            return new Options(Map.of(), false, null, List.of(), null);
        }
    }

    /**
     * The first cell that failed.
     *
     * @param cellNumber the cell's place in the executed notebook (1-based, counting markdown cells)
     * @param line the notebook line where it failed
     * @param ename the exception class or error kind
     * @param evalue the message
     */
    public record Failure(int cellNumber, int line, String ename, String evalue) {
        public String describe(String file) {
            return file + ":" + line + ": cell " + cellNumber + " failed: " + ename
                    + (evalue.isEmpty() ? "" : ": " + evalue);
        }
    }

    /**
     * The executed notebook.
     *
     * @param cells the cells with their outputs (unexecuted ones have no execution count)
     * @param executeResult per cell, the index of the output that is its trailing expression's value, or -1
     * @param firstFailure the first failing cell, or null
     * @param failedCells how many cells failed
     * @param executedCells how many code cells ran
     * @param codeCells how many code cells there are
     * @param seconds the time spent running cells
     */
    public record Result(List<Cell> cells, List<Integer> executeResult, Failure firstFailure, int failedCells,
            int executedCells, int codeCells, double seconds) {}

    private record Place(int cellNumber, int line) {}

    private NotebookRunner() {}

    /**
     * Runs the notebook.
     *
     * @throws IllegalArgumentException for parameters that do not fit the notebook
     */
    public static Result run(PercentFormat.Parsed nb, Options options) {
        List<PercentFormat.SourceCell> cells = withInjectedParameters(nb, options.params());
        long codeCells = cells.stream().filter(PercentFormat.SourceCell::isCode).count();
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        InputStream realIn = System.in;
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notebook-cell-timeout");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        Thread lastWord = lastWord(realErr, nb.file());
        try (JShell shell = JShell.builder().executionEngine(new GuardedExecution(), Map.of()).out(realOut).err(realErr)
                .build()) {
            shell.addToClasspath(System.getProperty("java.class.path"));
            for (String entry : options.extraClasspath()) {
                shell.addToClasspath(entry);
            }
            for (String s : STARTUP) {
                for (SnippetEvent e : shell.eval(s)) {
                    if (e.status() == Snippet.Status.REJECTED) {
                        throw new IllegalStateException("the notebook runner could not start: \"" + s + "\" failed: "
                                + shell.diagnostics(e.snippet()).map(d -> d.getMessage(Locale.ROOT))
                                        .collect(Collectors.joining("; ")));
                    }
                }
            }
            Execution run = new Execution(shell, nb.file(), watchdog, options.cellTimeout());
            List<Cell> out = new ArrayList<>();
            List<Integer> results = new ArrayList<>();
            Failure first = null;
            int failed = 0;
            int executed = 0;
            for (PercentFormat.SourceCell sc : cells) {
                if (!sc.isCode()) {
                    out.add(new Cell(Cell.Type.MARKDOWN, sc.source(), List.of(), null, sc.tags()));
                    results.add(-1);
                    continue;
                }
                if (first != null && !options.allowErrors()) {
                    out.add(new Cell(Cell.Type.CODE, sc.source(), List.of(), null, sc.tags()));
                    results.add(-1);
                    continue;
                }
                executed++;
                long t0 = System.nanoTime();
                CellRun r;
                running = new Place(out.size() + 1, sc.line());
                try {
                    r = run.cell(sc, out.size() + 1);
                } finally {
                    System.setOut(realOut);
                    System.setErr(realErr);
                    System.setIn(realIn);
                    Display.detach();
                }
                run.refusals(r, sc, out.size() + 1);
                double took = (System.nanoTime() - t0) / 1e9;
                out.add(new Cell(Cell.Type.CODE, sc.source(), r.outputs, executed, sc.tags()));
                results.add(r.resultIndex);
                if (r.failure != null) {
                    failed++;
                    if (first == null) {
                        first = r.failure;
                    }
                }
                if (options.progress() != null) {
                    options.progress().printf(Locale.ROOT, "[%d/%d] cell %d, line %d: %s%.1f s%n", executed, codeCells,
                            out.size(), sc.line(), r.failure != null ? "failed after " : "", took);
                    options.progress().flush();
                }
            }
            return new Result(out, results, first, failed, executed, (int) codeCells, (System.nanoTime() - start) / 1e9);
        } finally {
            watchdog.shutdownNow();
            running = null;
            removeHook(lastWord);
        }
    }

    /** The cell running now, for {@link #lastWord}. */
    private static volatile Place running;

    /**
     * A shutdown hook that says which cell ended the process, for the routes {@link GuardedExecution} cannot
     * guard (System.exit inside library code a cell calls): without it the run would end without a word.
     */
    private static Thread lastWord(PrintStream err, String file) {
        Thread hook = new Thread(() -> {
            Place at = running;
            if (at != null) {
                err.println("error: " + file + ":" + at.line() + ": cell " + at.cellNumber() + " ended the notebook "
                        + "process (System.exit or similar in code it called); no report was written.");
                err.flush();
            }
        }, "notebook-last-word");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run.
        }
    }

    /** The cells in order, with the injected-parameters cell right after the one tagged parameters. */
    static List<PercentFormat.SourceCell> withInjectedParameters(PercentFormat.Parsed nb, Map<String, String> params) {
        if (params.isEmpty()) {
            return nb.cells();
        }
        List<PercentFormat.SourceCell> out = new ArrayList<>();
        boolean injected = false;
        for (PercentFormat.SourceCell c : nb.cells()) {
            out.add(c);
            if (!injected && c.isCode() && c.tags().contains(Parameters.TAG)) {
                String source = "// Injected parameters\n"
                        + Parameters.injectedSource(Parameters.declared(c.source()), params);
                out.add(new PercentFormat.SourceCell(Cell.Type.CODE, source, List.of(Parameters.INJECTED_TAG), c.line()));
                injected = true;
            }
        }
        if (!injected) {
            throw new IllegalArgumentException(nb.file() + ": --param given but no code cell is tagged parameters; "
                    + "mark one with // %% tags=[\"parameters\"] and declare the defaults there");
        }
        return out;
    }

    /** What one cell produced. */
    private static final class CellRun {
        final List<Output> outputs = new ArrayList<>();
        int resultIndex = -1;
        Failure failure;
    }

    /** The JShell session and what it knows about the snippets evaluated so far. */
    private static final class Execution {
        private final JShell shell;
        private final String file;
        private final ScheduledExecutorService watchdog;
        private final Duration timeout;
        private final Map<String, Place> snippets = new HashMap<>();
        private volatile boolean timedOut;

        Execution(JShell shell, String file, ScheduledExecutorService watchdog, Duration timeout) {
            this.shell = shell;
            this.file = file;
            this.watchdog = watchdog;
            this.timeout = timeout;
        }

        CellRun cell(PercentFormat.SourceCell cell, int cellNumber) {
            CellRun run = new CellRun();
            Capture capture = new Capture(run.outputs);
            // The runner writes and flushes through its own references: a cell may replace System.out and System.err.
            PrintStream out = new PrintStream(capture.stream("stdout"), true, StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(capture.stream("stderr"), true, StandardCharsets.UTF_8);
            System.setOut(out);
            System.setErr(err);
            capture.err = err;
            Display.attach(capture);
            timedOut = false;
            ScheduledFuture<?> stopper = null;
            if (timeout != null) {
                // Repeated, because a stop that lands while JShell is still compiling has no effect.
                stopper = watchdog.scheduleWithFixedDelay(() -> {
                    timedOut = true;
                    shell.stop();
                }, timeout.toMillis(), 200, TimeUnit.MILLISECONDS);
            }
            try {
                evaluate(cell, cellNumber, run, capture);
            } finally {
                if (stopper != null) {
                    stopper.cancel(false);
                }
                out.flush();
                err.flush();
                capture.close();
            }
            return run;
        }

        private void evaluate(PercentFormat.SourceCell cell, int cellNumber, CellRun run, Capture capture) {
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            String text = cell.source();
            int pos = 0;
            while (true) {
                int codeStart = skipTrivia(text, pos);
                if (codeStart >= text.length()) {
                    return;
                }
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(text.substring(codeStart));
                String source = info.source() != null ? info.source() : text.substring(codeStart);
                int next = info.source() != null ? text.length() - info.remaining().length() : text.length();
                int line = cell.line() + countNewlines(text, 0, codeStart);
                boolean last = skipTrivia(text, next) >= text.length();
                List<SnippetEvent> events = shell.eval(source);
                if (timedOut) {
                    capture.flush();
                    run.outputs.add(new Output.Error("CellTimeout", "the cell ran longer than " + seconds(timeout)
                            + " and was stopped (--cell-timeout)", List.of(file + ":" + line + ": stopped here")));
                    run.failure = new Failure(cellNumber, line, "CellTimeout", "stopped after " + seconds(timeout));
                    return;
                }
                SnippetEvent main = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(null);
                if (main == null) {
                    pos = next;
                    continue;
                }
                Snippet snippet = main.snippet();
                snippets.put(snippet.id(), new Place(cellNumber, line));
                if (main.status() == Snippet.Status.REJECTED) {
                    compileError(snippet, source, line, cellNumber, run, capture);
                    return;
                }
                if (main.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    String missing = unresolved(snippet);
                    fail(run, capture, cellNumber, line, "CompileError", "cannot find symbol: " + missing,
                            List.of(file + ":" + line + ": error: cannot find symbol: " + missing));
                    return;
                }
                if (main.status() == Snippet.Status.RECOVERABLE_DEFINED) {
                    capture.err.println("note: " + describe(snippet) + " is defined but cannot be used until "
                            + unresolved(snippet) + " is declared");
                }
                if (main.exception() != null) {
                    exception(main.exception(), line, cellNumber, run, capture);
                    return;
                }
                if (last && main.value() != null) {
                    trailingValue(snippet, main.value(), run, capture);
                }
                pos = next;
            }
        }

        /**
         * Shows the calls {@link CellGuard} refused while the cell ran that are not already its error: those made on
         * threads the cell started, or caught by the cell. Either way the cell tried to end or hijack the run.
         */
        void refusals(CellRun run, PercentFormat.SourceCell cell, int cellNumber) {
            for (CellGuard.Refusal r : CellGuard.drain()) {
                if (run.failure != null && r.message().equals(run.failure.evalue())) {
                    continue;
                }
                String ename = "java.lang.UnsupportedOperationException";
                run.outputs.add(new Output.Error(ename, r.message(),
                        List.of(file + ":" + cell.line() + ": refused in thread \"" + r.thread() + "\" of cell "
                                + cellNumber)));
                if (run.failure == null) {
                    run.failure = new Failure(cellNumber, cell.line(), ename, r.message());
                }
            }
        }

        private void trailingValue(Snippet snippet, String value, CellRun run, Capture capture) {
            String name;
            String type;
            if (snippet instanceof VarSnippet v && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
                name = v.name();
                type = v.typeName();
            } else if (snippet instanceof ExpressionSnippet x) {
                name = x.name();
                type = x.typeName();
            } else {
                return;
            }
            Output output = null;
            if (!PLAIN_TYPES.contains(type)) {
                capture.result = null;
                shell.eval("savescope.notebook.Display.result(" + name + ");");
                output = DisplayOutputs.rich(capture.result);
            }
            capture.flush();
            run.resultIndex = run.outputs.size();
            run.outputs.add(output != null ? output : new Output.Text(value));
        }

        private void compileError(Snippet snippet, String source, int line, int cellNumber, CellRun run,
                Capture capture) {
            List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).toList();
            if (errors.isEmpty()) {
                fail(run, capture, cellNumber, line, "CompileError", "the snippet could not be compiled",
                        List.of(file + ":" + line + ": error: the snippet could not be compiled"));
                return;
            }
            List<String> trace = new ArrayList<>();
            int firstLine = line;
            String firstMessage = null;
            for (Diag d : errors) {
                String message = d.getMessage(Locale.ROOT).lines().findFirst().orElse("").strip();
                int at = (int) Math.max(0, Math.min(source.length(), d.getStartPosition()));
                int l = line + countNewlines(source, 0, at);
                int lineStart = source.lastIndexOf('\n', at - 1) + 1;
                int lineEnd = source.indexOf('\n', at);
                String text = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
                trace.add(file + ":" + l + ":" + (at - lineStart + 1) + ": error: " + message);
                trace.add(text);
                trace.add(" ".repeat(at - lineStart) + "^");
                if (firstMessage == null) {
                    firstMessage = message;
                    firstLine = l;
                }
            }
            fail(run, capture, cellNumber, firstLine, "CompileError", firstMessage, trace);
        }

        private void exception(JShellException ex, int line, int cellNumber, CellRun run, Capture capture) {
            List<String> trace = new ArrayList<>();
            String ename;
            String evalue;
            int where = line;
            if (ex instanceof UnresolvedReferenceException u) {
                ename = "UnresolvedReference";
                evalue = describe(u.getSnippet()) + " cannot be used until " + unresolved(u.getSnippet())
                        + " is declared";
                trace.add(file + ":" + line + ": " + evalue);
            } else {
                EvalException e = (EvalException) ex;
                ename = e.getExceptionClassName();
                evalue = e.getMessage() == null ? "" : e.getMessage();
                Integer inner = frames(e, trace, "");
                if (inner != null) {
                    where = inner;
                }
                Throwable cause = e.getCause();
                while (cause instanceof EvalException c) {
                    frames(c, trace, "Caused by: ");
                    cause = c.getCause();
                }
            }
            fail(run, capture, cellNumber, where, ename, evalue, trace);
        }

        /** Adds an exception's header and frames (notebook frames as file:line); returns the innermost notebook line. */
        private Integer frames(EvalException e, List<String> trace, String prefix) {
            trace.add(prefix + e.getExceptionClassName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            StackTraceElement[] st = e.getStackTrace();
            int lastNotebookFrame = -1;
            for (int i = 0; i < st.length; i++) {
                if (st[i].getFileName() != null && st[i].getFileName().startsWith("#")) {
                    lastNotebookFrame = i;
                }
            }
            Integer innermost = null;
            int library = 0;
            for (int i = 0; i <= lastNotebookFrame; i++) {
                StackTraceElement f = st[i];
                Place place = f.getFileName() != null && f.getFileName().startsWith("#")
                        ? snippets.get(f.getFileName().substring(1)) : null;
                if (place != null) {
                    int l = place.line() + Math.max(0, f.getLineNumber() - 1);
                    if (innermost == null) {
                        innermost = l;
                    }
                    String method = f.getMethodName();
                    String what = method.isEmpty() || method.startsWith("do_it$") ? "cell " + place.cellNumber()
                            : method + "()";
                    trace.add("    at " + what + " (" + file + ":" + l + ")");
                } else if (library++ < MAX_LIBRARY_FRAMES) {
                    trace.add("    at " + f);
                } else if (library == MAX_LIBRARY_FRAMES + 1) {
                    trace.add("    ...");
                }
            }
            return innermost;
        }

        private void fail(CellRun run, Capture capture, int cellNumber, int line, String ename, String evalue,
                List<String> trace) {
            capture.flush();
            run.outputs.add(new Output.Error(ename, evalue, trace));
            run.failure = new Failure(cellNumber, line, ename, evalue);
        }

        private String unresolved(Snippet snippet) {
            if (snippet instanceof jdk.jshell.DeclarationSnippet d) {
                String names = shell.unresolvedDependencies(d).collect(Collectors.joining(", "));
                if (!names.isEmpty()) {
                    return names;
                }
            }
            return "a missing declaration";
        }

        private static String describe(Snippet snippet) {
            if (snippet instanceof jdk.jshell.MethodSnippet m) {
                return m.name() + "(" + m.parameterTypes() + ")";
            }
            if (snippet instanceof jdk.jshell.DeclarationSnippet d) {
                return d.name();
            }
            return snippet.source().strip();
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1e3);
    }

    /** The first offset at or after {@code from} that is not whitespace or a comment. */
    static int skipTrivia(String s, int from) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (s.startsWith("//", i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? s.length() : nl + 1;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) {
                    return i;
                }
                i = end + 2;
            } else {
                return i;
            }
        }
        return i;
    }

    static int countNewlines(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** Collects a cell's stream text and displays in the order they happened, merging adjacent stream text. */
    private static final class Capture implements Display.Sink {
        private final List<Output> outputs;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private String pendingName;
        volatile Object result;
        PrintStream err;

        Capture(List<Output> outputs) {
            this.outputs = outputs;
        }

        OutputStream stream(String name) {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    append(name, new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    append(name, b, off, len);
                }
            };
        }

        private synchronized void append(String name, byte[] b, int off, int len) {
            if (!name.equals(pendingName)) {
                flush();
                pendingName = name;
            }
            pending.write(b, off, len);
        }

        synchronized void flush() {
            if (pending.size() > 0) {
                String text = pending.toString(StandardCharsets.UTF_8);
                int last = outputs.size() - 1;
                if (last >= 0 && outputs.get(last) instanceof Output.Stream s && s.name().equals(pendingName)) {
                    outputs.set(last, new Output.Stream(pendingName, s.text() + text));
                } else {
                    outputs.add(new Output.Stream(pendingName, text));
                }
                pending.reset();
            }
            pendingName = null;
        }

        void close() {
            flush();
        }

        @Override
        public synchronized void display(Object value) {
            flush();
            outputs.add(DisplayOutputs.of(value));
        }

        @Override
        public synchronized void markdown(String markdown) {
            flush();
            outputs.add(new Output.Markdown(markdown == null ? "" : markdown));
        }

        @Override
        public void result(Object value) {
            result = value;
        }
    }
}
