// SaveScope's launcher for any desktop with a JDK: `java jbang.java report`, `java jbang.java test`.
// It does what ./jbang does, in Java (JDK 11+ source-file mode), so Windows and macOS need nothing else:
// fetches JBang from Maven Central with the versions and SHA-256s in jbang.pins, into the same cache
// (${SAVESCOPE_CACHE:-~/.cache/savescope}/jbang-VERSION), runs it, and executes the java command JBang
// prints with exit code 255. Aliases come from jbang-catalog.json beside this file, from any folder; the
// command JBang chose for an alias is remembered (keyed by a hash of the files it is built from) and run
// directly next time, with a class-data-sharing archive. Builds take the same lock as ./jbang.
// jbang.cmd and jbang.ps1 run this file.

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Runs SaveScope's JBang aliases with a pinned, checksum-verified JBang; the JDK-only twin of ./jbang. */
final class SaveScopeLauncher {
    static final String SENTINEL = "__SAVESCOPE_APP_ARGS__";
    static final String END = "# savescope-command-end";
    static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    /** The aliases that read the SaveScope folder's own files (tests/fixtures/, data/sample/) run from it. */
    static final Set<String> RUN_IN_PROJECT = Set.of("test", "bench", "sample-data");

    final Path root;
    final Path cache;
    final Pins pins;
    final Path lib;
    final String javaBin;
    final Map<String, String> env = new HashMap<>(System.getenv());

    SaveScopeLauncher(Path root, Path cache) throws IOException {
        this.root = root;
        this.cache = cache;
        this.pins = Pins.read(root.resolve("jbang.pins"));
        this.lib = cache.resolve("jbang-" + pins.version);
        this.javaBin = Path.of(System.getProperty("java.home"), "bin", WINDOWS ? "java.exe" : "java").toString();
        env.put("SAVESCOPE_PROJECT_DIR", root.toString());
        // Without a UTF-8 locale (a bare CI shell, `env -i`), Java on Linux reads file names as ASCII and
        // cannot open non-English ones; C.UTF-8 exists everywhere glibc does, as ./jbang also assumes.
        String locale = Stream.of("LC_ALL", "LC_CTYPE", "LANG").map(env::get).filter(v -> !blank(v)).findFirst().orElse("");
        if (!WINDOWS && !locale.toLowerCase(Locale.ROOT).replace("-", "").contains("utf8")) {
            env.put("LC_ALL", "C.UTF-8");
        }
    }

    public static void main(String[] args) {
        try {
            Path root = projectRoot();
            SaveScopeLauncher launcher = new SaveScopeLauncher(root, cacheRoot(System.getenv(), System.getProperty("user.home")));
            System.exit(launcher.run(args));
        } catch (Failure e) {
            System.err.println("savescope: " + e.getMessage());
            System.exit(1);
        } catch (IOException e) {
            System.err.println("savescope: " + e);
            System.exit(1);
        }
    }

    /** A failure with a message for the user; no stack trace. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    /**
     * The SaveScope folder: named by jbang.cmd and jbang.ps1 ({@code -Dsavescope.root}), else the folder of the
     * source file the java launcher was given, else the current folder.
     */
    static Path projectRoot() {
        String named = System.getProperty("savescope.root");
        if (named != null && !named.isBlank()) {
            return Path.of(named).toAbsolutePath().normalize();
        }
        // "jdk.compiler/com.sun.tools.javac.launcher.Main PATH/jbang.java ARGS..." in source-file mode.
        String command = System.getProperty("sun.java.command", "");
        Matcher m = Pattern.compile("^\\S+launcher\\.Main (.*?jbang\\.java)(?: |$)").matcher(command);
        if (m.find()) {
            Path dir = Path.of(m.group(1)).toAbsolutePath().normalize().getParent();
            if (dir != null && Files.isRegularFile(dir.resolve("jbang.pins"))) {
                return dir;
            }
        }
        Path here = Path.of("").toAbsolutePath();
        if (Files.isRegularFile(here.resolve("jbang.pins"))) {
            return here;
        }
        throw new Failure("cannot tell where SaveScope is: run 'java PATH/TO/savescope/jbang.java ...' or jbang.cmd.");
    }

    /** Where ./jbang keeps its cache: SAVESCOPE_CACHE, else XDG_CACHE_HOME/savescope, else HOME/.cache/savescope. */
    static Path cacheRoot(Map<String, String> env, String userHome) {
        if (!blank(env.get("SAVESCOPE_CACHE"))) {
            return Path.of(env.get("SAVESCOPE_CACHE"));
        }
        if (!blank(env.get("XDG_CACHE_HOME"))) {
            return Path.of(env.get("XDG_CACHE_HOME"), "savescope");
        }
        String home = !blank(env.get("HOME")) ? env.get("HOME") : userHome;
        if (blank(home) || "?".equals(home)) {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"), "savescope-cache");
            System.err.println("savescope: no home folder; caching in " + tmp + " (set SAVESCOPE_CACHE to choose).");
            return tmp;
        }
        return Path.of(home, ".cache", "savescope");
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    int run(String[] args) throws IOException {
        if (Runtime.version().feature() < 17) {
            throw new Failure("this is Java " + Runtime.version().feature() + " at " + javaBin
                    + "; SaveScope needs a JDK 17 or newer (run that one's java, or put it first on the PATH).");
        }
        if (!Files.isRegularFile(Path.of(System.getProperty("java.home"), "bin", WINDOWS ? "javac.exe" : "javac"))) {
            throw new Failure("found a Java runtime at " + javaBin + " but no javac beside it; SaveScope compiles its "
                    + "scripts, so it needs a full JDK 17+ (not a JRE).");
        }
        String alias = args.length > 0 ? Catalog.scriptRef(root, args[0]) : null;
        String[] appArgs = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        Path workDir = Path.of("").toAbsolutePath();
        if (alias != null && RUN_IN_PROJECT.contains(args[0]) && !Files.isSameFile(workDir, root)) {
            System.err.println("savescope: running '" + args[0] + "' in " + root + " (it reads the SaveScope folder's own files).");
            workDir = root;
        }
        boolean caching = alias != null && !"0".equals(env.get("SAVESCOPE_LAUNCH_CACHE"));
        Path commandFile = null;
        if (caching) {
            commandFile = launchBase(args[0]).resolveSibling(args[0] + "@" + launchKey(alias) + ".argv");
            List<String> cached = Remembered.read(commandFile);
            if (cached != null) {
                return runRemembered(cached, commandFile, appArgs, workDir);
            }
        }
        try (BuildLock lock = BuildLock.take(cache, env)) {
            if (!pins.installedIn(lib)) {
                pins.install(lib, env.getOrDefault("SAVESCOPE_MAVEN_REPO", "https://repo1.maven.org/maven2"));
            }
            if (caching) {
                // Another run may have built and remembered it while this one waited for the lock.
                List<String> cached = Remembered.read(commandFile);
                if (cached == null) {
                    cached = askForCommand(args[0], alias, commandFile);
                }
                if (cached != null) {
                    lock.close();
                    return runRemembered(cached, commandFile, appArgs, workDir);
                }
            }
            // Not an alias, or a command not of the shape we keep: run it as JBang means, with the real arguments.
            List<String> jbangArgs = new ArrayList<>();
            if (alias != null) {
                jbangArgs.add(alias);
                jbangArgs.addAll(Arrays.asList(appArgs));
            } else {
                jbangArgs.addAll(Arrays.asList(args));
            }
            JBangAnswer answer = askJBang(alias != null ? root : workDir, jbangArgs);
            lock.close();
            return answer.exitCode == 255 ? execute(answer.command(), workDir) : answer.printed();
        } catch (JBangAnswer failed) {
            return failed.printed();
        }
    }

    /**
     * Asks JBang for the alias's java command with a placeholder for the arguments, checks the jar it built
     * (rebuilding it once when broken) and remembers the command. Null when the answer is not of that shape.
     */
    List<String> askForCommand(String aliasName, String scriptRef, Path commandFile) throws IOException {
        for (int attempt = 1; attempt <= 2; attempt++) {
            JBangAnswer answer = askJBang(root, List.of(aliasName, SENTINEL));
            if (answer.exitCode != 255) {
                throw answer;
            }
            List<String> command = answer.command();
            if (command.size() < 3 || !SENTINEL.equals(command.get(command.size() - 1))) {
                return null;
            }
            command = new ArrayList<>(command.subList(0, command.size() - 1));
            Path jar = BuildCheck.appJar(command, scriptRef);
            String problem = jar == null ? null : BuildCheck.problem(jar, BuildCheck.expectedClasses(root, scriptRef));
            if (problem == null || attempt == 2) {
                // Still failing after a build from scratch means the check is wrong, not the jar.
                Remembered.write(commandFile, command);
                return command;
            }
            System.err.println("savescope: " + problem + "; the cached build of " + aliasName + " is broken, rebuilding it.");
            Files.deleteIfExists(jar);
        }
        return null;
    }

    /** What JBang printed and its exit code: 255 asks its launcher to run the printed command. */
    static final class JBangAnswer extends RuntimeException {
        final int exitCode;
        final String output;

        JBangAnswer(int exitCode, String output) {
            super(null, null, false, false);
            this.exitCode = exitCode;
            this.output = output;
        }

        int printed() {
            System.out.print(output);
            System.out.flush();
            return exitCode;
        }

        /** The command JBang asks its launcher to run; an @argfile (long Windows command lines) is read in. */
        List<String> command() throws IOException {
            List<String> words = ShellWords.split(output.trim());
            List<String> expanded = new ArrayList<>();
            for (String w : words) {
                if (w.startsWith("@") && !expanded.isEmpty() && Files.isRegularFile(Path.of(w.substring(1)))) {
                    expanded.addAll(ShellWords.argFile(Files.readString(Path.of(w.substring(1)))));
                } else {
                    expanded.add(w);
                }
            }
            return expanded;
        }
    }

    JBangAnswer askJBang(Path dir, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBin));
        if (!blank(env.get("JBANG_JAVA_OPTIONS"))) {
            command.addAll(Arrays.asList(env.get("JBANG_JAVA_OPTIONS").trim().split("\\s+")));
        }
        command.addAll(List.of("-classpath", lib + (WINDOWS ? "\\*" : "/*"), "dev.jbang.Main"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(env);
        // Bash quoting is the simplest to read back, on every system.
        pb.environment().put("JBANG_RUNTIME_SHELL", "bash");
        pb.environment().put("JBANG_STDIN_NOTTY", System.console() == null ? "true" : "false");
        pb.environment().put("JBANG_LAUNCH_CMD", root.resolve(WINDOWS ? "jbang.cmd" : "jbang").toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        return new JBangAnswer(waitFor(p), new String(out, StandardCharsets.UTF_8));
    }

    /** Runs a remembered command with the user's JVM options and arguments and a class-data-sharing archive. */
    int runRemembered(List<String> command, Path commandFile, String[] appArgs, Path workDir) throws IOException {
        int cp = Math.max(1, command.indexOf("-classpath"));
        List<String> jvm = new ArrayList<>(command.subList(1, cp));
        if (!blank(env.get("SAVESCOPE_JAVA_OPTIONS"))) {
            jvm.addAll(Arrays.asList(env.get("SAVESCOPE_JAVA_OPTIONS").trim().split("\\s+")));
        }
        Path jsa = commandFile.resolveSibling(commandFile.getFileName() + ".jsa");
        boolean quick = Arrays.stream(appArgs).anyMatch(a -> List.of("-h", "--help", "-V", "--version").contains(a));
        List<String> full = new ArrayList<>(List.of(command.get(0)));
        Path recording = null;
        if (Files.exists(jsa) && Files.size(jsa) > 0) {
            full.addAll(List.of("-XX:SharedArchiveFile=" + jsa, "-Xlog:cds=off,cds+dynamic=off", "-XX:+IgnoreUnrecognizedVMOptions",
                    "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0"));
        } else if (!quick) {
            recording = jsa.resolveSibling(jsa.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            full.addAll(List.of("-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds=off,cds+dynamic=off",
                    "-Dsavescope.cds.train=true"));
        }
        full.addAll(jvm);
        full.addAll(command.subList(cp, command.size()));
        full.addAll(Arrays.asList(appArgs));
        int code = execute(full, workDir);
        if (recording != null) {
            if (code == 0 && Files.exists(recording) && Files.size(recording) > 0) {
                Files.move(recording, jsa, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(recording);
            }
        }
        return code;
    }

    int execute(List<String> command, Path workDir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).inheritIO();
        pb.environment().putAll(env);
        return waitFor(pb.start());
    }

    static int waitFor(Process p) {
        while (true) {
            try {
                return p.waitFor();
            } catch (InterruptedException e) {
                // Ctrl-C reaches the child too; keep waiting for its exit code.
            }
        }
    }

    /** The alias's entries in the launch cache: one folder per SaveScope folder, as ./jbang names them. */
    Path launchBase(String aliasName) {
        return cache.resolve("launch").resolve(root.toString().replaceAll("[\\\\/:]", "%")).resolve(aliasName);
    }

    /**
     * A hash of everything that decides JBang's command for the alias: every file under scripts/, templates/
     * and the alias's folder, the catalog, the pins, the java binary and the JBANG_* settings.
     */
    String launchKey(String scriptRef) throws IOException {
        MessageDigest sha = sha256();
        StringBuilder settings = new StringBuilder("java " + javaBin + "\n");
        env.keySet().stream().filter(k -> k.startsWith("JBANG_")).sorted()
                .forEach(k -> settings.append(k).append('=').append(env.get(k)).append('\n'));
        sha.update(settings.toString().getBytes(StandardCharsets.UTF_8));
        String top = scriptRef.contains("/") ? scriptRef.substring(0, scriptRef.indexOf('/')) : scriptRef;
        List<Path> files = new ArrayList<>();
        for (String name : new TreeSet<>(List.of("scripts", "templates", "jbang-catalog.json", "jbang.pins", top))) {
            Path p = root.resolve(name);
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            }
        }
        for (Path f : files) {
            sha.update(root.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(f));
        }
        return hex(sha.digest()).substring(0, 40);
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
        }
        return sb.toString();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** jbang.pins: JBang's version and each jar's repository path and SHA-256. */
    static final class Pins {
        final String version;
        final List<String[]> jars;

        Pins(String version, List<String[]> jars) {
            this.version = version;
            this.jars = jars;
        }

        static Pins read(Path file) throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new Failure(file + " is missing; is the SaveScope folder complete?");
            }
            String version = null;
            List<String[]> jars = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] words = line.trim().split("\\s+");
                if (words[0].isEmpty() || words[0].startsWith("#")) {
                    continue;
                }
                if (words[0].equals("version") && words.length == 2) {
                    version = words[1];
                } else if (words.length == 2 && words[1].matches("[0-9a-f]{64}")) {
                    jars.add(words);
                } else {
                    throw new Failure(file + ": \"" + line + "\": expected 'version V' or 'PATH SHA256'.");
                }
            }
            if (version == null || jars.isEmpty()) {
                throw new Failure(file + ": expected a 'version' line and the pinned jars.");
            }
            return new Pins(version, jars);
        }

        static String fileName(String path) {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        boolean installedIn(Path lib) {
            return jars.stream().allMatch(j -> Files.isRegularFile(lib.resolve(fileName(j[0]))));
        }

        /** Downloads every jar into a new folder, checks each one's SHA-256, then moves the folder into place. */
        void install(Path lib, String repo) throws IOException {
            System.err.println("savescope: fetching JBang " + version + " from Maven Central into " + lib + " (once)...");
            Files.createDirectories(lib.getParent());
            Path tmp = Files.createTempDirectory(lib.getParent(), ".jbang-download.");
            try {
                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                        .connectTimeout(Duration.ofSeconds(30)).build();
                for (String[] jar : jars) {
                    Path file = tmp.resolve(fileName(jar[0]));
                    download(http, repo + "/" + jar[0], file);
                    String got = hex(sha256().digest(Files.readAllBytes(file)));
                    if (!got.equals(jar[1])) {
                        throw new Failure("checksum mismatch for " + jar[0] + ": expected " + jar[1] + ", got " + got
                                + ". Nothing was installed.");
                    }
                }
                deleteTree(lib);
                Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteTree(tmp);
            }
        }

        static void download(HttpClient http, String url, Path file) throws IOException {
            String failure = "could not download " + url + " (is Maven Central reachable? set SAVESCOPE_MAVEN_REPO for a mirror)";
            try {
                URI uri = URI.create(url);
                if ("file".equals(uri.getScheme())) {
                    Files.copy(Path.of(uri), file, StandardCopyOption.REPLACE_EXISTING);
                    return;
                }
                for (int attempt = 1; ; attempt++) {
                    HttpResponse<Path> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).build(),
                            HttpResponse.BodyHandlers.ofFile(file));
                    if (r.statusCode() == 200) {
                        return;
                    }
                    if (attempt == 3 || r.statusCode() < 500) {
                        throw new Failure(failure + ": HTTP " + r.statusCode() + ".");
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new Failure(failure + ": " + e.getMessage() + ".");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failure(failure + ": interrupted.");
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The aliases of jbang-catalog.json beside the launcher. */
    static final class Catalog {
        static String scriptRef(Path root, String alias) throws IOException {
            Path catalog = root.resolve("jbang-catalog.json");
            if (!alias.matches("[a-z][a-z0-9-]*") || !Files.isRegularFile(catalog)) {
                return null;
            }
            Matcher m = Pattern.compile("\"" + alias + "\": *\\{[^}]*\"script-ref\": *\"([^\"]*)\"")
                    .matcher(Files.readString(catalog, StandardCharsets.UTF_8));
            return m.find() ? m.group(1) : null;
        }
    }

    /** A remembered command: one argument a line, then an end mark, so a file cut short is never used. */
    static final class Remembered {
        /** The command in {@code file}, or null when it is missing, cut short, or a class-path entry went or changed since. */
        static List<String> read(Path file) throws IOException {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 3 || !END.equals(lines.get(lines.size() - 1))) {
                return null;
            }
            List<String> command = lines.subList(0, lines.size() - 1);
            int cp = command.indexOf("-classpath");
            if (cp < 0 || cp + 1 >= command.size()) {
                return null;
            }
            long written = Files.getLastModifiedTime(file).toMillis();
            for (String entry : command.get(cp + 1).split(java.io.File.pathSeparator)) {
                Path p = Path.of(entry);
                if (!Files.exists(p) || Files.getLastModifiedTime(p).toMillis() > written) {
                    return null;
                }
            }
            return new ArrayList<>(command);
        }

        static void write(Path file, List<String> command) throws IOException {
            if (command.stream().anyMatch(a -> a.contains("\n") || a.contains("\r"))) {
                return;
            }
            Files.createDirectories(file.getParent());
            try (Stream<Path> old = Files.list(file.getParent())) {
                String prefix = file.getFileName().toString().replaceAll("@.*", "@");
                for (Path p : old.filter(p -> p.getFileName().toString().startsWith(prefix)
                        && p.getFileName().toString().contains(".argv")).collect(Collectors.toList())) {
                    Files.deleteIfExists(p);
                }
            }
            Path tmp = Files.createTempFile(file.getParent(), ".argv.", ".tmp");
            Files.write(tmp, (String.join("\n", command) + "\n" + END + "\n").getBytes(StandardCharsets.UTF_8));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Reading back what JBang prints: bash words, and the Java @argfiles it writes for long command lines. */
    static final class ShellWords {
        static List<String> split(String line) {
            List<String> words = new ArrayList<>();
            StringBuilder word = null;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\'') {
                    int end = line.indexOf('\'', i + 1);
                    if (end < 0) {
                        throw new Failure("cannot read JBang's command (an unclosed quote): " + line);
                    }
                    word = (word == null ? new StringBuilder() : word).append(line, i + 1, end);
                    i = end;
                } else if (c == '\\' && i + 1 < line.length()) {
                    word = (word == null ? new StringBuilder() : word).append(line.charAt(++i));
                } else if (Character.isWhitespace(c)) {
                    if (word != null) {
                        words.add(word.toString());
                        word = null;
                    }
                } else {
                    word = (word == null ? new StringBuilder() : word).append(c);
                }
            }
            if (word != null) {
                words.add(word.toString());
            }
            return words;
        }

        /** JBang writes one argument a line, in double quotes with backslash escapes when needed. */
        static List<String> argFile(String text) {
            List<String> args = new ArrayList<>();
            for (String line : text.split("\\R")) {
                if (line.isEmpty()) {
                    continue;
                }
                if (line.length() >= 2 && line.startsWith("\"") && line.endsWith("\"")) {
                    args.add(line.substring(1, line.length() - 1).replaceAll("\\\\(.)", "$1"));
                } else {
                    args.add(line);
                }
            }
            return args;
        }
    }

    /**
     * Checks the jar JBang built for an alias before its command is remembered: a build that was interrupted,
     * or raced by an unlocked one, leaves a jar JBang would reuse for good.
     */
    static final class BuildCheck {
        /** The alias's own jar on the command's class path (named after its script), or null. */
        static Path appJar(List<String> command, String scriptRef) {
            int cp = command.indexOf("-classpath");
            if (cp < 0 || cp + 1 >= command.size()) {
                return null;
            }
            String name = scriptRef.substring(scriptRef.lastIndexOf('/') + 1).replaceAll("\\.java$", ".jar");
            for (String entry : command.get(cp + 1).split(java.io.File.pathSeparator)) {
                Path p = Path.of(entry);
                if (p.getFileName() != null && p.getFileName().toString().equals(name)) {
                    return p;
                }
            }
            return null;
        }

        /** What is wrong with the jar, or null when it opens as a zip and holds every expected class. */
        static String problem(Path jar, Set<String> expected) {
            Set<String> found = new TreeSet<>();
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                zip.stream().map(ZipEntry::getName).forEach(found::add);
            } catch (IOException e) {
                return jar + " is not a whole jar (" + e.getMessage() + ")";
            }
            List<String> missing = expected.stream().filter(c -> !found.contains(c)).collect(Collectors.toList());
            return missing.isEmpty() ? null
                    : jar + " is missing class files (" + missing.size() + ", e.g. " + missing.get(0) + ")";
        }

        /** One class file per source file: the script's own and every file its //SOURCES lines name. */
        static Set<String> expectedClasses(Path root, String scriptRef) throws IOException {
            Path script = root.resolve(scriptRef);
            Path dir = script.getParent();
            List<Path> sources = new ArrayList<>(List.of(script));
            for (String line : Files.readAllLines(script, StandardCharsets.UTF_8)) {
                if (!line.startsWith("//SOURCES ")) {
                    continue;
                }
                for (String pattern : line.substring(10).trim().split("\\s+")) {
                    sources.addAll(glob(dir, pattern));
                }
            }
            Set<String> classes = new TreeSet<>();
            for (Path source : sources) {
                String pkg = "";
                try (Stream<String> lines = Files.lines(source, StandardCharsets.UTF_8)) {
                    pkg = lines.filter(l -> l.startsWith("package ")).findFirst()
                            .map(l -> l.substring(8, l.indexOf(';')).trim().replace('.', '/') + "/").orElse("");
                }
                classes.add(pkg + source.getFileName().toString().replaceAll("\\.java$", ".class"));
            }
            return classes;
        }

        /** The files a //SOURCES pattern names, relative to the script's folder: * within a folder, ** at any depth. */
        static List<Path> glob(Path dir, String pattern) throws IOException {
            if (!pattern.contains("*")) {
                return List.of(dir.resolve(pattern));
            }
            String prefix = pattern.substring(0, pattern.indexOf('*'));
            prefix = prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/')) : "";
            Path base = dir.resolve(prefix).normalize();
            String rest = pattern.substring(prefix.isEmpty() ? 0 : prefix.length() + 1);
            boolean anyDepth = rest.startsWith("**/");
            PathMatcher names = FileSystems.getDefault().getPathMatcher("glob:" + rest.substring(rest.lastIndexOf('/') + 1));
            if (!Files.isDirectory(base)) {
                return List.of();
            }
            try (Stream<Path> walk = Files.walk(base, anyDepth ? Integer.MAX_VALUE : 1)) {
                return walk.filter(Files::isRegularFile).filter(p -> names.matches(p.getFileName()))
                        .collect(Collectors.toList());
            }
        }
    }

    /**
     * The lock ./jbang takes around builds, taken the same way so the two exclude each other: flock(1) on
     * build.lock where it is installed (held by a child that ends when this process does), else the folder
     * build.lock.d holding the owner's pid, taken over when that process is gone.
     */
    static final class BuildLock implements AutoCloseable {
        private final Process flock;
        private final Path folder;

        private BuildLock(Process flock, Path folder) {
            this.flock = flock;
            this.folder = folder;
        }

        static BuildLock take(Path cache, Map<String, String> env) throws IOException {
            Files.createDirectories(cache);
            String flockPath = "mkdir".equals(env.get("SAVESCOPE_LOCK")) || WINDOWS ? null : onPath("flock", env);
            if (flockPath != null) {
                Process p = new ProcessBuilder(flockPath, cache.resolve("build.lock").toString(), "sh", "-c",
                        "echo locked; exec cat >/dev/null").redirectError(ProcessBuilder.Redirect.INHERIT).start();
                BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                Thread notice = new Thread(() -> {
                    try {
                        Thread.sleep(1000);
                        System.err.println("savescope: another SaveScope run is building; waiting for it to finish...");
                    } catch (InterruptedException e) {
                        // the lock came first
                    }
                });
                notice.setDaemon(true);
                notice.start();
                String line = out.readLine();
                notice.interrupt();
                if (!"locked".equals(line)) {
                    throw new Failure("could not take the build lock " + cache.resolve("build.lock") + " with flock.");
                }
                return new BuildLock(p, null);
            }
            return new BuildLock(null, lockFolder(cache.resolve("build.lock.d")));
        }

        static Path lockFolder(Path dir) throws IOException {
            long pid = ProcessHandle.current().pid();
            boolean said = false;
            int unowned = 0;
            while (true) {
                try {
                    Files.createDirectory(dir);
                    Files.writeString(dir.resolve("owner"), pid + " " + host() + "\n");
                    return dir;
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    String owner = readOwner(dir);
                    unowned = owner.isEmpty() ? unowned + 1 : 0;
                    if (unowned > 10 || !owner.isEmpty() && !alive(owner)) {
                        takeOver(dir, owner);
                        unowned = 0;
                        continue;
                    }
                    if (!said) {
                        System.err.println("savescope: another SaveScope run" + (owner.isEmpty() ? "" : " (process "
                                + owner.split(" ")[0] + ")") + " is building; waiting for it to finish...");
                        said = true;
                    }
                    sleep();
                }
            }
        }

        /** Renames a stale lock away (one waiter wins the rename), then checks it took the stale one. */
        static void takeOver(Path dir, String owner) throws IOException {
            Path stale = dir.resolveSibling(dir.getFileName() + ".stale." + ProcessHandle.current().pid());
            try {
                Files.move(dir, stale, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                return;
            }
            if (readOwner(stale).equals(owner)) {
                System.err.println("savescope: removed a stale build lock" + (owner.isEmpty() ? "" : " of process "
                        + owner.split(" ")[0]) + ".");
                deleteTree(stale);
            } else if (!Files.exists(dir)) {
                Files.move(stale, dir, StandardCopyOption.ATOMIC_MOVE);
            }
        }

        static String readOwner(Path dir) {
            try {
                return Files.readString(dir.resolve("owner")).trim();
            } catch (IOException e) {
                return "";
            }
        }

        static boolean alive(String owner) {
            try {
                return ProcessHandle.of(Long.parseLong(owner.split(" ")[0])).map(ProcessHandle::isAlive).orElse(false);
            } catch (NumberFormatException e) {
                return false;
            }
        }

        static String host() {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "localhost";
            }
        }

        static void sleep() {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() throws IOException {
            if (flock != null && flock.isAlive()) {
                flock.getOutputStream().close();
                waitFor(flock);
            }
            if (folder != null && readOwner(folder).startsWith(ProcessHandle.current().pid() + " ")) {
                deleteTree(folder);
            }
        }
    }

    static String onPath(String program, Map<String, String> env) {
        for (String dir : env.getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return Path.of(dir, program).toString();
            }
        }
        return null;
    }
}
