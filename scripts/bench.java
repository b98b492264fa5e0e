///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES savescope/Deps.java
//SOURCES savescope/bench/*.java
//SOURCES savescope/cli/StageClock.java
//JAVA_OPTIONS -XX:+UseSerialGC
//DESCRIPTION Benchmarks ./jbang report end to end and by stage, beside the pandas + matplotlib report when it is available.

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import savescope.bench.ExportGenerator;
import savescope.bench.ProcessTimer;
import savescope.bench.ProcessTimer.Measurement;
import savescope.bench.ResultsTable;
import savescope.cli.StageClock;

/** {@code ./jbang bench}: times whole report runs at several sizes and writes a Markdown results table. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Makes seeded canonical exports (videos, plus a daily series for the smaller sizes), then times "
                    + "./jbang report on each as a whole process: median of --runs after --warmup, CPU time, peak "
                    + "memory, and stage times from the report's own clock. With --python-anchor it runs the pandas + "
                    + "matplotlib report on the same files, interleaved with ours, and gives the ratio.",
            "Run it from the SaveScope folder on a quiet machine; the load average before and after is recorded."},
        footer = {"",
            "Examples:",
            "  ./jbang bench                                          1,000 / 100,000 / 1,000,000 videos, 3 runs",
            "  ./jbang bench --python-anchor ../shared/bench/python-anchor",
            "  ./jbang bench --sizes 1000000 --duckdb-anchor          the whole report against DuckDB's aggregates",
            "  ./jbang bench --sizes 1000 --runs 1 --warmup 0         a quick look",
            "  ./jbang bench --java-options=-Xmx1g                    our runs in a 1 GiB heap"})
public class bench implements Callable<Integer> {

    @Option(names = "--sizes", split = ",", paramLabel = "N[,N...]", description = "Videos per export (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes = new ArrayList<>(List.of(1_000, 100_000, 1_000_000));

    @Option(names = "--days", paramLabel = "D", defaultValue = "30", description = "Days in the daily series (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--daily-up-to", paramLabel = "N", defaultValue = "100000",
            description = "Give a daily series only to exports of at most N videos (default: ${DEFAULT-VALUE}).")
    int dailyUpTo;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Measured runs per tool and size (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1", description = "Unmeasured runs first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "20240601", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = "reports/bench",
            description = "Where the exports (kept for reuse) and reports go (default: ${DEFAULT-VALUE}).")
    Path workDir;

    @Option(names = "--results", paramLabel = "FILE", description = "The Markdown results. Default: <work-dir>/results.md")
    Path results;

    @Option(names = "--python-anchor", paramLabel = "DIR",
            description = "Folder holding the Python competitor (report.py, gen_data.py) to run beside ours.")
    Path pythonAnchor;

    @Option(names = "--duckdb-anchor",
            description = "Also run the DuckDB anchor (scripts/bench/duckdb-anchor/DuckAnchor.java: the report's core aggregates "
                    + "in DuckDB SQL; DuckDB's JDBC driver comes from Maven Central once) on each videos file, as a plain "
                    + "java process interleaved with ours, and give the ratio.")
    boolean duckdbAnchor;

    @Option(names = "--python", paramLabel = "EXE", defaultValue = "/usr/bin/python3",
            description = "The Python with pandas, matplotlib, jinja2 and scipy (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--generator", paramLabel = "java|python|auto", defaultValue = "auto",
            description = "Which generator makes the exports; auto: the Python one when it can run, so both tools "
                    + "read the very same files, else ours (default: ${DEFAULT-VALUE}).")
    String generator;

    @Option(names = "--java-options", paramLabel = "OPTS", defaultValue = "",
            description = "JVM options for our report runs, e.g. --java-options=-Xmx1g (via SAVESCOPE_JAVA_OPTIONS).")
    String javaOptions;

    private final PrintWriter log = new PrintWriter(System.err, true);

    public static void main(String... args) {
        CommandLine cl = new CommandLine(new bench());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("error: " + ex.getMessage());
            return ex instanceof IllegalArgumentException ? 2 : 1;
        });
        System.exit(cl.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        if (!Files.isExecutable(root.resolve("jbang")) || !Files.exists(root.resolve("scripts/report.java"))) {
            throw new IllegalArgumentException("run the benchmark from the SaveScope folder (./jbang and scripts/report.java not found here).");
        }
        if (runs < 1 || warmup < 0) {
            throw new IllegalArgumentException("--runs must be at least 1 and --warmup at least 0.");
        }
        String why = pythonAnchor == null ? "no --python-anchor given" : pythonProblem();
        boolean withPython = why == null;
        if (!withPython) {
            log.println("[bench] without the Python report: " + why);
        }
        boolean pythonData = switch (generator) {
            case "python" -> {
                if (!withPython) {
                    throw new IllegalArgumentException("--generator python needs a working --python-anchor (" + why + ").");
                }
                yield true;
            }
            case "java" -> false;
            case "auto" -> withPython;
            default -> throw new IllegalArgumentException("--generator: expected java, python or auto, found \"" + generator + "\".");
        };
        List<String> duck = duckdbAnchor ? duckCommand(root) : null;
        String loadBefore = loadAverage();
        Instant started = Instant.now();
        List<ResultsTable.Row> rows = new ArrayList<>();
        Path reports = workDir.resolve("out");
        Files.createDirectories(reports);
        List<SizeRuns> plans = new ArrayList<>();
        for (int n : sizes) {
            int d = n <= dailyUpTo ? days : 0;
            Path[] inputs = exports(n, d, pythonData);
            if (n == 1000) {
                thousand = List.of(inputs).stream().map(Path::toString).toList();
            }
            long dailyRows = d == 0 ? 0 : (long) n * d;
            Path ourHtml = reports.resolve("savescope_" + n + ".html");
            Path pyHtml = reports.resolve("python_" + n + ".html");
            List<String> ours = new ArrayList<>(List.of("./jbang", "report", inputs[0].toString()));
            if (inputs.length > 1) {
                ours.add(inputs[1].toString());
            }
            ours.addAll(List.of("-o", ourHtml.toString(), "--timings"));
            List<String> theirs = new ArrayList<>(List.of(python, pythonAnchor == null ? "" : pythonAnchor.resolve("report.py").toString(),
                    "--videos", inputs[0].toString(), "--out", pyHtml.toString()));
            if (inputs.length > 1) {
                theirs.addAll(List.of("--daily", inputs[1].toString()));
            }
            List<String> duckRun = duck == null ? null : new ArrayList<>(duck);
            if (duckRun != null) {
                duckRun.addAll(List.of(inputs[0].toString(), reports.resolve("duckdb_" + n + ".json").toString()));
            }
            plans.add(new SizeRuns(n, dailyRows, ours, theirs, duckRun, ourHtml, pyHtml));
        }
        // The warm-up run's class-data-sharing archive is made before the measured runs start, not beside them.
        // Each run in its own JVM, as the Python and DuckDB runs are: the report daemon is measured on its own below.
        Map<String, String> ourEnv = new LinkedHashMap<>(Map.of("SAVESCOPE_ARCHIVE_WAIT", "1", "SAVESCOPE_DAEMON", "0"));
        if (!javaOptions.isBlank()) {
            ourEnv.put("SAVESCOPE_JAVA_OPTIONS", javaOptions);
        }
        // Rounds over the sizes, each tool in turn within a round: the runs of one size are spread over the whole
        // benchmark, so a minute of load from elsewhere on the machine hits one run of each size, not every run of
        // one size (whose median it would then decide).
        for (int r = -warmup; r < runs; r++) {
            String which = r < 0 ? "warm-up" : "run " + (r + 1) + "/" + runs;
            for (SizeRuns size : plans) {
                log.printf(Locale.ROOT, "[bench] %,d videos, %,d daily rows: %s%n", size.videos, size.dailyRows, which);
                Measurement m = measure("SaveScope " + which, size.ours, root, ourEnv);
                if (r >= 0) {
                    size.ourRuns.add(m);
                }
                if (withPython) {
                    Measurement p = measure("Python " + which, size.theirs, root, Map.of());
                    if (r >= 0) {
                        size.pyRuns.add(p);
                    }
                }
                if (size.duckRun != null) {
                    Measurement dm = measure("DuckDB " + which, size.duckRun, root, Map.of());
                    if (r >= 0) {
                        size.duckRuns.add(dm);
                    }
                }
            }
        }
        for (SizeRuns size : plans) {
            rows.add(new ResultsTable.Row(size.videos, size.dailyRows, ResultsTable.Stats.of(size.ourRuns, Files.size(size.ourHtml)),
                    withPython ? ResultsTable.Stats.of(size.pyRuns, Files.size(size.pyHtml)) : null,
                    size.duckRun != null ? ResultsTable.Stats.of(size.duckRuns, -1) : null, medianStages(size.ourRuns)));
        }
        String sample = warmStarts(root, thousand);
        String markdown = markdown(rows, sample, withPython, pythonData, started, loadBefore, loadAverage());
        Path out = results != null ? results : workDir.resolve("results.md");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, markdown, StandardCharsets.UTF_8);
        System.out.print(markdown);
        log.println("[bench] results in " + out);
        return 0;
    }

    /** Why the Python report cannot run here, or null when it can. */
    private String pythonProblem() throws IOException, InterruptedException {
        if (!Files.isRegularFile(pythonAnchor.resolve("report.py")) || !Files.isRegularFile(pythonAnchor.resolve("gen_data.py"))) {
            return pythonAnchor + " holds no report.py and gen_data.py";
        }
        if (!Files.isExecutable(Path.of(python))) {
            return python + " not found";
        }
        Measurement m = ProcessTimer.run(List.of(python, "-c", "import pandas, matplotlib, jinja2, scipy"), Path.of(""), Map.of());
        return m.exitCode() == 0 ? null : python + " lacks pandas, matplotlib, jinja2 or scipy (on Debian: apt-get install "
                + "python3-pandas python3-matplotlib python3-jinja2 python3-scipy)";
    }

    /**
     * The plain java command of the DuckDB anchor, built once through JBang (which fetches the driver) so that
     * JBang's own JVM is never timed; it runs on the Java that runs this benchmark.
     */
    private List<String> duckCommand(Path root) throws IOException, InterruptedException {
        String script = DUCK_ANCHOR;
        if (!Files.isRegularFile(root.resolve(script))) {
            throw new IllegalArgumentException("--duckdb-anchor: " + script + " not found in the SaveScope folder.");
        }
        log.println("[bench] building the DuckDB anchor " + script);
        Measurement build = ProcessTimer.run(List.of("./jbang", "build", script), root, Map.of());
        Measurement cp = build.exitCode() != 0 ? build : ProcessTimer.run(List.of("./jbang", "info", "classpath", script), root, Map.of());
        String classPath = cp.stdout().strip();
        if (cp.exitCode() != 0 || classPath.isEmpty()) {
            throw new IllegalStateException("could not build the DuckDB anchor (is Maven Central reachable?):\n" + tail(cp.stderr()));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-cp", classPath, "DuckAnchor");
    }

    /** One size's commands and the runs measured of each tool. */
    private record SizeRuns(int videos, long dailyRows, List<String> ours, List<String> theirs, List<String> duckRun,
            Path ourHtml, Path pyHtml, List<Measurement> ourRuns, List<Measurement> pyRuns, List<Measurement> duckRuns) {
        SizeRuns(int videos, long dailyRows, List<String> ours, List<String> theirs, List<String> duckRun, Path ourHtml,
                Path pyHtml) {
            this(videos, dailyRows, ours, theirs, duckRun, ourHtml, pyHtml, new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>());
        }
    }

    /** The DuckDB anchor's script, relative to the SaveScope folder. */
    static final String DUCK_ANCHOR = "scripts/bench/duckdb-anchor/DuckAnchor.java";

    /** The export files for a size, made once per generator and seed and kept for later runs. */
    private Path[] exports(int n, int d, boolean pythonData) throws IOException, InterruptedException {
        ExportGenerator.Spec spec = new ExportGenerator.Spec(n, d, seed);
        Path dir = workDir.resolve("data").resolve((pythonData ? "python" : "java") + "-seed" + seed);
        Path videos = dir.resolve(spec.videosFileName());
        Path daily = dir.resolve(spec.dailyFileName());
        Path done = dir.resolve("." + (d == 0 ? spec.videosFileName() : spec.dailyFileName()) + ".done");
        if (!Files.exists(done)) {
            log.printf(Locale.ROOT, "[bench] generating %,d videos%s with the %s generator into %s%n", n,
                    d == 0 ? "" : " and " + d + " days", pythonData ? "Python" : "Java", dir);
            Files.createDirectories(dir);
            if (pythonData) {
                Measurement m = ProcessTimer.run(List.of(python, pythonAnchor.resolve("gen_data.py").toString(),
                        "--rows", Integer.toString(n), "--days", Integer.toString(d), "--out", dir.toString(),
                        "--seed", Long.toString(seed)), Path.of(""), Map.of());
                if (m.exitCode() != 0) {
                    throw new IllegalStateException("the Python generator failed:\n" + m.stderr());
                }
            } else {
                ExportGenerator.write(spec, dir);
            }
            Files.writeString(done, Instant.now().toString());
        }
        return d == 0 ? new Path[] {videos} : new Path[] {videos, daily};
    }

    private Measurement measure(String what, List<String> command, Path root, Map<String, String> env)
            throws IOException, InterruptedException {
        Measurement m = ProcessTimer.run(command, root, env);
        if (m.exitCode() != 0) {
            throw new IllegalStateException(what + " failed (exit " + m.exitCode() + "): " + String.join(" ", command)
                    + "\n" + tail(m.stderr()));
        }
        log.printf(Locale.ROOT, "[bench]   %-26s %6.2f s wall, %6.2f s CPU, %,6d MiB peak%n", what, m.wallSeconds(),
                m.cpuSeconds(), m.peakRssKib() / 1024);
        return m;
    }

    private static Map<String, Double> medianStages(List<Measurement> runs) {
        Map<String, List<Double>> all = new LinkedHashMap<>();
        for (Measurement m : runs) {
            for (String line : m.stderr().split("\n")) {
                StageClock.parse(line).forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            }
        }
        Map<String, Double> med = new LinkedHashMap<>();
        all.forEach((k, v) -> med.put(k, ResultsTable.median(v.stream().mapToDouble(Double::doubleValue).toArray())));
        return med;
    }

    /** Inputs of the 1,000-video row, for its warm start with the report daemon; null when the row was not run. */
    private List<String> thousand;

    /**
     * Warm starts (caches filled): the bundled sample report, and the 1,000-video row's inputs when that row ran, each
     * in its own JVM and served by the report daemon. Served runs count the daemon's CPU time during the run with the
     * launcher's, and say how much memory the daemon holds.
     */
    private String warmStarts(Path root, List<String> thousandInputs) throws IOException, InterruptedException {
        StringBuilder b = new StringBuilder();
        if (Files.isDirectory(root.resolve("data/sample"))) {
            b.append(warmStart(root, "the sample report (`./jbang report`)",
                    List.of("./jbang", "report", "-o", workDir.resolve("out/sample.html").toString(), "--timings")));
        }
        if (thousandInputs != null) {
            List<String> cmd = new ArrayList<>(List.of("./jbang", "report"));
            cmd.addAll(thousandInputs);
            cmd.addAll(List.of("-o", workDir.resolve("out/warm_1000.html").toString(), "--timings"));
            b.append(warmStart(root, "the 1,000-video row's report", cmd));
        }
        return b.length() == 0 ? null : b.toString();
    }

    private String warmStart(Path root, String what, List<String> cmd) throws IOException, InterruptedException {
        int measured = Math.max(runs, 5);
        List<Measurement> own = new ArrayList<>();
        Map<String, String> ownEnv = Map.of("SAVESCOPE_DAEMON", "0");
        for (int r = -Math.max(1, warmup); r < measured; r++) {
            Measurement m = measure("own JVM " + (r < 0 ? "warm-up" : "run " + (r + 1)), cmd, root, ownEnv);
            if (r >= 0) {
                own.add(m);
            }
        }
        // The second run within minutes starts the daemon; it warms up (a few seconds) and then serves. Its first
        // served runs still compile, so five are not measured.
        Map<String, String> servedEnv = Map.of("SAVESCOPE_DAEMON", "1");
        int servedSoFar = 0;
        for (int i = 0; i < 60 && servedSoFar < 5; i++) {
            if (served(measure("daemon warm-up " + (i + 1), cmd, root, servedEnv))) {
                servedSoFar++;
            } else {
                Thread.sleep(1000);
            }
        }
        if (servedSoFar < 5) {
            return "Warm start of " + what + ": own JVM " + summary(ResultsTable.Stats.of(own, -1))
                    + "; the report daemon did not start here (see SAVESCOPE_DAEMON in the README).\n\n";
        }
        List<Measurement> served = new ArrayList<>();
        long daemonRss = 0;
        for (int r = 0; r < measured; r++) {
            List<ProcessHandle> daemons = daemons();
            double before = cpuSeconds(daemons);
            Measurement m = measure("served run " + (r + 1), cmd, root, servedEnv);
            double daemonCpu = cpuSeconds(daemons) - before;
            daemonRss = Math.max(daemonRss, daemons.stream().mapToLong(bench::rssKib).sum());
            served.add(new Measurement(m.wallSeconds(), m.cpuSeconds() + daemonCpu, m.peakRssKib(), m.exitCode(),
                    m.stdout(), m.stderr()));
            if (!served(m)) {
                return "Warm start of " + what + ": own JVM " + summary(ResultsTable.Stats.of(own, -1))
                        + "; the report daemon stopped serving during the measurement.\n\n";
            }
        }
        return "Warm start of " + what + ", caches filled:\n"
                + "- each run in its own JVM: " + summary(ResultsTable.Stats.of(own, -1)) + ";\n"
                + "- served by the report daemon: " + summary(ResultsTable.Stats.of(served, -1))
                + " (CPU includes the daemon's; peak is the launcher's), the daemon holding " + daemonRss / 1024
                + " MiB resident.\n\n";
    }

    private static String summary(ResultsTable.Stats s) {
        return String.format(Locale.ROOT, "median %.2f s wall (%.2f–%.2f), %.2f s CPU, %,d MiB peak, over %d runs",
                s.wallSeconds(), s.minWallSeconds(), s.maxWallSeconds(), s.cpuSeconds(), s.peakRssKib() / 1024, s.runs());
    }

    private static boolean served(Measurement m) {
        return m.stderr().lines().map(StageClock::parse).anyMatch(t -> t.getOrDefault("daemon", 0.0) == 1.0);
    }

    /** The report daemons running now (their command line names the daemon's state file); none off Linux. */
    private static List<ProcessHandle> daemons() {
        return ProcessHandle.allProcesses().filter(p -> {
            try {
                byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
                return new String(cmdline, StandardCharsets.ISO_8859_1).contains("\0-Dsavescope.daemon=");
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }).toList();
    }

    private static double cpuSeconds(List<ProcessHandle> processes) {
        return processes.stream().mapToDouble(p -> p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0)).sum();
    }

    private static long rssKib(ProcessHandle p) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or gone
        }
        return 0;
    }

    private String markdown(List<ResultsTable.Row> rows, String sample, boolean withPython, boolean pythonData,
            Instant started, String loadBefore, String loadAfter) throws IOException, InterruptedException {
        StringBuilder b = new StringBuilder();
        b.append("Measured ").append(started.truncatedTo(ChronoUnit.MINUTES)).append(" on ").append(machine()).append(".\n");
        b.append("Load average (1/5/15 min) before: ").append(loadBefore).append("; after: ").append(loadAfter)
                .append(". Exports from the ").append(pythonData ? "Python" : "Java").append(" generator, seed ")
                .append(seed).append("; median of ").append(runs).append(" runs after ").append(warmup).append(" warm-up")
                .append(withPython && duckdbAnchor ? ", SaveScope, Python and DuckDB runs interleaved"
                        : withPython ? ", SaveScope and Python runs interleaved"
                        : duckdbAnchor ? ", SaveScope and DuckDB runs interleaved" : "")
                .append(", in rounds that take every size in turn.\n\n");
        b.append(ResultsTable.endToEnd(rows)).append('\n');
        if (duckdbAnchor) {
            b.append("The whole SaveScope report beside the DuckDB anchor's core aggregates of the same videos file (no daily "
                    + "series, charts or HTML for DuckDB), interleaved:\n\n").append(ResultsTable.versusDuckDb(rows)).append('\n');
        }
        b.append("SaveScope by stage (median ms; `launcher + exit` is the wall time outside the JVM's own clock):\n\n");
        b.append(ResultsTable.stages(rows));
        if (sample != null) {
            b.append('\n').append(sample).append('\n');
        }
        return b.toString();
    }

    /** nproc, memory, CPU model, Java and (when used) Python versions, in one line. */
    private String machine() throws IOException, InterruptedException {
        String cpu = "unknown CPU";
        Path info = Path.of("/proc/cpuinfo");
        if (Files.isReadable(info)) {
            cpu = Files.readAllLines(info).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
        }
        String mem = "";
        Path meminfo = Path.of("/proc/meminfo");
        if (Files.isReadable(meminfo)) {
            mem = Files.readAllLines(meminfo).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> String.format(Locale.ROOT, ", %.1f GiB RAM", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1048576.0))
                    .findFirst().orElse("");
        }
        String java = "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")";
        String py = "";
        if (pythonAnchor != null && pythonProblem() == null) {
            Measurement m = ProcessTimer.run(List.of(python, "-c",
                    "import sys, pandas, matplotlib; print(sys.version.split()[0], pandas.__version__, matplotlib.__version__)"),
                    Path.of(""), Map.of());
            String[] v = m.stdout().strip().split(" ");
            if (v.length == 3) {
                py = ", Python " + v[0] + " (pandas " + v[1] + ", matplotlib " + v[2] + ")";
            }
        }
        return Runtime.getRuntime().availableProcessors() + " cores (nproc), " + cpu + mem + ", " + java + py;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String tail(String s) {
        String[] lines = s.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 15), lines.length));
    }
}
