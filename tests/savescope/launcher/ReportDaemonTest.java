package savescope.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.cli.StageClock;

/**
 * The report daemon, through ./jbang as a user runs it: a served run gives the same files, messages and exit code as
 * its own JVM would, a second run at once, another environment or a stopped launcher are handled as documented,
 * and it goes away when idle. Its request parsing and matching: {@code savescope.cli.ReportDaemonProtocolTest}.
 */
class ReportDaemonTest {
    @TempDir
    Path folder;

    private final Map<String, String> env = new HashMap<>(Map.of("SAVESCOPE_DAEMON", "1", "SAVESCOPE_DAEMON_IDLE", "120"));

    record Run(int code, String out, String err) {
        boolean served() {
            return err.lines().map(StageClock::parse).anyMatch(m -> m.getOrDefault("daemon", 0.0) == 1.0);
        }
    }

    @BeforeEach
    void bashIsThere() {
        Assumptions.assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "./jbang is a bash script");
    }

    /** Stops this folder's daemons, also one still warming up (not yet published) when the test ended. */
    @AfterEach
    void stopDaemons() {
        String key = folder.toString().replace("%", "%25").replace("/", "%2F");
        ProcessHandle.allProcesses().filter(p -> {
            try {
                String cmdline = new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")),
                        StandardCharsets.ISO_8859_1);
                return cmdline.contains("-Dsavescope.daemon=") && cmdline.contains(".daemons/" + key + "\0");
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }).forEach(ProcessHandle::destroy);
    }

    private ProcessBuilder launcher(Map<String, String> extra, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", Path.of("jbang").toAbsolutePath().toString(), "report"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(folder.toFile());
        pb.environment().putAll(env);
        pb.environment().putAll(extra);
        return pb;
    }

    private Run run(Map<String, String> extra, String... args) throws Exception {
        Process p = launcher(extra, args).start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        return new Run(code, out, new String(err.get(), StandardCharsets.UTF_8));
    }

    private Run run(String... args) throws Exception {
        return run(Map.of(), args);
    }

    /** This folder's state files (published daemons) in the launch cache, whichever cache the suite uses. */
    private List<Path> states() throws IOException {
        String key = folder.toString().replace("%", "%25").replace("/", "%2F");
        List<Path> found = new ArrayList<>();
        for (Path root : cacheRoots()) {
            Path launch = root.resolve("launch");
            if (!Files.isDirectory(launch)) {
                continue;
            }
            try (Stream<Path> s = Files.find(launch, 3, (p, a) -> p.getFileName().toString().equals(key))) {
                s.forEach(found::add);
            }
        }
        return found;
    }

    private static List<Path> cacheRoots() {
        List<Path> roots = new ArrayList<>();
        Optional.ofNullable(System.getenv("SAVESCOPE_CACHE")).ifPresent(c -> roots.add(Path.of(c)));
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getenv("HOME");
        if (xdg != null && !xdg.isEmpty()) {
            roots.add(Path.of(xdg, "savescope"));
        }
        if (home != null && !home.isEmpty()) {
            roots.add(Path.of(home, ".cache", "savescope"));
        }
        return roots;
    }

    private static Optional<ProcessHandle> daemon(Path state) {
        try {
            String[] f = Files.readString(state).strip().split(" ");
            return ProcessHandle.of(Long.parseLong(f[3])).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs the report until a daemon for this folder is published: the second run starts one, once the launcher
     * has its class-data archive (the first runs after a build make it and start no daemon).
     */
    private Path awaitDaemon(Map<String, String> extra) throws Exception {
        long until = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < until) {
            Run r = run(extra, "-o", "warm.html", "--no-index");
            assertEquals(0, r.code(), r.err());
            for (int i = 0; i < 40; i++) {
                List<Path> s = states();
                if (s.size() == 1 && daemon(s.get(0)).isPresent()) {
                    return s.get(0);
                }
                Thread.sleep(250);
            }
        }
        throw new AssertionError("no daemon was published for " + folder + " within 120 s");
    }

    private static void awaitGone(Path state, ProcessHandle daemon) throws Exception {
        long until = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < until && (daemon.isAlive() || Files.exists(state))) {
            Thread.sleep(100);
        }
        assertFalse(daemon.isAlive(), "the daemon still runs");
        assertFalse(Files.exists(state), "its state file is still published");
    }

    /** A canonical export of {@code rows} videos (about 75 bytes each), so a run takes a second or more. */
    private Path bigExport(int rows) throws IOException {
        Path csv = folder.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("video_id,title,post_time,content_type,duration_s,views,likes,comments,shares,saves\n");
            for (int i = 0; i < rows; i++) {
                long views = 1000 + (i * 7919L) % 90_000;
                w.write((7_300_000_000_000_000_000L + i) + ",Video " + i + ",2026-0" + (1 + i % 9) + "-1" + (i % 10)
                        + "T12:00:00Z," + (i % 3 == 0 ? "recipe" : "vlog") + "," + (15 + i % 60) + "," + views + ","
                        + views / 10 + "," + views / 100 + "," + views / 200 + "," + views / (20 + i % 30) + "\n");
            }
        }
        return csv;
    }

    private static void signal(String name, Process p) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).start().waitFor());
    }

    private static List<String> temporaryFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".savescope-") && n.endsWith(".tmp")).toList();
        }
    }

    @Test
    void servedRunsMatchTheirOwnJvmAndTheDaemonHandlesConcurrencyStopsAndOtherEnvironments() throws Exception {
        Path state = awaitDaemon(Map.of());
        ProcessHandle daemon = daemon(state).orElseThrow();
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));

        // The same files and messages as a new JVM, to the byte, from a relative input path.
        Files.createDirectories(folder.resolve("in"));
        Files.copy(Path.of("tests/fixtures/golden/videos.csv"), folder.resolve("in/videos.csv"));
        String[] args = {"in/videos.csv", "-o", "out/a.html", "--json", "out/a.json", "--no-index", "--generated-at",
                "2026-05-01T10:00:00Z", "--timings"};
        Run served = run(args);
        assertEquals(0, served.code(), served.err());
        assertTrue(served.served(), served.err());
        byte[] html = Files.readAllBytes(folder.resolve("out/a.html"));
        byte[] json = Files.readAllBytes(folder.resolve("out/a.json"));
        Run own = run(Map.of("SAVESCOPE_DAEMON", "0"), args);
        assertEquals(0, own.code(), own.err());
        assertFalse(own.served());
        assertEquals(own.out(), served.out());
        assertArrayEquals(Files.readAllBytes(folder.resolve("out/a.html")), html);
        assertArrayEquals(Files.readAllBytes(folder.resolve("out/a.json")), json);

        // A failing run: the same message and exit code.
        Run bad = run("missing.csv");
        Run badOwn = run(Map.of("SAVESCOPE_DAEMON", "0"), "missing.csv");
        assertEquals(2, bad.code());
        assertEquals(badOwn.err(), bad.err());
        assertEquals("error: missing.csv: no such file or folder.\n", bad.err());
        assertTrue(daemon.isAlive());

        // Output that cannot be written (a full disk, `| head`) does not cut the run short, as in its own JVM.
        Process full = launcher(Map.of(), "in/videos.csv", "-o", "out/full.html", "--no-index", "--generated-at",
                "2026-05-01T10:00:00Z").redirectOutput(new java.io.File("/dev/full")).start();
        assertEquals(0, full.waitFor());
        assertArrayEquals(html, Files.readAllBytes(folder.resolve("out/full.html")));

        // A connection that does not show the token, held open, neither makes the daemon busy nor delays a run.
        String[] published = Files.readString(state).strip().split(" ");
        try (java.net.Socket stranger = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), Integer.parseInt(published[0]))) {
            stranger.getOutputStream().write('x');
            Run meanwhile = run("in/videos.csv", "-o", "out/d.html", "--no-index", "--timings");
            assertEquals(0, meanwhile.code(), meanwhile.err());
            assertTrue(meanwhile.served(), meanwhile.err());
        }

        // A file that is a link to the launcher's standard input is read by a JVM of its own, and the daemon stays.
        Files.createSymbolicLink(folder.resolve("piped.csv"), Path.of("/dev/stdin"));
        Process piped = launcher(Map.of(), "piped.csv", "-o", "out/piped.html", "--no-index").start();
        try (var stdin = piped.getOutputStream()) {
            Files.copy(folder.resolve("in/videos.csv"), stdin);
        }
        String pipedErr = new String(piped.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, piped.waitFor(), pipedErr);
        assertTrue(Files.size(folder.resolve("out/piped.html")) > 100_000);
        assertTrue(daemon.isAlive());

        // Two runs at once: one is served, the other gets its own JVM; both reports are whole.
        bigExport(400_000);
        Process first = launcher(Map.of(), "big.csv", "-o", "b1.html", "--no-index", "--timings")
                .redirectError(folder.resolve("b1.err").toFile()).start();
        Thread.sleep(300);
        Run second = run("big.csv", "-o", "b2.html", "--no-index", "--timings");
        assertEquals(0, first.waitFor());
        assertEquals(0, second.code(), second.err());
        Run firstRun = new Run(0, "", Files.readString(folder.resolve("b1.err")));
        assertTrue(firstRun.served() != second.served(), "exactly one of two runs at once is served: "
                + firstRun.err() + " / " + second.err());
        assertEquals(Files.size(folder.resolve("b1.html")), Files.size(folder.resolve("b2.html")));

        // Ctrl-Z: while the launcher is stopped no report appears; resumed, it gets its report.
        Process paused = launcher(Map.of(), "big.csv", "-o", "paused.html", "--no-index").start();
        Thread.sleep(500);
        signal("STOP", paused);
        Thread.sleep(4000);
        assertFalse(Files.exists(folder.resolve("paused.html")), "a report appeared while its launcher was stopped");
        signal("CONT", paused);
        assertEquals(0, paused.waitFor());
        assertTrue(Files.exists(folder.resolve("paused.html")));

        // The same for every set of files a run moves into place: with --each, one account's report at a time.
        for (String account : List.of("a1", "a2", "a3")) {
            Files.createDirectories(folder.resolve("accounts/" + account));
            Files.copy(folder.resolve("big.csv"), folder.resolve("accounts/" + account + "/videos.csv"));
        }
        Process each = launcher(Map.of(), "--each", "accounts", "-o", "each").start();
        while (!Files.exists(folder.resolve("each/a1.html")) && each.isAlive()) {
            Thread.sleep(20);
        }
        signal("STOP", each);
        Thread.sleep(4000);
        try (Stream<Path> written = Files.list(folder.resolve("each"))) {
            assertEquals(List.of("a1.html"), written.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .sorted().toList(), "reports appeared while the launcher was stopped");
        }
        signal("CONT", each);
        assertEquals(0, each.waitFor());
        assertTrue(Files.exists(folder.resolve("each/a3.html")));

        // Stopped, then killed (or Ctrl-C, or a plain kill): no report, no temporary file, and the daemon exits.
        Process stopped = launcher(Map.of(), "big.csv", "-o", "stopped.html", "--no-index").start();
        Thread.sleep(500);
        signal("STOP", stopped);
        Thread.sleep(3000);
        stopped.destroyForcibly();
        assertEquals(137, stopped.waitFor());
        awaitGone(state, daemon);
        assertFalse(Files.exists(folder.resolve("stopped.html")), "a report appeared after the run was stopped");
        assertEquals(List.of(), temporaryFiles(folder));

        // A run from a shell with another environment is not served; the daemon makes way for one started with it.
        state = awaitDaemon(Map.of());
        daemon = daemon(state).orElseThrow();
        Run other = run(Map.of("SAVESCOPE_EXAMPLE", "1"), "in/videos.csv", "-o", "out/c.html", "--no-index",
                "--generated-at", "2026-05-01T10:00:00Z", "--timings");
        assertEquals(0, other.code(), other.err());
        assertFalse(other.served(), other.err());
        assertArrayEquals(html, Files.readAllBytes(folder.resolve("out/c.html")));
        awaitGone(state, daemon);
    }

    @Test
    void anIdleDaemonExitsAndUnpublishesItself() throws Exception {
        Map<String, String> idle = Map.of("SAVESCOPE_DAEMON_IDLE", "2");
        Path state = awaitDaemon(idle);
        ProcessHandle daemon = daemon(state).orElseThrow();
        awaitGone(state, daemon);
    }

    @Test
    void offByDefaultInTheSuiteAndWithZero() throws Exception {
        env.put("SAVESCOPE_DAEMON", "0");
        for (int i = 0; i < 3; i++) {
            assertEquals(0, run("-o", "x.html", "--no-index").code());
        }
        Thread.sleep(1000);
        assertEquals(List.of(), states());
    }

    /**
     * Runs the launcher's daemon_spawn in {@code dir} with a stand-in java that writes its arguments and session to
     * {@code started}; returns what it wrote after a moment ("" when nothing was started).
     */
    private String spawn(Path dir, String setUp, String userOptions) throws Exception {
        Path fake = dir.resolve("fake-java");
        Path started = dir.resolve("started");
        Files.deleteIfExists(started);
        Files.writeString(fake, "#!/bin/bash\npgid=$(ps -o pgid= -p $$ | tr -d ' '); fd3=no; [ ! -e /proc/$$/fd/3 ] || fd3=yes\n"
                + "printf '%s\\n' \"pgid=$pgid leader=$$ fd3=$fd3\" \"$@\" > \"" + started + ".tmp\"; mv \"" + started + ".tmp\" \"" + started + "\"\n");
        fake.toFile().setExecutable(true);
        String functions = "eval \"$(sed -n '/^daemon_spawn() {/,/^}/p' '" + Path.of("jbang").toAbsolutePath() + "')\"; set -euo pipefail; ";
        // Descriptor 3 is open in the launcher (a harness's pipe, `3>&1`): the daemon must not keep it.
        String script = functions + setUp + "; exec 3>\"$2/fd3\"; CMD=(\"$1\" -XX:+UseSerialGC -classpath app.jar report); extra=(" + userOptions + "); "
                + "daemon_spawn \"$2\" \"$2/state\" 2 -XX:SharedArchiveFile=a.jsa";
        Process p = new ProcessBuilder("bash", "-c", script, "spawn", fake.toString(), dir.resolve("d").toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        for (int i = 0; i < 50 && !Files.exists(started); i++) {
            Thread.sleep(20);
        }
        Thread.sleep(100);
        return Files.exists(started) ? Files.readString(started) : "";
    }

    @Test
    void aDaemonStartsOnlyOnARecentSecondRunInASessionOfItsOwnAndNotAfterRepeatedMisses() throws Exception {
        Path dir = folder.resolve("spawn");
        Files.createDirectories(dir.resolve("d"));
        long now = System.currentTimeMillis() / 1000;
        // No earlier run: only the time is noted.
        assertEquals("", spawn(dir, "true", ""));
        assertTrue(Files.exists(dir.resolve("d/state.last")));
        // An earlier run 20 minutes ago: too long ago.
        Files.writeString(dir.resolve("d/state.last"), (now - 1200) + "\n");
        assertEquals("", spawn(dir, "true", ""));
        // A recent one: started, after the archive options, with a small initial heap, in a process group of its
        // own (Ctrl-C in the terminal is not for it), holding none of the launcher's other open files.
        String started = spawn(dir, "true", "-XX:+UseTransparentHugePages");
        List<String> args = started.lines().toList();
        assertTrue(args.size() > 3, started);
        String[] group = args.get(0).split(" ");
        assertEquals(group[0].substring(5), group[1].substring(7), "the daemon leads its own process group: " + args.get(0));
        assertEquals("fd3=no", group[2]);
        assertEquals(List.of("-XX:SharedArchiveFile=a.jsa", "-XX:+UseSerialGC", "-Xms32m", "-XX:+UseTransparentHugePages"),
                args.subList(1, 5));
        assertTrue(args.contains("-Dsavescope.daemon=" + dir.resolve("d/state")), started);
        assertEquals(List.of("-classpath", "app.jar", "report"), args.subList(args.size() - 3, args.size()));
        // One start at a time: the claim of a live process holds.
        Files.writeString(dir.resolve("d/state.spawn"), ProcessHandle.current().pid() + "\n");
        assertEquals("", spawn(dir, "true", ""));
        // ... and one of a dead process is taken over; the user's heap size is left alone.
        Files.writeString(dir.resolve("d/state.spawn"), "999999999\n");
        started = spawn(dir, "true", "-Xmx1g");
        assertTrue(started.contains("-Xmx1g") && !started.contains("-Xms32m"), started);
        Files.deleteIfExists(dir.resolve("d/state.spawn"));
        // Two daemons in a row ended by another environment without serving: none for a day.
        Files.writeString(dir.resolve("d/state.misses"), "2 " + (now - 60) + "\n");
        assertEquals("", spawn(dir, "true", ""));
        Files.writeString(dir.resolve("d/state.misses"), "2 " + (now - 90_000) + "\n");
        assertTrue(!spawn(dir, "true", "").isEmpty());
        Files.deleteIfExists(dir.resolve("d/state.spawn"));
        // SAVESCOPE_DAEMON_AFTER widens the window.
        Files.writeString(dir.resolve("d/state.last"), (now - 1200) + "\n");
        assertTrue(!spawn(dir, "SAVESCOPE_DAEMON_AFTER=3600", "").isEmpty());
    }
}
