package savescope.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Wall time of each stage of one report run, printed as one {@code savescope-timings key=value ...} line
 * for the benchmark to read. A disabled clock does nothing, so the command can always call it.
 */
public final class StageClock {
    /** The prefix of the line {@link #print} writes; the benchmark looks for it. */
    public static final String PREFIX = "savescope-timings";

    /** Set by the report daemon for the run it serves: when that run's launcher started (epoch ms); else 0. */
    static volatile long launcherStarted;

    private final boolean enabled;
    private final Map<String, Double> millis = new LinkedHashMap<>();
    private final long startNanos = System.nanoTime();
    private long lapNanos = startNanos;

    public StageClock(boolean enabled) {
        this.enabled = enabled;
    }

    /** Ends the current stage under {@code stage} and starts the next. */
    public void lap(String stage) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        millis.merge(stage + "_ms", (now - lapNanos) / 1e6, Double::sum);
        lapNanos = now;
    }

    /**
     * Ends a stage whose work interleaves two kinds (the sections compute metrics and draw charts in turn, on
     * several threads) and splits its wall time between them: {@code second} gets the share of the busy time
     * that went to it, {@code first} the rest.
     *
     * @param busyNanos the stage's work summed over its threads
     * @param secondNanos the part of that work of the second kind
     */
    public void lapSplit(String first, String second, long busyNanos, long secondNanos) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        double ms = (now - lapNanos) / 1e6;
        double share = busyNanos <= 0 ? 0 : Math.min(1, (double) secondNanos / busyNanos);
        millis.merge(first + "_ms", ms * (1 - share), Double::sum);
        millis.merge(second + "_ms", ms * share, Double::sum);
        lapNanos = now;
    }

    /**
     * Writes the timings line: each stage, the time from JVM start to the command ({@code jvm_start_ms}),
     * the command's own total, and the peak heap in use.
     */
    public void print(PrintWriter err) {
        if (!enabled) {
            return;
        }
        Map<String, Double> all = new LinkedHashMap<>();
        // A run a daemon serves started when its launcher did; its JVM has been up since long before.
        long served = launcherStarted;
        long jvmStart = served > 0 ? served : ManagementFactory.getRuntimeMXBean().getStartTime();
        long commandStart = System.currentTimeMillis() - (System.nanoTime() - startNanos) / 1_000_000;
        all.put("jvm_start_ms", (double) Math.max(0, commandStart - jvmStart));
        if (served > 0) {
            all.put("daemon", 1.0);
        }
        all.putAll(millis);
        all.put("command_ms", (System.nanoTime() - startNanos) / 1e6);
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        all.put("heap_peak_mb", peakHeap / (1024.0 * 1024.0));
        all.put("heap_max_mb", Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
        err.println(format(all));
        err.flush();
    }

    /** The timings line for {@code values}, e.g. {@code savescope-timings load_ms=12.3 render_ms=4.0}. */
    public static String format(Map<String, Double> values) {
        StringBuilder b = new StringBuilder(PREFIX);
        values.forEach((k, v) -> b.append(' ').append(k).append('=').append(String.format(Locale.ROOT, "%.1f", v)));
        return b.toString();
    }

    /** Reads a timings line back; keys in their order. Lines without the prefix give an empty map. */
    public static Map<String, Double> parse(String line) {
        Map<String, Double> m = new LinkedHashMap<>();
        String s = line.strip();
        if (!s.startsWith(PREFIX + " ")) {
            return m;
        }
        for (String pair : s.substring(PREFIX.length() + 1).split(" ")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                m.put(pair.substring(0, eq), Double.parseDouble(pair.substring(eq + 1)));
            }
        }
        return m;
    }
}
