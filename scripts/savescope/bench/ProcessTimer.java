package savescope.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs a command as a whole process and measures it: wall time, CPU time (user + system) and peak resident
 * memory. Uses {@code /usr/bin/time} when it is installed; otherwise polls the peak RSS ({@code VmHWM}) of
 * the process and its descendants in {@code /proc}, and leaves the CPU time unknown.
 */
public final class ProcessTimer {
    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    /**
     * One run. {@code cpuSeconds} is NaN and {@code peakRssKib} -1 when they could not be measured; with
     * {@code /proc} polling the peak is the largest seen by a poll, so slightly low.
     */
    public record Measurement(double wallSeconds, double cpuSeconds, long peakRssKib, int exitCode, String stdout,
            String stderr) {}

    private ProcessTimer() {}

    public static boolean hasGnuTime() {
        return Files.isExecutable(GNU_TIME);
    }

    public static Measurement run(List<String> command, Path workDir, Map<String, String> env)
            throws IOException, InterruptedException {
        return run(command, workDir, env, hasGnuTime());
    }

    static Measurement run(List<String> command, Path workDir, Map<String, String> env, boolean gnuTime)
            throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("savescope-bench-run");
        try {
            Path out = scratch.resolve("out");
            Path err = scratch.resolve("err");
            Path usage = scratch.resolve("usage");
            List<String> full = new ArrayList<>();
            if (gnuTime) {
                full.addAll(List.of(GNU_TIME.toString(), "-f", "%U %S %M", "-o", usage.toString()));
            }
            full.addAll(command);
            ProcessBuilder pb = new ProcessBuilder(full).directory(workDir.toAbsolutePath().toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            pb.environment().putAll(env);
            long start = System.nanoTime();
            Process p = pb.start();
            p.getOutputStream().close();
            long polledPeak = -1;
            if (gnuTime) {
                p.waitFor();
            } else {
                Map<Long, Long> peaks = new HashMap<>();
                while (p.isAlive()) {
                    pollPeaks(p.toHandle(), peaks);
                    Thread.sleep(20);
                }
                polledPeak = peaks.values().stream().mapToLong(Long::longValue).max().orElse(-1);
            }
            double wall = (System.nanoTime() - start) / 1e9;
            double cpu = Double.NaN;
            long peak = polledPeak;
            if (gnuTime && Files.exists(usage)) {
                // /usr/bin/time prints "Command exited with non-zero status N" before the numbers on failure.
                List<String> lines = Files.readAllLines(usage, StandardCharsets.UTF_8);
                String[] f = lines.isEmpty() ? new String[0] : lines.get(lines.size() - 1).strip().split("\\s+");
                if (f.length == 3) {
                    cpu = Double.parseDouble(f[0]) + Double.parseDouble(f[1]);
                    peak = Long.parseLong(f[2]);
                }
            }
            return new Measurement(wall, cpu, peak, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            try (Stream<Path> files = Files.list(scratch)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(scratch);
        }
    }

    /** Keeps, per process id, the largest VmHWM seen; the peak of the tree is that of its largest process. */
    private static void pollPeaks(ProcessHandle root, Map<Long, Long> peaks) {
        Stream.concat(Stream.of(root), root.descendants()).forEach(h -> {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(h.pid()), "status"))) {
                    if (line.startsWith("VmHWM:")) {
                        long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                        peaks.merge(h.pid(), kib, Math::max);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // The process ended between listing and reading; its last poll stands.
            }
        });
    }
}
