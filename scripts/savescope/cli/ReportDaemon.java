package savescope.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A report process that stays up between runs in one folder, so that a run repeated while a user works (edit the
 * sheet, run again) meets code the JIT has already compiled instead of a new JVM: the launcher ({@code ./jbang})
 * hands it the run over a local socket and prints what it sends back.
 *
 * <p>It is started by the launcher on the second run within a few minutes in a folder, in the background, in a
 * process group of its own (Ctrl-C in the terminal is not for it) and at nice 10, with the launcher's environment,
 * umask and working folder; it first waits for the run that started it to end, then runs the bundled sample a few
 * times (output discarded) and only then publishes its port. It serves one run at a time and only runs it would do
 * exactly as a new process would:
 * <ul>
 * <li>the same working folder, environment (but for the shell's bookkeeping variables and the daemon's own
 *     settings) and umask, so relative paths, the locale, the time zone, {@code PATH}, the JVM options and the
 *     permissions of new files are the same;</li>
 * <li>a second run arriving while one runs, a different environment, umask or folder, or an argument that leads
 *     under /dev or /proc gets an answer that sends the launcher to an ordinary JVM; a different environment,
 *     umask or folder also ends this process;</li>
 * <li>before a run's files are moved into place the launcher must answer: one stopped by Ctrl-Z answers once
 *     resumed, so nothing appears while it is stopped;</li>
 * <li>when the launcher goes away mid-run (Ctrl-C, a kill), this process ends the programs the run started and
 *     exits as the run's own JVM would have, so shutdown removes temporary files and no report appears after the
 *     user stopped it;</li>
 * <li>it exits after {@link #IDLE_VARIABLE} seconds without a run (10 minutes by default), when its state file is
 *     removed or taken over, when its jar is gone, and after a run that ran out of memory.</li>
 * </ul>
 *
 * <p>The port is published in a file only the user can read, with two random secrets: the launcher sends the first,
 * the daemon answers with the second, and only then does the launcher send its environment (a process that took the
 * port of a daemon gone since learns nothing else). A connection that does not show the first secret within two
 * seconds is closed unanswered and never makes the daemon busy or counts as a use. Nothing of a run's data is kept
 * once its answer is sent.
 *
 * <p>Protocol (version {@value #VERSION}), every field and frame NUL-terminated: the launcher sends the token and the
 * version; the daemon answers {@code k} and the second secret, {@code b} when a run is in progress or {@code v} for
 * another version. The launcher then sends the working folder ({@code $PWD}), 1 when its stdin and stdout are
 * terminals (where Java 17 gives a console), its umask, its start time ({@code $EPOCHREALTIME}), the number of
 * environment variables and each as {@code NAME=value}, the number of arguments and each argument. The daemon
 * answers {@code s} (the run started), {@code m} (not the same folder, environment or umask) or {@code n} (an
 * argument it will not open), then frames whose first byte says what they hold: {@code o}/{@code e} bytes for
 * stdout/stderr, {@code c} (files are about to go into place; the launcher answers with the byte {@code a}),
 * {@code x} the exit code. Before {@code s} nothing ran, and the launcher starts an ordinary JVM.
 */
public final class ReportDaemon {
    private ReportDaemon() {}

    /** The system property naming the state file; its presence makes {@code report}'s main serve. */
    public static final String STATE_PROPERTY = "savescope.daemon";
    /** The system property with the pid of the run that started the daemon, waited for before warming up. */
    public static final String WAIT_PROPERTY = "savescope.daemon.wait";
    /** Seconds without a run after which the daemon exits. */
    public static final String IDLE_VARIABLE = "SAVESCOPE_DAEMON_IDLE";
    static final String VERSION = "1";
    static final int DEFAULT_IDLE_SECONDS = 600;
    /** The shell's bookkeeping variables, which differ between two runs of one shell without changing a report. */
    static final Set<String> IGNORED_VARIABLES = Set.of("_", "SHLVL", "OLDPWD", "PWD", "SAVESCOPE_DAEMON",
            "SAVESCOPE_DAEMON_AFTER", "SAVESCOPE_DAEMON_IDLE");
    /** The system property with the umask the daemon was started with ({@code umask}'s output). */
    public static final String UMASK_PROPERTY = "savescope.daemon.umask";
    private static final int MAX_FIELD = 1 << 20;
    private static final int MAX_COUNT = 100_000;

    private static final AtomicBoolean BUSY = new AtomicBoolean();
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    private static volatile long lastUsed = System.nanoTime();
    private static volatile boolean stopAfterRun;
    private static volatile boolean heapToGiveBack;
    private static volatile boolean served;

    /** Serves until idle; {@code init} is the set-up {@code report}'s main does before a run. Returns the exit code. */
    public static int serve(Path state, long waitForPid, Runnable init) {
        Path lock = state.resolveSibling(state.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.tryLock()) {
            if (held == null) {
                return 0; // another daemon serves (or starts serving) this folder
            }
            if (waitForPid > 0) {
                ProcessHandle.of(waitForPid).ifPresent(p -> p.onExit().join());
            }
            System.setOut(NOWHERE);
            System.setErr(NOWHERE);
            init.run();
            warmUp(state);
            return listen(state);
        } catch (IOException | RuntimeException e) {
            return 1;
        } finally {
            try {
                Files.deleteIfExists(state.resolveSibling(state.getFileName() + ".spawn"));
            } catch (IOException ignored) {
                // only slows the next start
            }
        }
    }

    /** Runs the bundled sample until the JIT has compiled what a report needs (a few seconds at most). */
    private static void warmUp(Path state) throws IOException {
        String project = System.getenv(ReportCommand.PROJECT_DIR_VARIABLE);
        Path sample = project == null ? null : Path.of(project, "data", "sample");
        if (sample == null || !Files.isDirectory(sample)) {
            return;
        }
        Path dir = Files.createTempDirectory("savescope-daemon-");
        savescope.render.AtomicFiles.temporaryTree(dir); // killed while warming up, it leaves nothing behind
        try {
            Path out = dir.resolve("warm.html");
            long until = System.nanoTime() + 4_000_000_000L;
            for (int i = 0; i < 4 && System.nanoTime() < until; i++) {
                Cli.run(new ReportCommand(), "-o", out.toString(), "--force", "--no-index", "--generated-at",
                        "2026-01-01T00:00:00Z", sample.toString());
            }
        } finally {
            savescope.render.AtomicFiles.deleteTree(dir);
            savescope.render.AtomicFiles.settledTree(dir);
        }
        heapToGiveBack = true;
    }

    private static int listen(Path state) throws IOException {
        long idleNanos = idleSeconds(System.getenv(IDLE_VARIABLE)) * 1_000_000_000L;
        SecureRandom random = new SecureRandom();
        byte[] token = new byte[16];
        byte[] answer = new byte[16];
        random.nextBytes(token);
        random.nextBytes(answer);
        Secrets secrets = new Secrets(HexFormat.of().formatHex(token), HexFormat.of().formatHex(answer));
        Path jar = ownJar();
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            String published = server.getLocalPort() + " " + secrets.token() + " " + secrets.answer() + " "
                    + ProcessHandle.current().pid() + "\n";
            publish(state, published);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> unpublish(state, published), "savescope-daemon-exit"));
            server.setSoTimeout(1000);
            lastUsed = System.nanoTime();
            long lastCheck = System.nanoTime();
            while (true) {
                Socket socket = null;
                try {
                    socket = server.accept();
                } catch (SocketTimeoutException e) {
                    // below
                }
                // Once a second whatever arrives: connections made more often must not keep the daemon up.
                if (socket == null || System.nanoTime() - lastCheck > 1_000_000_000L) {
                    lastCheck = System.nanoTime();
                    if (heapToGiveBack && !BUSY.get() && System.nanoTime() - lastUsed > 2_000_000_000L) {
                        heapToGiveBack = false;
                        // Two seconds idle: the last run's heap goes back to the system. The serial collector shrinks
                        // the old generation by a growing share on each full collection (0%, 10%, 40%, then all).
                        for (int i = 0; i < 4; i++) {
                            System.gc();
                        }
                    }
                    if (!BUSY.get() && (System.nanoTime() - lastUsed > idleNanos || !stillOurs(state, published)
                            || (jar != null && !Files.exists(jar)) || !folderStillThere())) {
                        if (socket != null) {
                            closeQuietly(socket);
                        }
                        return 0;
                    }
                }
                if (socket == null) {
                    continue;
                }
                Socket accepted = socket;
                GREETING.addLast(accepted);
                while (GREETING.size() > 4) {
                    Socket oldest = GREETING.pollFirst(); // not a launcher, which is greeted in milliseconds
                    if (oldest != null) {
                        closeQuietly(oldest);
                    }
                }
                Thread connection = new Thread(() -> {
                    boolean ran = false;
                    try {
                        ran = handle(accepted, secrets, state);
                    } finally {
                        if (ran) {
                            if (stopAfterRun) {
                                System.exit(0);
                            }
                            heapToGiveBack = true;
                            lastUsed = System.nanoTime();
                            BUSY.set(false);
                        }
                    }
                }, "savescope-daemon-connection");
                connection.setDaemon(true);
                connection.start();
            }
        }
    }

    /** Connections being greeted; beyond four, the oldest is closed (a launcher's greeting takes milliseconds). */
    private static final java.util.concurrent.ConcurrentLinkedDeque<Socket> GREETING = new java.util.concurrent.ConcurrentLinkedDeque<>();

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    /** False once the folder this daemon serves was removed (or replaced): no run there can be served again. */
    private static boolean folderStillThere() {
        try {
            String pwd = System.getenv().getOrDefault("PWD", System.getProperty("user.dir"));
            return Files.isSameFile(Path.of("."), Path.of(pwd));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static long idleSeconds(String value) {
        try {
            long s = value == null || value.isBlank() ? DEFAULT_IDLE_SECONDS : Long.parseLong(value.strip());
            return Math.max(1, Math.min(s, 7 * 24 * 3600));
        } catch (NumberFormatException e) {
            return DEFAULT_IDLE_SECONDS;
        }
    }

    private static Path ownJar() {
        try {
            var source = ReportDaemon.class.getProtectionDomain().getCodeSource();
            Path p = source == null ? null : Path.of(source.getLocation().toURI());
            return p != null && p.toString().endsWith(".jar") ? p : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static void publish(Path state, String text) throws IOException {
        Path tmp = state.resolveSibling(state.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean stillOurs(Path state, String published) {
        try {
            return Files.readString(state, StandardCharsets.US_ASCII).equals(published);
        } catch (IOException e) {
            return false;
        }
    }

    private static void unpublish(Path state, String published) {
        try {
            Files.deleteIfExists(state.resolveSibling(state.getFileName() + ".spawn"));
        } catch (IOException ignored) {
            // the launcher sees its pid gone
        }
        if (stillOurs(state, published)) {
            try {
                Files.deleteIfExists(state);
            } catch (IOException ignored) {
                // a state file naming a closed port only sends the next run to an ordinary JVM
            }
        }
    }

    /** One request as the launcher sent it. */
    record Request(String pwd, boolean terminal, String umask, String startedAt, Map<String, String> environment,
            List<String> args) {}

    /** The request after the greeting (token and version). */
    static Request read(InputStream in, Charset charset) throws IOException {
        String pwd = field(in, charset);
        boolean terminal = "1".equals(field(in, StandardCharsets.US_ASCII));
        String umask = field(in, StandardCharsets.US_ASCII);
        String startedAt = field(in, StandardCharsets.US_ASCII);
        Map<String, String> env = new HashMap<>();
        int n = count(field(in, StandardCharsets.US_ASCII));
        for (int i = 0; i < n; i++) {
            String pair = field(in, charset);
            int eq = pair.indexOf('=');
            if (eq > 0) {
                env.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        List<String> args = new ArrayList<>();
        int a = count(field(in, StandardCharsets.US_ASCII));
        for (int i = 0; i < a; i++) {
            args.add(field(in, charset));
        }
        return new Request(pwd, terminal, umask, startedAt, env, args);
    }

    private static int count(String s) throws IOException {
        try {
            int n = Integer.parseInt(s);
            if (n >= 0 && n <= MAX_COUNT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IOException("bad count: " + s);
    }

    /** A NUL-terminated field, decoded strictly: bytes the charset cannot read fail the request (the JVM decodes differently). */
    private static String field(InputStream in, Charset charset) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != 0; ) {
            if (c < 0) {
                throw new EOFException();
            }
            if (b.size() >= MAX_FIELD) {
                throw new IOException("field too long");
            }
            b.write(c);
        }
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(b.toByteArray())).toString();
    }

    /** Why this process cannot run {@code r} exactly as a new JVM would, or null when it can. */
    static String mismatch(Request r, Map<String, String> ownEnvironment, Path here) {
        return mismatch(r, ownEnvironment, here, System.getProperty(UMASK_PROPERTY, ""));
    }

    static String mismatch(Request r, Map<String, String> ownEnvironment, Path here, String ownUmask) {
        if (!ownUmask.equals(r.umask())) {
            return "umask"; // new files and folders would get other permissions
        }
        // The shell's name for the folder (a JVM resolves relative paths against the folder's name when it started,
        // so a folder renamed since is another); user.dir where the daemon's shell did not export it.
        String pwd = ownEnvironment.getOrDefault("PWD", System.getProperty("user.dir"));
        if (pwd == null || !pwd.equals(r.pwd())) {
            return "folder";
        }
        try {
            if (!Files.isSameFile(here, Path.of(r.pwd()))) {
                return "folder";
            }
        } catch (IOException | RuntimeException e) {
            return "folder";
        }
        return variables(ownEnvironment).equals(variables(r.environment())) ? null : "environment";
    }

    /**
     * The variables compared: all but the shell's bookkeeping, and only those with a variable's name. bash lists no
     * other with {@code compgen -e}, while the environment also holds exported functions ({@code BASH_FUNC_which%%},
     * set on every login by some distributions), which would otherwise never match.
     */
    private static Map<String, String> variables(Map<String, String> environment) {
        Map<String, String> kept = new HashMap<>();
        environment.forEach((k, v) -> {
            if (!IGNORED_VARIABLES.contains(k) && VARIABLE_NAME.matcher(k).matches()) {
                kept.put(k, v);
            }
        });
        return kept;
    }

    private static final java.util.regex.Pattern VARIABLE_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * Counts daemons in a row that ended on another environment without serving a run, in {@code <state>.misses}
     * ({@code count epoch-seconds}); one that serves a run removes it. The launcher starts no daemon after two such misses
     * for a day: something in the environment changes on every run, and each daemon would warm up for nothing.
     */
    private static void countMiss(Path state) {
        Path misses = state.resolveSibling(state.getFileName() + ".misses");
        int count = 0;
        try {
            count = Integer.parseInt(Files.readString(misses, StandardCharsets.US_ASCII).strip().split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            // none yet
        }
        try {
            Files.writeString(misses, (count + 1) + " " + System.currentTimeMillis() / 1000 + "\n",
                    StandardCharsets.US_ASCII);
        } catch (IOException e) {
            // then the launcher keeps starting daemons; no run is affected
        }
    }

    /** What the launcher must send first, and what the daemon answers to prove it read the same state file. */
    record Secrets(String token, String answer) {}

    /**
     * Greets one connection and, when it is our launcher and no run is in progress, runs its request. Returns true
     * when it took {@link #BUSY} (the caller releases it). Only a launcher that showed the token counts as a use
     * (resets the idle time) or can make the daemon busy; greeting takes at most {@link #GREETING_MILLIS}.
     */
    private static boolean handle(Socket socket, Secrets secrets, Path state) {
        boolean busy = false;
        try (socket) {
            Request r;
            Frames frames;
            InputStream in;
            try {
                socket.setTcpNoDelay(true); // frames go out as they are written
                in = new Deadline(new BufferedInputStream(socket.getInputStream()), socket, GREETING_MILLIS);
                OutputStream out = socket.getOutputStream();
                Charset charset = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
                String token = field(in, StandardCharsets.US_ASCII);
                if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII),
                        secrets.token().getBytes(StandardCharsets.US_ASCII))) {
                    return false; // not our launcher: closed unanswered
                }
                if (!VERSION.equals(field(in, StandardCharsets.US_ASCII))) {
                    answer(out, "v");
                    return false;
                }
                if (!BUSY.compareAndSet(false, true)) {
                    answer(out, "b");
                    return false;
                }
                busy = true;
                answer(out, "k" + secrets.answer());
                ((Deadline) in).restart(GREETING_MILLIS);
                r = read(in, charset);
                ((Deadline) in).restart(0);
                frames = new Frames(out);
            } catch (IOException e) {
                return busy; // a launcher that stopped, or not one: nothing ran
            } finally {
                GREETING.remove(socket);
            }
            String declined = mismatch(r, System.getenv(), Path.of("."));
            if (declined != null) {
                // This shell's runs cannot be served: make way for a daemon started with its environment.
                stopAfterRun = true;
                countMiss(state);
                frames.send('m', new byte[0]);
                return true;
            }
            if (notOurs(r.args())) {
                frames.send('n', new byte[0]); // the launcher runs it in its own JVM; this daemon stays
                return true;
            }
            frames.send('s', new byte[0]);
            AtomicBoolean finished = new AtomicBoolean();
            java.util.concurrent.Semaphore answered = new java.util.concurrent.Semaphore(0);
            Set<Long> before = new java.util.HashSet<>();
            ProcessHandle.current().children().forEach(p -> before.add(p.pid()));
            watchForHangUp(in, finished, answered, before);
            // Files go into place only while the launcher is still there to see them, every time a run moves some
            // (each account of --each, the index, the PDF): one stopped by Ctrl-Z answers when it is resumed, and one
            // killed meanwhile never does (this process exits then). The gate fails closed: it only waits.
            savescope.render.AtomicFiles.beforeMoving(() -> {
                try {
                    frames.send('c', new byte[0]);
                } catch (IOException e) {
                    // the launcher is gone: the hang-up ends this process while this waits
                }
                answered.acquireUninterruptibly();
            });
            PrintStream stdout = new PrintStream(frames.channel('o'), true, StandardCharsets.UTF_8);
            PrintStream stderr = new PrintStream(frames.channel('e'), true, StandardCharsets.UTF_8);
            int code;
            boolean outOfMemory;
            System.setOut(stdout);
            System.setErr(stderr);
            Cli.serving(interactive(r.terminal()), startMillis(r.startedAt()));
            savescope.render.AtomicFiles.newRun();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage); // this run's peak
            try {
                code = Cli.run(new ReportCommand(), r.args().toArray(String[]::new));
            } catch (Throwable t) {
                code = 1;
                stderr.println("error: an unexpected internal failure: " + Cli.oneLine(String.valueOf(t.getMessage())));
            } finally {
                savescope.render.AtomicFiles.beforeMoving(null);
                outOfMemory = Cli.ranOutOfMemory();
                Cli.serving(null, 0);
                stdout.flush();
                stderr.flush();
                System.setOut(NOWHERE);
                System.setErr(NOWHERE);
            }
            if (outOfMemory) {
                stopAfterRun = true; // what the failure left in the heap is not worth keeping
            }
            finished.set(true);
            if (!served) {
                served = true;
                Files.deleteIfExists(state.resolveSibling(state.getFileName() + ".misses"));
            }
            frames.send('x', Integer.toString(code).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // the launcher went away after the run; its answer is lost with it
        }
        return busy;
    }

    static final int GREETING_MILLIS = 2000;

    private static void answer(OutputStream out, String frame) throws IOException {
        out.write(frame.getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        out.flush();
    }

    /**
     * Whether the run's own JVM decides on a progress bar as this one would: Java 17 to 21 give a console when
     * stdin and stdout are both terminals, which the launcher tells ({@code terminal}); later ones give one whether
     * or not they are, as they do here.
     */
    static boolean interactive(boolean terminal) {
        return Runtime.version().feature() >= 22 ? System.console() != null : terminal;
    }

    /**
     * True when an argument (or the value after {@code =} of an option) names something under /dev or /proc once
     * links are followed: a run's standard input or a terminal is its launcher's, not this process's.
     */
    static boolean notOurs(List<String> args) {
        for (String a : args) {
            for (String candidate : a.indexOf('=') > 0 ? List.of(a, a.substring(a.indexOf('=') + 1)) : List.of(a)) {
                try {
                    Path p = Path.of(candidate);
                    Path real = Files.exists(p) ? p.toRealPath() : p.toAbsolutePath().normalize();
                    if (real.startsWith("/dev") || real.startsWith("/proc")) {
                        return true;
                    }
                } catch (IOException | RuntimeException e) {
                    // not a path: nothing to decline
                }
            }
        }
        return false;
    }

    /** A stream whose reads fail once a deadline has passed (0: no deadline), however slowly bytes arrive. */
    static final class Deadline extends java.io.FilterInputStream {
        private final Socket socket;
        private long until;

        Deadline(InputStream in, Socket socket, int millis) throws IOException {
            super(in);
            this.socket = socket;
            restart(millis);
        }

        void restart(int millis) throws IOException {
            until = millis == 0 ? 0 : System.nanoTime() + millis * 1_000_000L;
            socket.setSoTimeout(millis);
        }

        private void check() throws IOException {
            if (until != 0) {
                long left = (until - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    throw new SocketTimeoutException("too slow");
                }
                socket.setSoTimeout((int) Math.max(1, left));
            }
        }

        @Override
        public int read() throws IOException {
            check();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check();
            return super.read(b, off, len);
        }
    }

    static long startMillis(String epochRealtime) {
        try {
            return (long) (Double.parseDouble(epochRealtime.replace(',', '.')) * 1000);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The launcher never writes after its request, so the end of the stream means it is gone: stopped by Ctrl-C or
     * killed. Exiting then is what the run's own JVM would have done (shutdown hooks remove temporary files).
     */
    private static void watchForHangUp(InputStream in, AtomicBoolean finished, java.util.concurrent.Semaphore answered,
            Set<Long> before) {
        Thread watch = new Thread(() -> {
            try {
                for (int b; (b = in.read()) >= 0; ) {
                    if (b == 'a') {
                        answered.release(); // the launcher is there: files may go into place
                    }
                }
            } catch (IOException e) {
                // the same as the end
            }
            if (!finished.get()) {
                // Ctrl-C in the terminal would have reached the run's own JVM and the programs it started (the
                // browser printing a PDF) alike; here those are this process's children, ended before the shutdown
                // hooks remove the temporary files they may still be writing. Programs earlier runs started (a
                // browser --open left), and what they start meanwhile, are left alone, as they would be.
                List<ProcessHandle> started = new ArrayList<>();
                ProcessHandle.current().children().filter(p -> !before.contains(p.pid())).forEach(child -> {
                    child.descendants().forEach(started::add);
                    started.add(child);
                });
                started.forEach(ProcessHandle::destroyForcibly);
                long until = System.nanoTime() + 2_000_000_000L; // one deadline for them all
                for (ProcessHandle p : started) {
                    try {
                        p.onExit().get(Math.max(1, until - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
                    } catch (Exception e) {
                        // exiting anyway
                    }
                }
                System.exit(130); // runs the shutdown hooks, as SIGINT would in the run's own JVM
            }
        }, "savescope-daemon-hangup");
        watch.setDaemon(true);
        watch.start();
    }

    /** Writes stdout and stderr as frames; a NUL in the bytes (never in text SaveScope prints) is dropped. */
    static final class Frames {
        private final OutputStream socket;

        Frames(OutputStream socket) {
            this.socket = socket;
        }

        synchronized void send(char kind, byte[] bytes) throws IOException {
            byte[] frame = new byte[bytes.length + 2];
            frame[0] = (byte) kind;
            int n = 1;
            for (byte b : bytes) {
                if (b != 0) {
                    frame[n++] = b;
                }
            }
            frame[n++] = 0;
            socket.write(frame, 0, n);
            socket.flush();
        }

        OutputStream channel(char kind) {
            return new OutputStream() {
                private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

                @Override
                public synchronized void write(int b) throws IOException {
                    pending.write(b);
                    if (pending.size() >= 8192) {
                        flush();
                    }
                }

                @Override
                public synchronized void write(byte[] b, int off, int len) throws IOException {
                    pending.write(b, off, len);
                    if (pending.size() >= 8192) {
                        flush();
                    }
                }

                @Override
                public synchronized void flush() throws IOException {
                    if (pending.size() > 0) {
                        byte[] bytes = pending.toByteArray();
                        pending.reset();
                        send(kind, bytes);
                    }
                }
            };
        }
    }
}
