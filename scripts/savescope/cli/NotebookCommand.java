package savescope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import savescope.UserError;
import savescope.cells.Cell;
import savescope.cells.Notebook;
import savescope.notebook.JupyterFormat;
import savescope.notebook.Magics;
import savescope.notebook.NotebookDeps;
import savescope.notebook.NotebookRunner;
import savescope.notebook.ParamGrid;
import savescope.notebook.PercentFormat;
import savescope.notebook.RunCache;
import savescope.render.AtomicFiles;
import savescope.render.BatchIndex;
import savescope.render.HtmlReport;
import savescope.render.IpynbWriter;

/** {@code notebook}: runs a percent-format {@code .jsh} notebook cell by cell into HTML and {@code .ipynb}. */
@Command(name = "notebook", mixinStandardHelpOptions = true, version = NotebookCommand.VERSION,
        subcommands = ConvertCommand.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Runs a Java notebook (a .jsh file in Jupytext's percent format: '// %%%%' starts a code cell, "
                    + "'// %%%% [markdown]' a markdown cell; or an .ipynb written for a Java kernel) cell by cell "
                    + "through JShell, and writes the cells with their outputs as one HTML page and as a Jupyter "
                    + ".ipynb beside it.",
            "Cells can call display(x) (Tablesaw tables, XChart charts, text) and markdown(\"...\"); the value of a "
                    + "cell's last expression is shown as its result."},
        footer = {"",
            "Examples:",
            "  ./jbang notebook scripts/notebooks/saves-overview.jsh",
            "      -> reports/saves-overview.html and reports/saves-overview.ipynb",
            "  ./jbang notebook my.jsh -o out/my.html --param input=videos.csv --param top=5",
            "  ./jbang notebook my.jsh --allow-errors --cell-timeout 60",
            "  ./jbang notebook my.jsh --no-input                 outputs only, code hidden",
            "  ./jbang notebook analysis.ipynb --param top=5      an .ipynb for a Java kernel (IJava, JJava)",
            "  ./jbang notebook my.jsh --cache                    skip the run when nothing it depends on changed",
            "  ./jbang notebook my.jsh --param-grid account=a,b   one run per value, and my-index.html",
            "  ./jbang notebook convert my.jsh my.ipynb           .jsh to .ipynb (or back)",
            "",
            "Exit codes: 0 done, 1 a cell failed (the report is still written), 2 unusable notebook or options."})
public final class NotebookCommand implements Callable<Integer> {
    /** SaveScope's version, as --version shows it and as cached runs are keyed by. */
    public static final String VERSION = "SaveScope 0.1";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "The notebook: a .jsh in percent format, or an "
            + ".ipynb written for a Java kernel (IJava, JJava).")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the HTML; the .ipynb goes beside it. Default: reports/<notebook name>.html")
    Path output;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "Override a default of the cell tagged parameters, typed like it (int, long, double, "
                    + "boolean, String, Path). Repeatable.")
    List<String> params = new ArrayList<>();

    @Option(names = "--param-grid", paramLabel = "NAME=A,B,...",
            description = "Run once per value (repeatable: once per combination), each run into its own HTML and "
                    + ".ipynb named after its values, plus an index page <name>-index.html linking them.")
    List<String> paramGrid = new ArrayList<>();

    @Option(names = "--cache", description = "Skip the run when its HTML and .ipynb exist from a successful run of the "
            + "same notebook, parameters, contents of the files they name, options and SaveScope.")
    boolean cache;

    @Option(names = "--allow-errors", description = "Run every cell even after one fails, and exit 0.")
    boolean allowErrors;

    @Option(names = "--cell-timeout", paramLabel = "SECONDS",
            description = "Stop a cell that runs longer than this many seconds (0.001 to 31536000, a year) and "
                    + "show it as failed.")
    Double cellTimeout;

    @Option(names = "--no-input", description = "Hide the code in the HTML and show only the outputs.")
    boolean noInput;

    @Mixin
    CommonOptions common = new CommonOptions();

    @Override
    public Integer call() throws IOException {
        if (file == null) {
            throw new UserError("expected a notebook (.jsh or .ipynb) to run, or: notebook convert FROM TO. "
                    + "Run with --help for usage and examples.");
        }
        checkCellTimeout(cellTimeout);
        Path html = output != null ? output : Path.of("reports", baseName(file) + ".html");
        String text = readNotebook(file);
        // Checked before any work: a template folder that is not there ends the run.
        common.templateDir();
        Map<String, String> values = parseParams(params);
        Map<String, List<String>> grid = ParamGrid.parse(paramGrid);
        for (String name : grid.keySet()) {
            if (values.containsKey(name)) {
                throw new UserError("--param " + name + " and --param-grid " + name + ": give it once.");
            }
        }
        Source source = Source.read(file, text, !values.isEmpty() || !grid.isEmpty());
        Magics.Extracted magics = Magics.extract(source.parsed(), file.toAbsolutePath().getParent(), source.ipynb());

        List<Job> jobs = new ArrayList<>();
        for (Map<String, String> combination : ParamGrid.combinations(grid)) {
            Map<String, String> all = new LinkedHashMap<>(values);
            all.putAll(combination);
            Path jobHtml = grid.isEmpty() ? html
                    : html.resolveSibling(baseName(html) + "-" + ParamGrid.fileNamePart(combination) + ".html");
            jobs.add(new Job(all, combination, jobHtml, jobHtml.resolveSibling(baseName(jobHtml) + ".ipynb")));
        }
        Path index = grid.isEmpty() ? null : html.resolveSibling(baseName(html) + "-index.html");
        OutputPlan plan = new OutputPlan(List.of(file), common.force);
        for (Job job : jobs) {
            plan.file(grid.isEmpty() ? "-o" : "the run for " + job.combination(), job.html())
                    .file("the .ipynb", job.ipynb());
        }
        if (index != null) {
            plan.file("the batch index", index);
        }
        plan.check();

        Runs runs = new Runs(file, text, source, magics);
        List<BatchIndex.Run> done = new ArrayList<>();
        int worst = 0;
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            if (index != null) {
                runs.err().printf(Locale.ROOT, "[run %d/%d] %s%n", i + 1, jobs.size(), describe(job.combination()));
                runs.err().flush();
            }
            Outcome outcome = runs.run(job);
            worst = Math.max(worst, outcome.exitCode());
            done.add(new BatchIndex.Run(job.combination(), job.html().getFileName().toString(),
                    job.ipynb().getFileName().toString(), outcome.words(), outcome.exitCode() == 0));
            if (outcome.unstoppable()) {
                break;
            }
        }
        if (index != null) {
            Instant now = common.now();
            String title = baseName(file) + ": " + done.size() + " runs";
            try {
                AtomicFiles.write(index, BatchIndex.html(title, done, "made "
                        + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).format(now.atOffset(ZoneOffset.UTC))));
            } catch (IOException e) {
                throw OutputPlan.writeFailure(e);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(index);
            out.flush();
            long failed = done.stream().filter(r -> !r.ok()).count();
            if (failed > 0) {
                runs.err().println("warning: " + failed + " of " + done.size() + " runs failed; " + index + " lists them.");
                runs.err().flush();
            }
        }
        return worst;
    }

    private static String describe(Map<String, String> combination) {
        List<String> p = new ArrayList<>();
        combination.forEach((k, v) -> p.add(k + "=" + v));
        return String.join(" ", p);
    }

    static String readNotebook(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such notebook file.");
        } catch (MalformedInputException e) {
            throw new UserError(file + ": not UTF-8 text; save the notebook as UTF-8.");
        } catch (IOException e) {
            throw new UserError(file + ": could not read the notebook (" + savescope.FileProblems.reason(e)
                    + ").", e);
        }
    }

    /** One run: the parameters in effect, the grid's part of them, and where it writes. */
    private record Job(Map<String, String> values, Map<String, String> combination, Path html, Path ipynb) {}

    /** How a run ended: its exit code, in a few words for the batch index, and whether the process must end. */
    private record Outcome(int exitCode, String words, boolean unstoppable) {}

    /** The notebook as read: its cells as written and, for an .ipynb, what its executed copy keeps of it. */
    private record Source(PercentFormat.Parsed parsed, JupyterFormat.Loaded ipynbFrame) {
        static Source read(Path file, String text, boolean newParameters) {
            if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ipynb")) {
                return new Source(PercentFormat.parse(text, file.toString()), null);
            }
            JupyterFormat.Loaded loaded = JupyterFormat.load(text, file.toString());
            if (!newParameters) {
                return new Source(loaded.parsed(), loaded);
            }
            // As Papermill: the parameters injected by an earlier run give way to this run's.
            List<PercentFormat.SourceCell> cells = new ArrayList<>();
            List<JupyterFormat.CellFrame> frames = new ArrayList<>();
            for (int i = 0; i < loaded.parsed().cells().size(); i++) {
                if (!loaded.parsed().cells().get(i).tags().contains(savescope.notebook.Parameters.INJECTED_TAG)) {
                    cells.add(loaded.parsed().cells().get(i));
                    frames.add(loaded.cells().get(i));
                }
            }
            PercentFormat.Parsed p = new PercentFormat.Parsed(file.toString(), List.of(), cells, List.of());
            return new Source(p, new JupyterFormat.Loaded(p, loaded.metadata(), frames));
        }

        boolean ipynb() {
            return ipynbFrame != null;
        }
    }

    /** Runs the notebook once per job, resolving its dependencies once. */
    private final class Runs {
        private final Path file;
        private final String text;
        private final Source source;
        private final Magics.Extracted magics;
        private List<String> classpath;
        private final PrintWriter err = spec.commandLine().getErr();
        // Taken before the cells run: a cell that cannot be stopped leaves System.out pointing at nothing.
        private final PrintWriter out = spec.commandLine().getOut();

        Runs(Path file, String text, Source source, Magics.Extracted magics) {
            this.file = file;
            this.text = text;
            this.source = source;
            this.magics = magics;
        }

        PrintWriter err() {
            return err;
        }

        private List<String> classpath() {
            if (classpath == null) {
                List<String> deps = new ArrayList<>(NotebookDeps.needed(source.parsed()));
                deps.addAll(magics.deps());
                List<String> cp = new ArrayList<>(deps.isEmpty() ? List.of() : NotebookDeps.resolve(deps, magics.repos(),
                        file.toAbsolutePath().getParent(), NotebookDeps.findJBang(), file.toString()));
                cp.addAll(magics.classpath());
                classpath = cp;
            }
            return classpath;
        }

        Outcome run(Job job) throws IOException {
            String key = cache ? cacheKey(job.values()) : null;
            if (key != null && upToDate(job, key)) {
                err.println("cached: " + job.html() + " is up to date (key " + RunCache.shortDigest(key) + "; notebook, "
                        + "parameters, their files and SaveScope unchanged), nothing ran");
                err.flush();
                out.println(job.html());
                out.println(job.ipynb());
                out.flush();
                return new Outcome(0, "reused (cache key " + RunCache.shortDigest(key) + ")", false);
            }
            Duration timeout = cellTimeout == null ? null : Duration.ofMillis(Math.round(cellTimeout * 1000));
            Instant now = common.now();
            NotebookRunner.Result ran = NotebookRunner.run(magics.cells(),
                    new NotebookRunner.Options(job.values(), allowErrors, timeout, classpath(), err));
            NotebookRunner.Result result = withSources(ran, source.parsed(), !job.values().isEmpty());

            Notebook executed = notebook(source.parsed(), result, job.values(), now, false, false);
            Notebook page = notebook(source.parsed(), result, job.values(), now, true, noInput);
            String rendered;
            try {
                rendered = new HtmlReport(common.templateDir()).render(page);
            } catch (HtmlReport.TemplateProblem e) {
                throw new UserError(e.getMessage(), e);
            }
            int code = exitCode(result);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("source", file.getFileName().toString());
            extra.put("parameters", job.values());
            if (key != null && code == 0) {
                // Only a run that succeeded is reused; a failed one runs again next time.
                extra.put(RunCache.METADATA_KEY, key);
            }
            try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
                batch.write(job.html(), rendered);
                batch.writeJson(job.ipynb(), IpynbWriter.toJson(executed, result.executeResult(), extra,
                        frame(result, !job.values().isEmpty())));
                batch.commit();
            } catch (IOException e) {
                throw OutputPlan.writeFailure(e);
            }
            out.println(job.html());
            out.println(job.ipynb());
            out.flush();
            return new Outcome(code, words(result), result.unstoppable());
        }

        private String where(NotebookRunner.Failure f) {
            return source.ipynb() ? f.describeInCell(file.toString()) : f.describe(file.toString());
        }

        private int exitCode(NotebookRunner.Result result) {
            if (result.unstoppable()) {
                // Even with --allow-errors: the cells after the stuck one never ran, so the run is not complete.
                err.println("error: " + where(result.firstFailure()));
                err.println("The cell ignored the stop; the report shows the cells up to it, and the cells after it "
                        + "were not run.");
                err.flush();
                return 1;
            }
            if (result.firstFailure() == null) {
                return 0;
            }
            if (!allowErrors && isUserError(result.firstFailure().ename())) {
                // A cell stopped by SaveScope's own check of its input (a missing file, a bad history) says what
                // is wrong as the report would, without the class name or a trace: the input, not the code, is at fault.
                err.println("error: " + file + ": cell " + result.firstFailure().cellNumber() + ": "
                        + result.firstFailure().evalue());
                err.println("Stopped there; the report shows the cells up to it.");
                err.flush();
                return savescope.ExitCode.BAD_INPUT.code();
            }
            if (!allowErrors) {
                err.println("error: " + where(result.firstFailure()));
                err.println("Stopped there; the report shows the cells up to it. Run with --allow-errors to run every "
                        + "cell.");
                err.flush();
                return 1;
            }
            err.println("warning: " + result.failedCells() + " of " + result.codeCells() + " code cells failed; the "
                    + "first: " + where(result.firstFailure()));
            err.flush();
            return 0;
        }

        /** True for an exception class that is SaveScope's {@link UserError} (bad input or options) or one of its kinds. */
        private static boolean isUserError(String className) {
            try {
                return UserError.class.isAssignableFrom(Class.forName(className, false,
                        NotebookCommand.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }

        private String words(NotebookRunner.Result result) {
            if (result.firstFailure() == null) {
                return "ran";
            }
            NotebookRunner.Failure f = result.firstFailure();
            return (allowErrors && !result.unstoppable() ? "ran; " + result.failedCells() + " cells failed, first "
                    : "failed: ") + "cell " + f.cellNumber() + ", " + f.ename();
        }

        private String cacheKey(Map<String, String> values) {
            String parameters = source.parsed().cells().stream()
                    .filter(c -> c.isCode() && c.tags().contains(savescope.notebook.Parameters.TAG))
                    .map(PercentFormat.SourceCell::source).findFirst().orElse("");
            List<String> options = List.of("allow-errors " + allowErrors, "no-input " + noInput,
                    "cell-timeout " + cellTimeout, "template-dir " + common.templateDir());
            List<Path> files = new ArrayList<>();
            magics.classpath().forEach(c -> files.add(Path.of(c)));
            if (common.templateDir() != null) {
                files.add(common.templateDir());
            }
            return RunCache.key(text, parameters, values, options, files, VERSION);
        }

        /** Whether the job's outputs exist and its .ipynb was written by a successful run under the same key. */
        private boolean upToDate(Job job, String key) {
            if (!Files.isRegularFile(job.html()) || !Files.isRegularFile(job.ipynb())) {
                return false;
            }
            try {
                JsonNode written = new ObjectMapper().readTree(job.ipynb().toFile());
                return key.equals(written.path("metadata").path("savescope").path(RunCache.METADATA_KEY).asText(""));
            } catch (IOException e) {
                return false;
            }
        }

        /** For an .ipynb: its metadata and cell ids, with a fresh cell for the injected parameters. */
        private IpynbWriter.Frame frame(NotebookRunner.Result result, boolean injected) {
            if (!source.ipynb()) {
                return null;
            }
            List<IpynbWriter.CellFrame> cells = new ArrayList<>();
            int j = 0;
            boolean injectedSeen = false;
            for (Cell c : result.cells()) {
                if (injected && !injectedSeen && c.tags().contains(savescope.notebook.Parameters.INJECTED_TAG)) {
                    injectedSeen = true;
                    cells.add(new IpynbWriter.CellFrame("injected-parameters",
                            JsonNodeFactory.instance.objectNode()));
                    continue;
                }
                JupyterFormat.CellFrame f = source.ipynbFrame().cells().get(j++);
                cells.add(new IpynbWriter.CellFrame(f.id(), f.metadata()));
            }
            // A key kept from an earlier run of the notebook read is not this run's.
            com.fasterxml.jackson.databind.node.ObjectNode metadata = source.ipynbFrame().metadata().deepCopy();
            if (metadata.get("savescope") instanceof com.fasterxml.jackson.databind.node.ObjectNode own) {
                own.remove(RunCache.METADATA_KEY);
            }
            return new IpynbWriter.Frame(metadata, cells);
        }
    }

    /** The result with each cell's source as written (magic lines included), not as the runner got it. */
    static NotebookRunner.Result withSources(NotebookRunner.Result r, PercentFormat.Parsed original, boolean injected) {
        List<Cell> cells = new ArrayList<>();
        int j = 0;
        boolean injectedSeen = false;
        for (Cell c : r.cells()) {
            if (injected && !injectedSeen && c.tags().contains(savescope.notebook.Parameters.INJECTED_TAG)) {
                injectedSeen = true;
                cells.add(c);
                continue;
            }
            cells.add(new Cell(c.type(), original.cells().get(j++).source(), c.outputs(), c.executionCount(), c.tags()));
        }
        return new NotebookRunner.Result(cells, r.executeResult(), r.firstFailure(), r.failedCells(), r.executedCells(),
                r.codeCells(), r.seconds(), r.unstoppable());
    }

    /**
     * The executed notebook as the cell model. For the page ({@code html}), a leading {@code # Title} line moves
     * from the first cell into the title block, and {@code hideInput} empties the code for an outputs-only page.
     */
    public static Notebook notebook(PercentFormat.Parsed nb, NotebookRunner.Result result, Map<String, String> values,
            Instant now, boolean html, boolean hideInput) {
        List<Cell> cells = new ArrayList<>(result.cells());
        String title = baseName(Path.of(nb.file()));
        if (!cells.isEmpty() && cells.get(0).isMarkdown() && cells.get(0).source().startsWith("# ")) {
            Cell first = cells.get(0);
            String src = first.source();
            int nl = src.indexOf('\n');
            title = (nl < 0 ? src : src.substring(0, nl)).substring(2).strip();
            if (html) {
                cells.set(0, new Cell(first.type(), nl < 0 ? "" : src.substring(nl + 1).strip(), first.outputs(),
                        first.executionCount(), first.tags()));
            }
        }
        if (hideInput) {
            cells.replaceAll(c -> c.isMarkdown() ? c : new Cell(c.type(), "", c.outputs(), c.executionCount(), c.tags()));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("Notebook", nb.file());
        if (!values.isEmpty()) {
            List<String> p = new ArrayList<>();
            values.forEach((k, v) -> p.add(k + "=" + v));
            meta.put("Parameters", String.join(", ", p));
        }
        meta.put("Ran", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).format(now.atOffset(ZoneOffset.UTC)));
        meta.put("Result", outcome(result));
        return new Notebook(title, "", meta, cells, hideInput ? "outputs" : "notebook");
    }

    static String outcome(NotebookRunner.Result r) {
        String time = String.format(Locale.ROOT, " in %.1f s", r.seconds());
        if (r.firstFailure() == null) {
            return "all " + r.codeCells() + " code cells ran" + time;
        }
        if (r.executedCells() < r.codeCells()) {
            return "stopped at cell " + r.firstFailure().cellNumber() + " (line " + r.firstFailure().line() + "): "
                    + r.firstFailure().ename() + "; " + r.executedCells() + " of " + r.codeCells() + " code cells ran";
        }
        return r.codeCells() + " code cells ran" + time + "; " + r.failedCells() + " failed";
    }

    /** A timeout the watchdog can keep: a finite number of seconds, at least a millisecond. */
    static void checkCellTimeout(Double seconds) {
        if (seconds != null && !(seconds >= 0.001 && seconds <= MAX_CELL_TIMEOUT_S)) {
            throw new UserError("--cell-timeout: expected a number of seconds from 0.001 to "
                    + MAX_CELL_TIMEOUT_S + " (a year), found " + (Double.isFinite(seconds)
                    ? java.math.BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString() : seconds) + ".");
        }
    }

    private static final long MAX_CELL_TIMEOUT_S = 365L * 24 * 3600;

    static Map<String, String> parseParams(List<String> specs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : specs) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new UserError("--param \"" + s + "\": expected NAME=VALUE, e.g. --param minViews=500");
            }
            m.put(s.substring(0, eq).strip(), s.substring(eq + 1));
        }
        return m;
    }

    static String baseName(Path p) {
        String name = p.getFileName() == null ? "notebook" : p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
