package savescope.cli;

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
import savescope.notebook.NotebookDeps;
import savescope.notebook.NotebookRunner;
import savescope.notebook.PercentFormat;
import savescope.render.AtomicFiles;
import savescope.render.HtmlReport;
import savescope.render.IpynbWriter;

/** {@code notebook}: runs a percent-format {@code .jsh} notebook cell by cell into HTML and {@code .ipynb}. */
@Command(name = "notebook", mixinStandardHelpOptions = true, version = "SaveScope 0.1",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Runs a Java notebook (a .jsh file in Jupytext's percent format: '// %%' starts a code cell, "
                    + "'// %% [markdown]' a markdown cell) cell by cell through JShell, and writes the cells with "
                    + "their outputs as one HTML page and as a Jupyter .ipynb beside it.",
            "Cells can call display(x) (Tablesaw tables, XChart charts, text) and markdown(\"...\"); the value of a "
                    + "cell's last expression is shown as its result."},
        footer = {"",
            "Examples:",
            "  ./jbang notebook scripts/notebooks/saves-overview.jsh",
            "      -> reports/saves-overview.html and reports/saves-overview.ipynb",
            "  ./jbang notebook my.jsh -o out/my.html --param input=videos.csv --param top=5",
            "  ./jbang notebook my.jsh --allow-errors --cell-timeout 60",
            "  ./jbang notebook my.jsh --no-input                 outputs only, code hidden",
            "",
            "Exit codes: 0 done, 1 a cell failed (the report is still written), 2 unusable notebook or options."})
public final class NotebookCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The notebook (.jsh, percent format).")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the HTML; the .ipynb goes beside it. Default: reports/<notebook name>.html")
    Path output;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "Override a default of the cell tagged parameters, typed like it (int, long, double, "
                    + "boolean, String, Path). Repeatable.")
    List<String> params = new ArrayList<>();

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
        checkCellTimeout(cellTimeout);
        Path html = output != null ? output : Path.of("reports", baseName(file) + ".html");
        Path ipynb = html.resolveSibling(baseName(html) + ".ipynb");
        new OutputPlan(List.of(file), common.force).file("-o", html).file("the .ipynb", ipynb).check();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such notebook file.");
        } catch (MalformedInputException e) {
            throw new UserError(file + ": not UTF-8 text; save the notebook as UTF-8.");
        } catch (IOException e) {
            throw new UserError(file + ": could not read the notebook (" + savescope.FileProblems.reason(e)
                    + ").", e);
        }
        Path templateDir = common.templateDir();
        PercentFormat.Parsed nb = PercentFormat.parse(text, file.toString());
        Map<String, String> values = parseParams(params);

        List<String> deps = NotebookDeps.needed(nb);
        Path dir = file.toAbsolutePath().getParent();
        List<String> classpath = deps.isEmpty() ? List.of() : NotebookDeps.resolve(deps, dir, NotebookDeps.findJBang(),
                file.toString());
        PrintWriter err = spec.commandLine().getErr();
        // Taken before the cells run: a cell that cannot be stopped leaves System.out pointing at nothing.
        PrintWriter out = spec.commandLine().getOut();
        Duration timeout = cellTimeout == null ? null : Duration.ofMillis(Math.round(cellTimeout * 1000));
        Instant now = common.now();
        NotebookRunner.Result result = NotebookRunner.run(nb,
                new NotebookRunner.Options(values, allowErrors, timeout, classpath, err));

        Notebook executed = notebook(nb, result, values, now, false, false);
        Notebook page = notebook(nb, result, values, now, true, noInput);
        String rendered;
        try {
            rendered = new HtmlReport(templateDir).render(page);
        } catch (HtmlReport.TemplateProblem e) {
            throw new UserError(e.getMessage(), e);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("source", file.getFileName().toString());
        extra.put("parameters", values);
        try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
            batch.write(html, rendered);
            batch.write(ipynb, IpynbWriter.toJson(executed, result.executeResult(), extra));
            batch.commit();
        } catch (IOException e) {
            throw OutputPlan.writeFailure(e);
        }
        out.println(html);
        out.println(ipynb);
        out.flush();
        if (result.unstoppable()) {
            // Even with --allow-errors: the cells after the stuck one never ran, so the run is not complete.
            err.println("error: " + result.firstFailure().describe(file.toString()));
            err.println("The cell ignored the stop; the report shows the cells up to it, and the cells after it were "
                    + "not run.");
            err.flush();
            return 1;
        }
        if (result.firstFailure() != null) {
            String what = result.firstFailure().describe(file.toString());
            if (!allowErrors) {
                err.println("error: " + what);
                err.println("Stopped there; the report shows the cells up to it. Run with --allow-errors to run every cell.");
                err.flush();
                return 1;
            }
            err.println("warning: " + result.failedCells() + " of " + result.codeCells() + " code cells failed; the "
                    + "first: " + what);
            err.flush();
        }
        return 0;
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
