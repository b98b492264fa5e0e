package savescope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
import savescope.cli.StageClock;
import savescope.load.ContentTypes;
import savescope.load.Loader;
import savescope.model.Dataset;
import savescope.render.AtomicFiles;
import savescope.render.DataExport;
import savescope.render.HtmlReport;
import savescope.render.JsonOutput;
import savescope.render.ReportIndex;
import savescope.report.AggregatesFile;
import savescope.report.ReportFigures;
import savescope.report.ReportNotebook;
import savescope.report.ReportOptions;
import savescope.report.SaveReport;

/**
 * {@code report}: builds the saves report from exports and writes one self-contained HTML file. It has no
 * subcommand methods, so picocli is told not to look for them ({@code addMethodSubcommands}): that look reads the
 * annotations of each of this class's methods, a few milliseconds of every start.
 */
@Command(name = "report", mixinStandardHelpOptions = true, version = "SaveScope 0.1",
        sortOptions = false, usageHelpAutoWidth = true, addMethodSubcommands = false,
        description = {
            "Builds a notebook-style HTML report about saves from TikTok analytics exports (Studio CSV/XLSX/ZIP, "
                    + "API JSON, web-item JSON or CSV, Instagram exports, any CSV with --map).",
            "With no INPUT it reports on the bundled sample in data/sample/."},
        footer = {"",
            "Examples:",
            "  ./jbang report                                   sample report -> reports/sample.html",
            "  ./jbang report ~/Downloads/tiktok/               every export in a folder -> reports/tiktok.html",
            "  ./jbang report videos.csv daily.csv -o team.html",
            "  ./jbang report plays.csv --map views=Plays --map saves=Favorites",
            "  ./jbang report videos.csv --types tutorial=#howto,#tutorial --types recipe=#recipe",
            "  ./jbang report videos.csv --json numbers.json    also write every computed number",
            "  ./jbang report videos.csv --data-dir tables/     also write the computed tables as CSV",
            "  ./jbang report videos.csv --open                 and open the report in the browser",
            "  ./jbang report videos.csv --compare A=#hookA --compare B=#hookB",
            "  ./jbang report videos.csv --notebook mine.jsh    also write the report as a notebook to build on",
            "  ./jbang report videos.csv --pdf --paper a4       also a PDF (reports/videos.pdf) on A4 paper",
            "  ./jbang report videos.csv --save-aggregates agg.json.gz   also write every number of the page",
            "  ./jbang report --aggregates agg.json.gz -o team.html      the same page again, without the exports",
            "",
            "Exit codes: 0 done, 1 unexpected failure (or a full disk), 2 unusable input, options or output paths."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "Export files or folders (formats are detected; mix them freely). Default: data/sample")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the HTML report. Default: reports/<input name>.html")
    Path output;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write every computed number as JSON.")
    Path json;

    @Option(names = "--map", paramLabel = "FIELD=HEADER", converter = Converters.MapConverter.class,
            description = "Read FIELD from the column HEADER, e.g. --map saves=Favorites. Fields: video_id, title, "
                    + "posted_at, duration_s, views, likes, comments, shares, saves, content_type, hashtags, link.")
    List<Converters.FieldMapping> maps = new ArrayList<>();

    @Option(names = "--types", paramLabel = "TYPE=#TAGS", converter = Converters.TypesConverter.class,
            description = "Content type from hashtags when the export has none, e.g. --types tutorial=#howto,#tutorial. "
                    + "Built-in mappings cover common tags (tutorial, recipe, comedy, vlog, review).")
    List<ContentTypes> types = new ArrayList<>();

    @Option(names = "--history", arity = "0..1", paramLabel = "DIR", fallbackValue = "",
            description = "Report over every export imported with ./jbang import into DIR (default: the history in "
                    + "your data folder); the saves gained since the last import lead the findings.")
    String history;

    @Option(names = "--title", paramLabel = "TEXT", description = "The report's title. Default: from the account name.")
    String title;

    @Option(names = "--min-views", paramLabel = "N", defaultValue = "1000",
            description = "Rank videos by save rate only from N views up, N of 0 or more (default: ${DEFAULT-VALUE}).")
    long minViews;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "500",
            description = "At most N rows in the per-video table, N of 1 or more; every video is in the --data-dir "
                    + "export (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Option(names = "--compare", paramLabel = "NAME=RULE", converter = Converters.CompareConverter.class,
            description = "An experiment variant, repeatable: NAME=#hashtag, NAME=YYYY-MM-DD..YYYY-MM-DD (posting "
                    + "days) or NAME=variant:VALUE, e.g. --compare A=#hookA --compare B=#hookB. The first is the "
                    + "baseline. Default: variants found in the data (a variant column or tags like #hookA/#hookB).")
    List<Converters.Variant> compare = new ArrayList<>();

    @Option(names = "--min-segment", paramLabel = "N", defaultValue = "10",
            description = "Hide audience segments smaller than N people, N of 1 or more (default: ${DEFAULT-VALUE}).")
    int minSegment;

    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--notebook", paramLabel = "FILE.jsh",
            description = "Also write the report as a runnable notebook (percent format): its parameters, and the Java "
                    + "of every code cell, each displaying the values its cell shows. Run it with ./jbang notebook FILE.jsh.")
    Path notebook;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Also write the computed tables as CSV files for spreadsheets (videos.csv has every video).")
    Path dataDir;

    @Option(names = "--period", paramLabel = "PERIOD", description = "Compare a period with another: last-7d, "
            + "last-28d, last-90d (any last-Nd), this-month, YYYY-MM or YYYY-MM-DD..YYYY-MM-DD, counted back from the "
            + "last day the data covers.")
    String period;

    @Option(names = "--vs", paramLabel = "PERIOD", description = "What --period is compared with: previous (the "
            + "default), year-ago or YYYY-MM-DD..YYYY-MM-DD.")
    String vs;

    @Option(names = "--aggregates", paramLabel = "FILE", description = "Render the report from an aggregates file "
            + "(written by --save-aggregates or the Spark job) instead of from exports: no INPUT, and none of the "
            + "options that change the numbers (they were fixed when the file was written).")
    Path aggregates;

    @Option(names = "--save-aggregates", paramLabel = "FILE", description = "Also write every number the page is "
            + "made from as an aggregates file (gzip-compressed when FILE ends in .gz), which --aggregates renders "
            + "again without the exports.")
    Path saveAggregates;

    @Option(names = "--pdf", description = "Also write a PDF beside the HTML (team.html -> team.pdf), printed by a "
            + "headless Chromium, Chrome or Edge, which must be installed.")
    boolean pdf;

    @Option(names = "--paper", paramLabel = "SIZE", converter = Converters.PaperConverter.class, description = "The "
            + "PDF's paper: a4 or letter. Default: letter where the locale's country uses it (US, Canada, Mexico, ...), "
            + "else A4.")
    PdfPrinter.Paper paper;

    @Option(names = "--brand-name", paramLabel = "TEXT", description = "White label: this name heads the report "
            + "instead of SaveScope's.")
    String brandName;

    @Option(names = "--logo", paramLabel = "FILE", description = "White label: a PNG or SVG logo (at most 256 KB) "
            + "shown above the title, inlined in the page; an SVG is cleaned of scripts and external references.")
    Path logo;

    @Option(names = "--accent", paramLabel = "COLOUR", description = "White label: the accent colour of links and "
            + "highlights, e.g. #0a5f96; darkened if needed so text keeps a contrast of 4.5:1.")
    String accent;

    @Option(names = "--each", description = "One report per account: each INPUT (or each folder inside a single "
            + "INPUT folder) is an account; writes <account>.html and portfolio.html into the -o folder (default: "
            + "reports/), and skips accounts whose inputs, options and SaveScope version are unchanged.")
    boolean each;

    @Option(names = "--open", description = "Open the report in the default browser when it is written.")
    boolean open;

    @Option(names = "--no-index", negatable = false,
            description = "Do not rebuild index.html (the list of reports) in the report's folder.")
    boolean noIndex;

    @Option(names = "--timings", hidden = true, description = "Print each stage's time to stderr (for the benchmark).")
    boolean timings;

    /** The numbers of the report this run wrote (its JSON document), for {@code --each}'s portfolio. */
    Map<String, Object> numbers;

    @Override
    public Integer call() throws IOException {
        if (aggregates != null) {
            AggregatesOptions.refuseConflicts(spec.commandLine().getParseResult(), inputs, aggregates);
        }
        checkNumbers();
        checkTitle();
        checkPeriod();
        if (each) {
            return eachAccount();
        }
        savescope.history.History kept = aggregates != null ? null : HistoryInput.chosen(history, inputs);
        checkSaveAggregates(kept);
        List<Path> in = aggregates != null ? List.of(aggregates) : kept != null ? List.of(kept.folder()) : inputs.isEmpty()
                ? List.of(sampleInput(Path.of(""), System.getenv(PROJECT_DIR_VARIABLE), output == null, spec.commandLine().getErr()))
                : inputs;
        Path templateDir = common.templateDir();
        Path out = output != null ? output : Path.of("reports", (aggregates != null
                ? AggregatesOptions.reportName(aggregates) : defaultName(in)) + ".html");
        OutputPlan plan = plan(in, out);
        savescope.render.Brand brand = BrandOptions.read(brandName, logo, accent, spec.commandLine().getErr());
        if (paper != null && !pdf) {
            throw new UserError("--paper " + paper.name().toLowerCase(Locale.ROOT)
                    + ": expected --pdf too (the paper is the PDF's).");
        }
        PdfPrinter printer = pdf ? PdfPrinter.find(environment) : null;
        Map<String, String> fieldMap = Converters.fieldMap(maps);
        Loader.Options options = new Loader.Options(fieldMap, Converters.contentTypes(types));
        List<savescope.metrics.Experiment.Arm> arms = Converters.arms(compare);
        java.util.concurrent.Future<HtmlReport> preparing = HtmlReport.prepareInBackground(templateDir);
        StageClock clock = new StageClock(timings);
        Dataset data = null;
        ReportFigures stored = null;
        if (aggregates != null) {
            stored = AggregatesFile.read(aggregates);
        } else {
            try (LoadProgress bar = new LoadProgress(Cli.interactive())) {
                data = kept != null ? HistoryInput.load(kept, options.withProgress(bar))
                        : Loader.load(in, options.withProgress(bar));
            }
        }
        clock.lap("load");
        checkPeriodInData(data);
        Instant now = common.now();
        long drawnBefore = savescope.charts.Svg.drawingNanos();
        SaveReport.Result result = stored != null
                ? SaveReport.present(title != null ? stored.withTitle(title) : stored, now)
                : SaveReport.build(data, new ReportOptions(title, minViews, maxRows, arms, minSegment, period, vs), now);
        if (kept != null) {
            result = HistoryInput.withGainSinceLastImport(result, kept, options, data);
        }
        numbers = result.json();
        clock.lapSplit("metrics", "charts", result.busyNanos(), savescope.charts.Svg.drawingNanos() - drawnBefore);
        HtmlReport renderer = HtmlReport.ready(preparing);
        String html = render(renderer, result, brand);
        clock.lap("render");
        PrintWriter err = spec.commandLine().getErr();
        List<List<Path>> tables = new ArrayList<>(List.of(List.of()));
        SaveReport.Result built = result;
        Dataset loaded = data;
        writeAll(out, html, json, result, batch -> {
            if (notebook != null) {
                batch.write(notebook, ReportNotebook.of(built, new ReportNotebook.Parameters(
                        in.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList(), kept != null, fieldMap,
                        typed("--types"), compare.stream().map(Converters.Variant::spec).toList(), minViews, maxRows,
                        minSegment, title, period, vs)));
            }
            if (dataDir != null) {
                tables.set(0, DataExport.write(built.notebook(), loaded.videos(), dataDir, batch));
            }
            if (saveAggregates != null) {
                ReportFigures figures = built.analysis();
                batch.writeStream(saveAggregates, o -> AggregatesFile.write(figures, o,
                        AggregatesFile.compressed(saveAggregates)));
            }
        });
        if (dataDir != null) {
            err.println("wrote " + tables.get(0).size() + " CSV files to " + dataDir);
        }
        if (printer != null) {
            try {
                printer.print(out, PdfPrinter.besides(out), paper != null ? paper
                        : PdfPrinter.Paper.forPlace(environment, Locale.getDefault(Locale.Category.FORMAT)), environment);
            } catch (IOException e) {
                throw new UserError(savescope.ExitCode.FAILURE, "--pdf: the report was written, but not its PDF: "
                        + e.getMessage() + ".", e);
            }
            err.println("wrote " + PdfPrinter.besides(out));
        }
        if (!noIndex) {
            rebuildIndex(plan, renderer, now, err);
        }
        clock.lap("write");
        clock.print(err);
        err.flush();
        spec.commandLine().getOut().println(out);
        spec.commandLine().getOut().flush();
        if (open) {
            browser.open(out.toAbsolutePath(), err);
            err.flush();
        }
        return 0;
    }

    /** The page of {@code result}; a problem in the user's templates ends the run with its message. */
    static String render(HtmlReport renderer, SaveReport.Result result, savescope.render.Brand brand) {
        try {
            return renderer.render(result.notebook(), brand);
        } catch (HtmlReport.TemplateProblem e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /** More files a run writes in the same batch as its page. */
    interface MoreFiles {
        void write(AtomicFiles.Batch batch) throws IOException;
    }

    /**
     * Writes the page, the {@code --json} document (when {@code json} is not null) and what {@code more} adds.
     * Every file is written beside its target first and moved into place only when all were written, so a failed
     * run (a full disk, say) leaves the earlier report, JSON and tables as they were.
     */
    static void writeAll(Path out, String html, Path json, SaveReport.Result result, MoreFiles more) {
        try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
            batch.write(out, html);
            if (json != null) {
                batch.writeJson(json, JsonOutput.toJson(result.json()));
            }
            more.write(batch);
            batch.commit();
        } catch (IOException e) {
            throw OutputPlan.writeFailure(e);
        }
    }

    private int eachAccount() throws IOException {
        if (saveAggregates != null) {
            throw new UserError("--save-aggregates: not with --each, which writes one report per account; write each "
                    + "account's file with its own run.");
        }
        if (inputs.isEmpty() || json != null || dataDir != null || history != null || notebook != null) {
            throw new UserError("--each: expected account folders (e.g. clients/*/ or clients/), and none of "
                    + "--json, --data-dir, --notebook or --history, which name one file or folder for one report.");
        }
        savescope.render.Brand brand = BrandOptions.read(brandName, logo, accent,
                new PrintWriter(java.io.Writer.nullWriter()));
        return EachAccount.run(inputs, output != null ? output : Path.of("reports"),
                EachAccount.passedOptions(spec.commandLine().getParseResult()), spec.version()[0], brand,
                common.templateDir(), !noIndex, common.now(), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /**
     * {@code --save-aggregates} stores what the page is presented from; the lead finding of {@code --history} is
     * computed from the history itself, so the file could not give this page again.
     */
    private void checkSaveAggregates(savescope.history.History kept) {
        if (saveAggregates != null && kept != null) {
            throw new UserError("--save-aggregates: not with --history: the saves gained since the last import come "
                    + "from the history itself, and the file could not give this report again.");
        }
    }

    /** {@code --period} and {@code --vs}, checked before anything is read (their days are counted from the data). */
    private void checkPeriod() {
        if (vs != null && period == null) {
            throw new UserError("--vs " + vs + ": expected --period too (e.g. --period last-28d --vs " + vs + ").");
        }
        if (period == null) {
            return;
        }
        savescope.metrics.Period p;
        try {
            p = savescope.metrics.Period.parse(period, java.time.LocalDate.of(2000, 1, 1));
        } catch (IllegalArgumentException e) {
            throw new UserError("--period: " + e.getMessage() + ".");
        }
        try {
            p.comparison(vs);
        } catch (IllegalArgumentException e) {
            throw new UserError("--vs: " + e.getMessage() + ".");
        }
    }

    /**
     * A period that starts after the data's last day has nothing to show: most likely a typing slip (2030 for
     * 2026), so it is refused naming that day, not reported as an empty "0 vs 0".
     */
    private void checkPeriodInData(Dataset data) {
        if (period == null) {
            return;
        }
        java.time.LocalDate last = savescope.metrics.PeriodComparison.anchor(data);
        if (last == null) {
            throw new UserError("--period " + period + ": no video has a posting time and there is no daily series or "
                    + "export time, so no period can be told apart; expected posting times or a daily series.");
        }
        savescope.metrics.Period p = savescope.metrics.Period.parse(period, last);
        if (p.from().isAfter(last)) {
            throw new UserError("--period " + period + ": " + p.label() + " (from " + p.from() + ") starts after the "
                    + "data ends (" + last + "); expected a period up to " + last + ", e.g. --period last-28d.");
        }
        java.time.LocalDate first = savescope.metrics.PeriodComparison.firstDay(data);
        if (p.to().isBefore(first)) {
            throw new UserError("--period " + period + ": " + p.label() + " (to " + p.to() + ") ends before the data "
                    + "starts (" + first + "); expected a period from " + first + " to " + last + ".");
        }
        savescope.metrics.Period c = p.comparison(vs);
        if (!c.to().isBefore(p.from()) && !c.from().isAfter(p.to())) {
            throw new UserError("--vs " + (vs == null ? "previous" : vs) + ": the comparison (" + c.from() + " to "
                    + c.to() + ") overlaps the period (" + p.from() + " to " + p.to() + "); the comparison must not "
                    + "overlap the period.");
        }
    }

    /** The values of a repeatable option as the user typed them. */
    private List<String> typed(String option) {
        return List.copyOf(spec.findOption(option).originalStringValues());
    }

    /** The numeric options, checked before anything is read: a negative count or an empty table is a typing slip. */
    private void checkNumbers() {
        atLeast("--min-views", minViews, 0, "a number of views");
        atLeast("--max-rows", maxRows, 1, "a number of table rows");
        atLeast("--min-segment", minSegment, 1, "a number of people");
    }

    /** A title of nothing but spaces (or invisible characters) would leave the page and its tab without a name. */
    private void checkTitle() {
        if (title != null && title.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new UserError("--title: expected the report's title, found " + (title.isEmpty() ? "nothing"
                    : "no visible character") + "; leave --title out to name the report after the account.");
        }
    }

    /** Ends the run (exit code 2) when {@code value} of {@code option} is below {@code min}. */
    static void atLeast(String option, long value, long min, String what) {
        if (value < min) {
            throw new UserError(option + ": expected " + what + " of " + min + " or more, found " + value + ".");
        }
    }

    /** The run's inputs and outputs, checked before anything is read. */
    private OutputPlan plan(List<Path> in, Path out) {
        OutputPlan plan = new OutputPlan(in, common.force).file("-o", out);
        if (json != null) {
            plan.file("--json", json);
        }
        if (pdf) {
            plan.file("--pdf", PdfPrinter.besides(out));
        }
        if (notebook != null) {
            plan.file("--notebook", notebook);
        }
        if (saveAggregates != null) {
            plan.file("--save-aggregates", saveAggregates);
        }
        if (dataDir != null) {
            plan.dataDir(dataDir);
        }
        if (!noIndex) {
            plan.index(out.toAbsolutePath().getParent());
        }
        return plan.check();
    }

    /** The index is a convenience: when it cannot be written the report still stands, so only say why. */
    static void rebuildIndex(OutputPlan plan, HtmlReport renderer, Instant now, PrintWriter err) {
        if (plan.indexNote() != null) {
            err.println("note: " + Cli.oneLine(plan.indexNote()));
            return;
        }
        Path folder = plan.indexFolder();
        try {
            if (ReportIndex.rebuild(folder, renderer, now).isEmpty()) {
                err.println("note: " + Cli.oneLine(folder.resolve("index.html") + " was not made by SaveScope; left it as it is."));
            }
        } catch (HtmlReport.TemplateProblem e) {
            throw new UserError(e.getMessage(), e);
        } catch (IOException e) {
            UserError failure = OutputPlan.writeFailure(e);
            err.println("note: the report was written, but not the list of reports: " + Cli.oneLine(failure.getMessage()));
        }
    }

    /**
     * A progress bar on stderr while big inputs load: shown only on a terminal (never in captured output)
     * and only past {@link #MIN_BYTES}, where a load takes long enough to wonder about.
     */
    static final class LoadProgress implements Loader.Progress, AutoCloseable {
        static final long MIN_BYTES = 50L << 20;
        private final boolean terminal;
        private me.tongfei.progressbar.ProgressBar bar;

        LoadProgress(boolean terminal) {
            this.terminal = terminal;
        }

        @Override
        public void bytesRead(long bytesRead, long totalBytes) {
            if (bar == null) {
                if (!terminal || totalBytes <= MIN_BYTES) {
                    return;
                }
                bar = new me.tongfei.progressbar.ProgressBarBuilder().setTaskName("Reading").setInitialMax(totalBytes)
                        .setUnit(" MB", 1L << 20).setUpdateIntervalMillis(250)
                        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                        .clearDisplayOnFinish().build();
            }
            bar.stepTo(bytesRead);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /** Opens a file in the user's browser; replaced in tests. */
    interface Browser {
        void open(Path file, PrintWriter err);
    }

    Browser browser = ReportCommand::openInBrowser;

    /** Where --pdf looks for a browser, pdfinfo and the paper's country; replaced in tests. */
    Map<String, String> environment = System.getenv();

    /** Where the launchers name the SaveScope folder they run from, so its bundled sample is found anywhere. */
    static final String PROJECT_DIR_VARIABLE = "SAVESCOPE_PROJECT_DIR";

    /**
     * The input when none is given: data/sample/ here, else the bundled sample of the SaveScope folder named in
     * {@link #PROJECT_DIR_VARIABLE}; the latter is said on {@code err}, with where the report goes.
     */
    static Path sampleInput(Path here, String projectDir, boolean defaultOutput, PrintWriter err) {
        Path local = Path.of("data", "sample");
        if (Files.isDirectory(here.resolve(local))) {
            return here.toString().isEmpty() ? local : here.resolve(local);
        }
        Path bundled = projectDir == null || projectDir.isBlank() ? null : Path.of(projectDir, "data", "sample");
        if (bundled == null || !Files.isDirectory(bundled)) {
            throw new UserError("no INPUT given and no data/sample/ folder here; run from the SaveScope "
                    + "folder, or name your export files (see --help).");
        }
        err.println("note: no INPUT and no data/sample/ here: reporting on SaveScope's bundled sample in " + bundled
                + (defaultOutput ? "; the report goes to " + here.toAbsolutePath().resolve("reports") : "") + ".");
        return bundled;
    }

    /** Asks the desktop to open the file; when that cannot work or fails, the report is still written: say where. */
    static void openInBrowser(Path file, PrintWriter err) {
        Path report = file.toAbsolutePath();
        OpenPlan plan = openPlan(System.getProperty("os.name", ""), report.toString(), System.getenv(),
                ReportCommand::onPath);
        if (plan.command().isEmpty()) {
            err.println("note: " + Cli.oneLine(plan.problem() + "; the report is at " + report));
            return;
        }
        try {
            Process process = new ProcessBuilder(plan.command()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // A helper that fails (no browser set up) does so at once; one that hands over keeps running or ends well.
            if (process.waitFor(3, java.util.concurrent.TimeUnit.SECONDS) && process.exitValue() != 0) {
                err.println("note: " + plan.command().get(0) + " could not open a browser (exit code "
                        + process.exitValue() + "); the report is at " + report);
            }
        } catch (IOException e) {
            err.println("note: could not open a browser (" + plan.command().get(0) + ": " + e.getMessage()
                    + "); the report is at " + report);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How to open a file on a desktop: a command to run, or why there is none. */
    record OpenPlan(List<String> command, String problem) {}

    /**
     * The command that opens {@code file} on the desktop of {@code osName}: {@code open} on macOS, the URL handler
     * on Windows, {@code xdg-open} on Linux and other Unix desktops, which need a display and xdg-open on the PATH.
     */
    static OpenPlan openPlan(String osName, String file, Map<String, String> env, java.util.function.Predicate<String> onPath) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return new OpenPlan(List.of("open", file), "");
        }
        if (os.startsWith("windows")) {
            // rundll32 is on every Windows; unlike "cmd /c start", it takes paths with & or ^ as they are.
            return new OpenPlan(List.of("rundll32", "url.dll,FileProtocolHandler", file), "");
        }
        if (isBlank(env.get("DISPLAY")) && isBlank(env.get("WAYLAND_DISPLAY"))) {
            return new OpenPlan(List.of(), "--open: no desktop here (neither DISPLAY nor WAYLAND_DISPLAY is set)");
        }
        if (!onPath.test("xdg-open")) {
            return new OpenPlan(List.of(), "--open: xdg-open is not installed (it comes with xdg-utils)");
        }
        return new OpenPlan(List.of("xdg-open", file), "");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    static String defaultName(List<Path> in) {
        Path first = in.get(0).toAbsolutePath().normalize();
        return reportName(first.toString(), Files.isDirectory(first));
    }

    /** Names that Windows keeps for devices, whatever the extension: a report may not be called so. */
    private static final java.util.regex.Pattern WINDOWS_DEVICE =
            java.util.regex.Pattern.compile("(con|prn|aux|nul|com[0-9]|lpt[0-9])", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * The report's name for an input path: its last part, without the extension of a file, in lower case, with
     * letters (any script) and digits kept and other runs of characters made one hyphen. Both / and \ end a
     * part and a drive letter alone is no name, so a Windows path gives the same name on any system; text is
     * composed first (macOS writes "é" as e and an accent).
     */
    static String reportName(String path, boolean folder) {
        String trimmed = path.replaceAll("[\\\\/]+$", "");
        String name = trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
        if (name.matches("[A-Za-z]:")) {
            name = "";
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0 && !folder) {
            name = name.substring(0, dot);
        }
        name = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC)
                .replaceAll("[^\\p{L}\\p{M}\\p{N}._-]+", "-").replaceAll("^[.-]+|[.-]+$", "").toLowerCase(Locale.ROOT);
        if (name.length() > 80) {
            name = name.substring(0, 80);
        }
        if (name.isEmpty()) {
            return "report";
        }
        // "index" would be the list of reports SaveScope keeps in the folder.
        return WINDOWS_DEVICE.matcher(name).matches() || name.equals("index") ? name + "-report" : name;
    }
}
