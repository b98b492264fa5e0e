package savescope.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Formats benchmark results as Markdown tables for the README. */
public final class ResultsTable {
    /** The medians of several runs of one tool on one input. {@code cpuSeconds} NaN and peak -1 when unknown. */
    public record Stats(int runs, double wallSeconds, double minWallSeconds, double maxWallSeconds,
            double cpuSeconds, long peakRssKib, long htmlBytes) {

        /** Medians of the runs' wall and CPU times, the largest peak, and the output size. */
        public static Stats of(List<ProcessTimer.Measurement> runs, long htmlBytes) {
            double[] wall = runs.stream().mapToDouble(ProcessTimer.Measurement::wallSeconds).toArray();
            double[] cpu = runs.stream().mapToDouble(ProcessTimer.Measurement::cpuSeconds).toArray();
            long peak = runs.stream().mapToLong(ProcessTimer.Measurement::peakRssKib).max().orElse(-1);
            return new Stats(runs.size(), median(wall), Arrays.stream(wall).min().orElse(Double.NaN),
                    Arrays.stream(wall).max().orElse(Double.NaN), median(cpu), peak, htmlBytes);
        }
    }

    /**
     * One input size: SaveScope's numbers, the Python report's and the DuckDB anchor's (each null when it was
     * not run), and SaveScope's median stage times in milliseconds (keys as printed by {@code --timings}).
     */
    public record Row(long videos, long dailyRows, Stats ours, Stats python, Stats duckdb, Map<String, Double> stages) {}

    /** The stage columns, in pipeline order, with their headings. */
    static final String[][] STAGES = {
        {"jvm_start_ms", "JVM start"}, {"load_ms", "load"}, {"metrics_ms", "metrics"}, {"charts_ms", "charts"},
        {"render_ms", "render"}, {"write_ms", "write"},
    };

    private ResultsTable() {}

    /** Median of the values (mean of the middle two for an even count); NaN when there are none or any is NaN. */
    public static double median(double[] values) {
        if (values.length == 0 || Arrays.stream(values).anyMatch(Double::isNaN)) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    /** End to end, SaveScope beside Python: wall and CPU medians, peak memory, the ratio and the HTML size. */
    public static String endToEnd(List<Row> rows) {
        List<String> out = new ArrayList<>();
        out.add("| videos | daily rows | SaveScope s | Python s | SaveScope / Python | SaveScope CPU s | Python CPU s "
                + "| SaveScope peak MiB | Python peak MiB | HTML (SaveScope / Python) |");
        out.add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            Stats o = r.ours();
            Stats p = r.python();
            out.add("| " + String.join(" | ",
                    count(r.videos()), count(r.dailyRows()),
                    seconds(o.wallSeconds()) + range(o),
                    p == null ? "–" : seconds(p.wallSeconds()) + range(p),
                    p == null ? "–" : ratio(o.wallSeconds() / p.wallSeconds()),
                    seconds(o.cpuSeconds()),
                    p == null ? "–" : seconds(p.cpuSeconds()),
                    mib(o.peakRssKib()),
                    p == null ? "–" : mib(p.peakRssKib()),
                    size(o.htmlBytes()) + " / " + (p == null ? "–" : size(p.htmlBytes()))) + " |");
        }
        return String.join("\n", out) + "\n";
    }

    /**
     * SaveScope's whole report beside the DuckDB anchor's core aggregates (and the Python report where it ran):
     * wall, CPU and peak memory of each, and our wall time as a multiple of DuckDB's. Rows without DuckDB are left out.
     */
    public static String versusDuckDb(List<Row> rows) {
        List<String> out = new ArrayList<>();
        out.add("| videos | SaveScope s | DuckDB s | Python s | SaveScope / DuckDB | CPU s (SaveScope / DuckDB / Python) "
                + "| peak MiB (SaveScope / DuckDB / Python) |");
        out.add("|---:|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            Stats o = r.ours();
            Stats d = r.duckdb();
            Stats p = r.python();
            if (d == null) {
                continue;
            }
            out.add("| " + String.join(" | ",
                    count(r.videos()),
                    seconds(o.wallSeconds()) + range(o),
                    seconds(d.wallSeconds()) + range(d),
                    p == null ? "–" : seconds(p.wallSeconds()) + range(p),
                    ratio(o.wallSeconds() / d.wallSeconds()),
                    seconds(o.cpuSeconds()) + " / " + seconds(d.cpuSeconds()) + " / " + (p == null ? "–" : seconds(p.cpuSeconds())),
                    mib(o.peakRssKib()) + " / " + mib(d.peakRssKib()) + " / " + (p == null ? "–" : mib(p.peakRssKib())))
                    + " |");
        }
        return String.join("\n", out) + "\n";
    }

    /** SaveScope's stage times (medians, milliseconds) and what the process spent outside the command. */
    public static String stages(List<Row> rows) {
        StringBuilder head = new StringBuilder("| videos |");
        StringBuilder rule = new StringBuilder("|---:|");
        for (String[] s : STAGES) {
            head.append(' ').append(s[1]).append(" |");
            rule.append("---:|");
        }
        head.append(" launcher + exit | heap peak MiB |");
        rule.append("---:|---:|");
        List<String> out = new ArrayList<>(List.of(head.toString(), rule.toString()));
        for (Row r : rows) {
            Map<String, Double> st = r.stages();
            StringBuilder line = new StringBuilder("| ").append(count(r.videos())).append(" |");
            for (String[] s : STAGES) {
                line.append(' ').append(millis(st.get(s[0]))).append(" |");
            }
            Double inProcess = st.containsKey("command_ms") && st.containsKey("jvm_start_ms")
                    ? st.get("command_ms") + st.get("jvm_start_ms") : null;
            Double outside = inProcess == null ? null : Math.max(0, 1000 * r.ours().wallSeconds() - inProcess);
            line.append(' ').append(millis(outside)).append(" | ")
                    .append(st.containsKey("heap_peak_mb") ? String.format(Locale.ROOT, "%,.0f", st.get("heap_peak_mb")) : "–")
                    .append(" |");
            out.add(line.toString());
        }
        return String.join("\n", out) + "\n";
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String seconds(double s) {
        return Double.isNaN(s) ? "–" : String.format(Locale.ROOT, "%.2f", s);
    }

    static String range(Stats s) {
        return s.runs() < 2 ? "" : String.format(Locale.ROOT, " (%.2f–%.2f)", s.minWallSeconds(), s.maxWallSeconds());
    }

    static String ratio(double r) {
        return Double.isNaN(r) || Double.isInfinite(r) ? "–" : String.format(Locale.ROOT, "%.2f×", r);
    }

    static String mib(long kib) {
        return kib < 0 ? "–" : String.format(Locale.ROOT, "%,d", Math.round(kib / 1024.0));
    }

    static String millis(Double ms) {
        return ms == null || ms.isNaN() ? "–" : String.format(Locale.ROOT, "%,.0f", ms);
    }

    /** A file size for people: bytes under 1 KB, then KB and MB (decimal, as file managers show them). */
    static String size(long bytes) {
        if (bytes < 0) {
            return "–";
        }
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
