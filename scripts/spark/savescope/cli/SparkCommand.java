package savescope.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import savescope.UserError;
import savescope.load.Loader;
import savescope.render.HtmlReport;
import savescope.report.ReportOptions;
import savescope.render.AtomicFiles;
import savescope.report.AggregatesFile;
import savescope.report.ReportFigures;
import savescope.report.SaveReport;
import savescope.spark.AggregatesJson;
import savescope.spark.CorpusGenerator;
import savescope.spark.NumbersDiff;
import savescope.spark.ParquetConvert;
import savescope.spark.SparkAnalytics;
import savescope.spark.SparkInputs;
import savescope.spark.SparkSessions;
import savescope.spark.TimedAnalytics;

/**
 * {@code ./jbang report-spark}: the saves report computed by Apache Spark, for corpora too big for one machine's
 * memory: the same page and {@code --json} as {@code ./jbang report}, built by the same sections from
 * {@link SparkAnalytics}, and written with the same checks. Reads canonical Parquet, canonical CSV or Research
 * API JSON Lines on any Hadoop path, or exports of any format SaveScope's loader reads.
 */
@Command(name = "report-spark", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {SparkCommand.Convert.class, SparkCommand.Generate.class, SparkCommand.Compare.class},
        description = {"Builds the saves report with Apache Spark (local mode or a cluster): the same page and --json "
                + "as ./jbang report.", "",
            "Examples:",
            "  ./jbang report-spark data/sample -o reports/spark.html --json numbers.json",
            "  ./jbang report-spark corpus/ --aggregates numbers.json",
            "  ./jbang report-spark corpus/ --save-aggregates page.json.gz   then: ./jbang report --aggregates page.json.gz",
            "  ./jbang report-spark s3a://bucket/videos.parquet --master spark://host:7077 -o big.html",
            "  ./jbang report-spark convert ~/Downloads/tiktok/ --out corpus/",
            "  ./jbang report-spark generate --videos 10000000 --out /tmp/corpus-10m",
            "  ./jbang report-spark compare spark.json local.json"})
public final class SparkCommand implements Callable<Integer> {

    /** Options every Spark command takes. */
    static final class SparkOptions {
        @Option(names = "--master", paramLabel = "URL",
                description = "Spark master (default: local[*], or what spark-submit set).")
        String master;

        @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting, passed through (repeatable).")
        Map<String, String> conf = new LinkedHashMap<>();

        SparkSession open() {
            return SparkSessions.open(master, conf);
        }
    }

    /** {@code --verbose} of the subcommands (the report's own comes with its common options). */
    static final class Verbose {
        @Option(names = "--verbose", description = "Show stack traces of errors.")
        boolean verbose;
    }

    @picocli.CommandLine.Mixin
    SparkOptions spark = new SparkOptions();

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "Canonical Parquet (a folder `convert` wrote, or a videos Parquet), canonical CSV, or "
                    + "Research API JSON Lines, local paths or any Hadoop-compatible URL; or local export files and "
                    + "folders as for ./jbang report (read by its loader, then handed to Spark).")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the HTML report. Default: reports/<input name>.html")
    Path output;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write every computed number as JSON.")
    Path json;

    @Option(names = "--aggregates", paramLabel = "FILE",
            description = "Write every aggregate as JSON to FILE (small, whatever the input size); given alone, "
                    + "no report is built.")
    Path aggregatesFile;

    @Option(names = "--save-aggregates", paramLabel = "FILE",
            description = "Write the report's aggregates file (gzip-compressed when FILE ends in .gz), which "
                    + "./jbang report --aggregates FILE renders without the data; given alone, no page is built "
                    + "(the form for spark-submit on a cluster).")
    Path saveAggregates;

    @Option(names = "--title", paramLabel = "TEXT", description = "The report's title. Default: from the account name.")
    String title;

    @Option(names = "--min-views", paramLabel = "N", defaultValue = "1000",
            description = "Rank videos by save rate only from N views up (default: ${DEFAULT-VALUE}).")
    long minViews;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "500",
            description = "At most N rows in the per-video table (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Option(names = "--compare", paramLabel = "NAME=RULE", converter = Converters.CompareConverter.class,
            description = "An experiment variant, as for ./jbang report (repeatable; the first is the baseline).")
    List<Converters.Variant> compare = new ArrayList<>();

    @Option(names = "--min-segment", paramLabel = "N", defaultValue = "10",
            description = "Hide audience segments smaller than N people (default: ${DEFAULT-VALUE}).")
    int minSegment;

    @picocli.CommandLine.Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--no-index", negatable = false,
            description = "Do not rebuild index.html (the list of reports) in the report's folder.")
    boolean noIndex;

    @Override
    public Integer call() throws Exception {
        if (inputs.isEmpty()) {
            throw new UserError("give the INPUT to read (see --help).");
        }
        ReportCommand.atLeast("--min-views", minViews, 0, "a number of views");
        ReportCommand.atLeast("--max-rows", maxRows, 1, "a number of table rows");
        ReportCommand.atLeast("--min-segment", minSegment, 1, "a number of people");
        boolean report = output != null || json != null || (aggregatesFile == null && saveAggregates == null);
        List<Path> local = localInputs();
        Path out = output != null ? output : Path.of("reports", ReportCommand.defaultName(
                List.of(Path.of(inputs.get(0).replaceFirst("^file:", "")))) + ".html");
        // The same checks for every file written, a page or not: an aggregates file never replaces an input.
        OutputPlan plan = new OutputPlan(local, common.force);
        if (report) {
            plan.file("-o", out);
            if (json != null) {
                plan.file("--json", json);
            }
        }
        if (aggregatesFile != null) {
            plan.file("--aggregates", aggregatesFile);
        }
        if (saveAggregates != null) {
            plan.file("--save-aggregates", saveAggregates);
        }
        if (report && !noIndex) {
            plan.index(out.toAbsolutePath().getParent());
        }
        plan.check();
        Path templateDir = common.templateDir();
        List<savescope.metrics.Experiment.Arm> arms = Converters.arms(compare);
        Stopping stopping = Stopping.watch();
        try (SparkSession session = spark.open()) {
            SparkAnalytics analytics = open(session, inputs, minViews);
            if (!report) {
                writeAggregatesOnly(analytics, arms);
                return 0;
            }
            writeReport(analytics, out, plan, templateDir, arms);
            return 0;
        } catch (RuntimeException e) {
            throw stopping.explain(e);
        } finally {
            stopping.close();
        }
    }

    /**
     * Whether the JVM is shutting down (Ctrl-C, a kill): Spark's own shutdown hook then stops the context under
     * the running job, which fails with Spark's internal words; the user is told what happened instead.
     */
    static final class Stopping {
        private volatile boolean stopping;
        private final Thread hook = new Thread(() -> stopping = true, "savescope-stopping");

        static Stopping watch() {
            Stopping s = new Stopping();
            Runtime.getRuntime().addShutdownHook(s.hook);
            return s;
        }

        /** {@code e} itself, or when the run was stopped, a plain statement that it was and that nothing was written. */
        RuntimeException explain(RuntimeException e) {
            return stopping ? new UserError("interrupted: the run was stopped before its files were written; "
                    + "none was written or replaced.", e) : e;
        }

        void close() {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook has run or is running: nothing to remove.
            }
        }
    }

    /**
     * The cluster job's output, without a page: the engine's own aggregates ({@code --aggregates}) and the report's
     * aggregates file ({@code --save-aggregates}), each written whole or not at all.
     */
    private void writeAggregatesOnly(SparkAnalytics analytics, List<savescope.metrics.Experiment.Arm> arms) {
        String aggregates = aggregatesFile == null ? null : AggregatesJson.write(analytics.aggregates());
        ReportFigures figures = null;
        if (saveAggregates != null) {
            try {
                figures = SaveReport.analyse(TimedAnalytics.wrap(analytics),
                        new ReportOptions(title, minViews, maxRows, arms, minSegment), REPORT_THREADS);
            } catch (Exception e) {
                throw userError(e, inputs.toString());
            }
        }
        ReportFigures analysed = figures;
        // Both files in one batch: a failed write of either leaves neither.
        try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
            if (aggregates != null) {
                batch.writeJson(aggregatesFile, aggregates);
            }
            if (analysed != null) {
                batch.writeStream(saveAggregates, o -> AggregatesFile.write(analysed, o,
                        AggregatesFile.compressed(saveAggregates)));
            }
            batch.commit();
        } catch (java.io.IOException e) {
            throw OutputPlan.writeFailure(e);
        }
        if (aggregates != null) {
            System.out.println("Aggregates of " + analytics.totals().videos() + " videos written to " + aggregatesFile);
        }
        if (analysed != null) {
            System.out.println("The report's aggregates file written to " + saveAggregates
                    + " (./jbang report --aggregates " + saveAggregates + " renders it)");
        }
    }

    /** Builds the report from Spark's answers and writes it as {@code ./jbang report} writes its own. */
    private void writeReport(SparkAnalytics analytics, Path out, OutputPlan plan, Path templateDir,
            List<savescope.metrics.Experiment.Arm> arms) throws java.io.IOException {
        var preparing = HtmlReport.prepareInBackground(templateDir);
        Instant now = common.now();
        SaveReport.Result result;
        try {
            result = SaveReport.build(TimedAnalytics.wrap(analytics),
                    new ReportOptions(title, minViews, maxRows, arms, minSegment), now, REPORT_THREADS);
        } catch (Exception e) {
            throw userError(e, inputs.toString());
        }
        HtmlReport renderer = HtmlReport.ready(preparing);
        String html = ReportCommand.render(renderer, result, savescope.render.Brand.NONE);
        // The aggregates file, when asked for, is part of the same all-or-nothing batch as the page.
        String aggregates = aggregatesFile == null ? null : AggregatesJson.write(analytics.aggregates());
        ReportCommand.writeAll(out, html, json, result, batch -> {
            if (aggregates != null) {
                batch.writeJson(aggregatesFile, aggregates);
            }
            if (saveAggregates != null) {
                ReportFigures figures = result.analysis();
                batch.writeStream(saveAggregates, o -> AggregatesFile.write(figures, o,
                        AggregatesFile.compressed(saveAggregates)));
            }
        });
        PrintWriter err = spec.commandLine().getErr();
        if (!noIndex) {
            ReportCommand.rebuildIndex(plan, renderer, now, err);
        }
        err.flush();
        spec.commandLine().getOut().println(out);
        spec.commandLine().getOut().flush();
    }

    /**
     * Sections built at once: each asks Spark its own questions, and Spark runs the jobs of two threads side by
     * side, while more would only queue on the driver.
     */
    private static final int REPORT_THREADS = 2;

    /** The inputs that are files or folders here (the output checks keep the report from replacing one). */
    private List<Path> localInputs() {
        List<Path> out = new ArrayList<>();
        for (String in : inputs) {
            if (!in.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*") || in.startsWith("file:")) {
                out.add(Path.of(in.replaceFirst("^file:", "")));
            }
        }
        return out;
    }

    /**
     * The analytics of the inputs: canonical corpora read by Spark itself, or local exports read by SaveScope's
     * loader (with their channel tables, comments and snapshots) and handed to Spark.
     */
    static SparkAnalytics open(SparkSession session, List<String> inputs, long minViews) {
        List<String> exports = inputs.stream().filter(SparkCommand::isExport).toList();
        if (!exports.isEmpty() && exports.size() < inputs.size()) {
            throw new UserError(exports.get(0) + ": an export for SaveScope's loader, given with canonical corpora ("
                    + inputs.stream().filter(i -> !isExport(i)).findFirst().orElse("") + "); give either exports or "
                    + "corpora (convert the exports first: ./jbang report-spark convert).");
        }
        try {
            if (!exports.isEmpty()) {
                savescope.model.Dataset data = Loader.load(exports.stream().map(Path::of).toList(),
                        Loader.Options.defaults());
                return SparkAnalytics.of(SparkInputs.fromLoaded(session, data), data, minViews);
            }
            return SparkAnalytics.of(SparkInputs.read(session, inputs), null, minViews);
        } catch (UserError e) {
            throw e;
        } catch (Exception e) {
            throw userError(e, inputs.toString());
        }
    }

    /**
     * Whether SaveScope's loader reads this input rather than Spark: a local folder that holds no Parquet, or a
     * local file that is none of the canonical formats Spark reads (CSV, TSV, JSON Lines, Parquet).
     */
    static boolean isExport(String input) {
        if (input.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*")) {
            return false;
        }
        Path p = Path.of(input);
        if (Files.isDirectory(p)) {
            try (var files = Files.list(p)) {
                return files.noneMatch(f -> f.getFileName().toString().endsWith(".parquet")
                        || f.getFileName().toString().equals("_SUCCESS"));
            } catch (java.io.IOException e) {
                return false;
            }
        }
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && !name.matches(".*\\.(csv|tsv|jsonl|ndjson|json|parquet)");
    }

    /** An input Spark could not read (it throws AnalysisException undeclared) as a user error. */
    static RuntimeException userError(Exception e, String what) {
        if (e instanceof AnalysisException a) {
            return new UserError(what + ": " + a.getSimpleMessage(), e);
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
    }

    /** {@code convert}: any export SaveScope reads → canonical Parquet. */
    @Command(name = "convert", mixinStandardHelpOptions = true,
            description = "Reads exports with SaveScope's loader and writes OUT/videos.parquet and OUT/daily.parquet.")
    static final class Convert implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        SparkOptions spark = new SparkOptions();

        @picocli.CommandLine.Mixin
        Verbose verbose = new Verbose();

        @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Export files or folders, as for report.")
        List<Path> inputs;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new folder (or Hadoop path).")
        String out;

        @Override
        public Integer call() throws Exception {
            try (SparkSession session = spark.open()) {
                ParquetConvert.Written w = ParquetConvert.convert(session, inputs, Loader.Options.defaults(), out);
                System.out.println("Wrote " + w.videos() + " videos and " + w.daily() + " daily rows to " + out
                        + (w.rejected() > 0 ? " (" + w.rejected() + " input rows rejected; see ./jbang report's "
                                + "data quality section for where)" : ""));
                return 0;
            } catch (Exception e) {
                if (e instanceof AnalysisException a && a.getMessage().contains("already exists")) {
                    throw new UserError(out + ": already exists; give a new folder.", e);
                }
                throw userError(e, out);
            }
        }
    }

    /** {@code generate}: a seeded synthetic corpus of any size, written by Spark. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Writes a seeded synthetic corpus OUT/videos.parquet (same seed, same corpus).")
    static final class Generate implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        SparkOptions spark = new SparkOptions();

        @picocli.CommandLine.Mixin
        Verbose verbose = new Verbose();

        @Option(names = "--videos", required = true, paramLabel = "N", description = "How many videos.")
        long videos;

        @Option(names = "--seed", defaultValue = "20240917", paramLabel = "N", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--files", defaultValue = "16", paramLabel = "N", description = "Parquet files (default: ${DEFAULT-VALUE}).")
        int files;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new folder (or Hadoop path).")
        String out;

        @Override
        public Integer call() throws Exception {
            if (videos < 1) {
                throw new UserError("--videos " + videos + ": expected a whole number of at least 1.");
            }
            try (SparkSession session = spark.open()) {
                CorpusGenerator.write(session, videos, seed, files, out);
                System.out.println("Wrote " + videos + " videos to " + out + "/videos.parquet");
                return 0;
            }
        }
    }

    /** {@code compare}: two {@code --json} documents number by number, as the engines must agree. */
    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = {"Compares two --json documents of the report (say, one from report-spark and one from "
                    + "report) value by value: whole numbers exactly, other numbers to 1e-9 relative, text exactly; "
                    + "generated_at is skipped.", "",
                "Exit codes: 0 the same numbers, 1 they differ (each difference listed), 2 a file cannot be read."})
    static final class Compare implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Verbose verbose = new Verbose();

        @Parameters(index = "0", paramLabel = "LEFT", description = "A --json document.")
        Path left;

        @Parameters(index = "1", paramLabel = "RIGHT", description = "The --json document to compare it with.")
        Path right;

        @Spec
        CommandSpec spec;

        @Option(names = "--show", defaultValue = "50", paramLabel = "N",
                description = "List at most N differences (default: ${DEFAULT-VALUE}).")
        int show;

        @Override
        public Integer call() {
            ReportCommand.atLeast("--show", show, 0, "a number of differences");
            var a = readJson(left);
            var b = readJson(right);
            NumbersDiff.Result r = NumbersDiff.compare(a, b, Set.of("generated_at"));
            PrintWriter out = spec.commandLine().getOut();
            r.differences().stream().limit(Math.max(0, show)).forEach(d -> out.println("differs " + d));
            if (r.differences().size() > show) {
                int more = r.differences().size() - show;
                out.println("... and " + more + " more " + (more == 1 ? "difference" : "differences"));
            }
            out.printf(Locale.ROOT, "%,d values compared; beyond 1e-9 relative: %,d; within it but not bit-equal: "
                    + "%,d.%n", r.values(), r.differences().size(), r.lastBits());
            out.flush();
            return r.differences().isEmpty() ? 0 : 1;
        }

        private static JsonNode readJson(Path file) {
            if (!Files.isRegularFile(file)) {
                throw new UserError(file + ": " + (Files.isDirectory(file) ? "is a folder" : "no such file")
                        + "; expected a --json document of ./jbang report or report-spark.");
            }
            try (var in = AggregatesFile.uncompressed(Files.newInputStream(file))) {
                var node = new ObjectMapper().readTree(in);
                if (node == null || !node.isObject()) {
                    throw new UserError(file + ": expected a JSON object (a --json document of the report), found "
                            + (node == null || node.isMissingNode() ? "an empty file" : node.getNodeType()
                                    .toString().toLowerCase(Locale.ROOT)) + ".");
                }
                return node;
            } catch (JsonProcessingException e) {
                var loc = e.getLocation();
                throw new UserError(file + (loc == null ? "" : ", line " + loc.getLineNr() + " column "
                        + loc.getColumnNr()) + ": not valid JSON (" + plain(e) + "); expected a --json "
                        + "document of ./jbang report or report-spark.", e);
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                throw new UserError(file + ": a damaged or cut gzip file; expected a --json document of ./jbang report "
                        + "or report-spark, plain or gzip-compressed.", e);
            } catch (java.io.IOException e) {
                throw new UserError(file + ": cannot be read (" + e.getMessage() + ").", e);
            }
        }

        /** The parser's words without the names of its Java classes and settings (a reader limit, say). */
        private static String plain(JsonProcessingException e) {
            String m = e.getOriginalMessage();
            if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
                return m.replaceAll(",?\\s*from\\s*`[^`]*`", "").replace("Document nesting", "nesting");
            }
            return m;
        }
    }
}
