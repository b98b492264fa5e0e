package savescope.notebook;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
import savescope.UserError;
import savescope.cells.Cell;
import savescope.cells.Output;

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

        /** As {@link #describe}, for a notebook whose lines are counted within each cell (an .ipynb). */
        public String describeInCell(String file) {
            return file + ": cell " + cellNumber + ", line " + line + ": failed: " + ename
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
     * @param unstoppable a cell outlived its timeout and could not be stopped, so the run ended there: the process
     *     must end once the outputs are written, as that cell's thread still runs
     */
    public record Result(List<Cell> cells, List<Integer> executeResult, Failure firstFailure, int failedCells,
            int executedCells, int codeCells, double seconds, boolean unstoppable) {
        public Result(List<Cell> cells, List<Integer> executeResult, Failure firstFailure, int failedCells,
                int executedCells, int codeCells, double seconds) {
            this(cells, executeResult, firstFailure, failedCells, executedCells, codeCells, seconds, false);
        }
    }

    private record Place(int cellNumber, int line) {}

    /**
     * How long a timed-out cell may take to stop. A stop that lands while JShell compiles is repeated until it takes,
     * so this covers a slow compile on a busy machine; a cell still running after it catches the stops.
     */
    static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private NotebookRunner() {}

    /**
     * Runs the notebook.
     *
     * @throws UserError for parameters that do not fit the notebook
     */
    public static Result run(PercentFormat.Parsed nb, Options options) {
        List<PercentFormat.SourceCell> cells = withInjectedParameters(nb, options.params());
        long codeCells = cells.stream().filter(PercentFormat.SourceCell::isCode).count();
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        InputStream realIn = System.in;
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "notebook-cell-timeout"));
        // Cells with a timeout are evaluated on this thread, so that the runner can give up on one that cannot be stopped.
        ExecutorService cellThread = Executors.newSingleThreadExecutor(r -> daemon(r, "notebook-cell"));
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
            Execution run = new Execution(shell, nb.file(), watchdog, cellThread, options.cellTimeout());
            List<Cell> out = new ArrayList<>();
            List<Integer> results = new ArrayList<>();
            Failure first = null;
            int failed = 0;
            int executed = 0;
            boolean unstoppable = false;
            for (PercentFormat.SourceCell sc : cells) {
                if (!sc.isCode()) {
                    out.add(new Cell(Cell.Type.MARKDOWN, sc.source(), List.of(), null, sc.tags()));
                    results.add(-1);
                    continue;
                }
                if (unstoppable || first != null && !options.allowErrors()) {
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
                    // A cell that could not be stopped keeps printing: its text goes nowhere rather than onto the terminal.
                    boolean stuck = run.stuck;
                    System.setOut(stuck ? new PrintStream(OutputStream.nullOutputStream()) : realOut);
                    System.setErr(stuck ? new PrintStream(OutputStream.nullOutputStream()) : realErr);
                    System.setIn(realIn);
                    Display.detach();
                }
                unstoppable = run.stuck;
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
                            out.size(), sc.line(), unstoppable ? "could not be stopped; gave up after "
                                    : r.failure != null ? "failed after " : "", took);
                    options.progress().flush();
                }
            }
            return new Result(out, results, first, failed, executed, (int) codeCells, (System.nanoTime() - start) / 1e9,
                    unstoppable);
        } finally {
            watchdog.shutdownNow();
            cellThread.shutdownNow();
            running = null;
            removeHook(lastWord);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
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
            throw new UserError(nb.file() + ": --param given but no code cell is tagged parameters; "
                    + "mark one with // %% tags=[\"parameters\"] and declare the defaults there");
        }
        return out;
    }

    /** What one cell produced. */
    private static final class CellRun {
        // Synchronized: when the runner gives up on a cell, it copies what the cell's thread may still be adding to.
        final List<Output> outputs = Collections.synchronizedList(new ArrayList<>());
        int resultIndex = -1;
        Failure failure;
    }

    /** The JShell session and what it knows about the snippets evaluated so far. */
    private static final class Execution {
        private final JShell shell;
        private final String file;
        private final ScheduledExecutorService watchdog;
        private final ExecutorService cellThread;
        private final Duration timeout;
        private final Map<String, Place> snippets = new HashMap<>();
        private volatile boolean timedOut;
        /** The notebook line of the snippet being evaluated. */
        private volatile int line;
        /** A cell could not be stopped: its thread still runs, and JShell stays busy with it. */
        volatile boolean stuck;

        Execution(JShell shell, String file, ScheduledExecutorService watchdog, ExecutorService cellThread,
                Duration timeout) {
            this.shell = shell;
            this.file = file;
            this.watchdog = watchdog;
            this.cellThread = cellThread;
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
            CellGuard.stopping(false);
            ScheduledFuture<?> stopper = null;
            if (timeout != null) {
                // Repeated, because a stop that lands while JShell is still compiling has no effect.
                stopper = watchdog.scheduleWithFixedDelay(() -> {
                    timedOut = true;
                    CellGuard.stopping(true);
                    shell.stop();
                }, timeout.toMillis(), 200, TimeUnit.MILLISECONDS);
            }
            try {
                if (timeout == null) {
                    evaluate(cell, cellNumber, run, capture);
                } else if (!finishedInTime(cellThread.submit(() -> evaluate(cell, cellNumber, run, capture)))) {
                    return gaveUp(run, capture, cellNumber);
                }
            } finally {
                if (stopper != null) {
                    stopper.cancel(false);
                    CellGuard.stopping(false);
                }
                out.flush();
                err.flush();
                capture.close();
            }
            return run;
        }

        /** Waits for the cell until its timeout and the grace for stopping it have passed; false if it still runs. */
        private boolean finishedInTime(Future<?> evaluation) {
            try {
                evaluation.get(timeout.plus(STOP_GRACE).toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        /**
         * The cell as far as it got, ending in an error that says it could not be stopped. Its thread cannot be killed
         * in-process and JShell cannot evaluate anything else meanwhile, so no later cell runs.
         */
        private CellRun gaveUp(CellRun running, Capture capture, int cellNumber) {
            stuck = true;
            capture.abandon();
            CellRun run = new CellRun();
            synchronized (running.outputs) {
                run.outputs.addAll(running.outputs);
            }
            int at = line;
            String evalue = "the cell ran longer than " + seconds(timeout) + " (--cell-timeout) and could not be stopped "
                    + "within " + seconds(STOP_GRACE) + " more (it ignores interrupts and stops); the run ends here and "
                    + "the cells after it were not run";
            run.outputs.add(new Output.Error("CellTimeout", evalue, List.of(file + ":" + at + ": still running here")));
            run.failure = new Failure(cellNumber, at, "CellTimeout", "could not be stopped after " + seconds(timeout));
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
                this.line = line;
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

    static final int MAX_STREAM_BYTES = 1_000_000;
    static final int MAX_STREAM_LINES = 10_000;

    /**
     * Collects a cell's stream text and displays in the order they happened, merging adjacent stream text. Each stream
     * keeps its first {@link #MAX_STREAM_BYTES} bytes or {@link #MAX_STREAM_LINES} lines, as Jupyter front ends trim
     * long outputs; the rest is only counted, and a note where the trimming began says how much was left out.
     */
    private static final class Capture implements Display.Sink {
        private final List<Output> outputs;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final Map<String, StreamBudget> budgets = new HashMap<>();
        private String pendingName;
        private boolean closed;
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
            if (closed) {
                return;
            }
            StreamBudget budget = budgets.computeIfAbsent(name, k -> new StreamBudget());
            int keep = budget.keep(b, off, len);
            if (keep > 0) {
                if (!name.equals(pendingName)) {
                    flush();
                    pendingName = name;
                }
                pending.write(b, off, keep);
            }
            if (keep < len) {
                if (budget.noteIndex < 0) {
                    flush();
                    budget.noteIndex = outputs.size();
                    outputs.add(new Output.Stream(name, ""));
                }
                budget.drop(b, off + keep, len - keep);
            }
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

        synchronized void close() {
            if (closed) {
                return;
            }
            flush();
            budgets.forEach((name, budget) -> {
                if (budget.noteIndex >= 0) {
                    outputs.set(budget.noteIndex, new Output.Stream(name, budget.note(name)));
                }
            });
            closed = true;
        }

        /** Ends the capture of a cell the runner gave up on: what it writes or displays from now on is dropped. */
        void abandon() {
            close();
        }

        @Override
        public synchronized void display(Object value) {
            if (!closed) {
                flush();
                outputs.add(DisplayOutputs.of(value));
            }
        }

        @Override
        public synchronized void markdown(String markdown) {
            if (!closed) {
                flush();
                outputs.add(new Output.Markdown(markdown == null ? "" : markdown));
            }
        }

        @Override
        public void result(Object value) {
            result = value;
        }
    }

    /** How much of one stream a cell has kept, and how much it wrote past that. */
    private static final class StreamBudget {
        private long keptBytes;
        private long keptLines;
        private boolean full;
        private long droppedBytes;
        private long droppedLines;
        private byte lastDropped;
        /** Where the note about the trimmed text goes in the cell's outputs, or -1 while nothing was trimmed. */
        int noteIndex = -1;

        /** How many of the bytes fit; once one does not, none do, so the kept text is the stream's start. */
        int keep(byte[] b, int off, int len) {
            if (full) {
                return 0;
            }
            int n = 0;
            while (n < len && keptBytes < MAX_STREAM_BYTES && keptLines < MAX_STREAM_LINES) {
                keptBytes++;
                if (b[off + n++] == '\n') {
                    keptLines++;
                }
            }
            if (n < len) {
                full = true;
                // Never split a UTF-8 character: give back its leading bytes.
                while (n > 0 && (b[off + n] & 0xC0) == 0x80) {
                    n--;
                    keptBytes--;
                }
            }
            return n;
        }

        void drop(byte[] b, int off, int len) {
            droppedBytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    droppedLines++;
                }
            }
            lastDropped = b[off + len - 1];
        }

        String note(String stream) {
            long lines = droppedLines + (lastDropped == '\n' ? 0 : 1);
            return String.format(Locale.ROOT, "[output trimmed: %s more on %s not shown (%,d line%s); a cell keeps the "
                    + "first %,d lines or %s of each stream]\n", size(droppedBytes), stream, lines, lines == 1 ? "" : "s",
                    MAX_STREAM_LINES, size(MAX_STREAM_BYTES));
        }

        private static String size(long bytes) {
            if (bytes < 1000) {
                return bytes + (bytes == 1 ? " byte" : " bytes");
            }
            return bytes < 1_000_000 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1e3)
                    : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
    }
}
