package savescope.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers agree: ./jbang and jbang.java take JBang's version and checksums from jbang.pins only (jbang.cmd
 * and jbang.ps1 run jbang.java), read what JBang prints alike, and install the same verified jars.
 */
class LaunchersTest {
    static final Pattern SHA256 = Pattern.compile("\\b[0-9a-f]{64}\\b");
    static Class<?> javaLauncher;

    @TempDir
    Path dir;

    /** jbang.java is not on the test class path: compile it as `java jbang.java` would. */
    @BeforeAll
    static void compileJavaLauncher(@TempDir Path classes) throws Exception {
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "11", "-proc:none",
                "-d", classes.toString(), "jbang.java");
        assertEquals(0, rc, "jbang.java compiles for Java 11, where source-file mode starts");
        javaLauncher = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, LaunchersTest.class.getClassLoader())
                .loadClass("SaveScopeLauncher");
    }

    static List<String[]> pinnedJars() throws IOException {
        return Files.readAllLines(Path.of("jbang.pins")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("version ")).map(l -> l.split("\\s+"))
                .collect(Collectors.toList());
    }

    static String pinnedVersion() throws IOException {
        return Files.readAllLines(Path.of("jbang.pins")).stream().filter(l -> l.startsWith("version "))
                .map(l -> l.substring(8).strip()).findFirst().orElseThrow();
    }

    @Test
    void pinsNameJBangCliAtTheirVersionAndOneChecksumPerJar() throws IOException {
        List<String[]> jars = pinnedJars();
        String version = pinnedVersion();
        assertTrue(jars.stream().anyMatch(j -> j[0].equals("dev/jbang/jbang-cli/" + version + "/jbang-cli-" + version + ".jar")));
        for (String[] j : jars) {
            assertEquals(2, j.length, String.join(" ", j));
            assertTrue(j[0].matches("[A-Za-z0-9_./-]+/([^/]+)/([^/]+)/\\1-\\2\\.jar"), "a Maven path: " + j[0]);
            assertTrue(SHA256.matcher(j[1]).matches(), j[1]);
        }
        assertEquals(jars.size(), jars.stream().map(j -> j[0].substring(j[0].lastIndexOf('/') + 1)).distinct().count(),
                "jar file names are unique: the cache keeps them in one folder");
    }

    @Test
    void noLauncherKeepsAVersionOrChecksumOfItsOwn() throws IOException {
        for (String launcher : List.of("jbang", "jbang.java", "jbang.cmd", "jbang.ps1")) {
            String text = Files.readString(Path.of(launcher));
            assertFalse(SHA256.matcher(text).find(), launcher + " holds a checksum");
            assertFalse(text.contains(pinnedVersion()), launcher + " names JBang's version");
        }
        assertTrue(Files.readString(Path.of("jbang")).contains("PINS=\"$ROOT/jbang.pins\""));
        assertTrue(Files.readString(Path.of("jbang.java")).contains("root.resolve(\"jbang.pins\")"));
        for (String wrapper : List.of("jbang.cmd", "jbang.ps1")) {
            String text = Files.readString(Path.of(wrapper));
            assertTrue(text.contains("jbang.java") && text.contains("-Dsavescope.root="), wrapper + " runs jbang.java");
            assertTrue(text.contains("\r\n") && !text.replace("\r\n", "").contains("\n"), wrapper + " has Windows line ends");
        }
    }

    @Test
    void javaLauncherReadsThePinsAsTheyAre() throws Exception {
        Object pins = call("read", Path.of("jbang.pins"), javaLauncher.getDeclaredClasses(), "Pins");
        assertEquals(pinnedVersion(), field(pins, "version"));
        List<String[]> jars = field(pins, "jars");
        assertEquals(pinnedJars().stream().map(j -> j[0] + " " + j[1]).collect(Collectors.toList()),
                jars.stream().map(j -> j[0] + " " + j[1]).collect(Collectors.toList()));
    }

    @Test
    void javaLauncherReadsJBangsQuotingBack() throws Exception {
        // JBang's bash quoting: unsafe words in single quotes, a quote inside as '\''.
        String printed = "/usr/bin/java -Dx=1 -classpath '/home/ann/My Files/a.jar:/b.jar' 'it'\\''s' report __SAVESCOPE_APP_ARGS__";
        assertEquals(List.of("/usr/bin/java", "-Dx=1", "-classpath", "/home/ann/My Files/a.jar:/b.jar", "it's", "report",
                "__SAVESCOPE_APP_ARGS__"), call("split", printed, javaLauncher.getDeclaredClasses(), "ShellWords"));
        // Its @argfiles on Windows: one argument a line, quoted with backslash escapes when needed.
        String argFile = "-classpath\r\n\"C:\\\\Users\\\\Ann Lee\\\\.m2\\\\a.jar;C:\\\\b.jar\"\r\nreport\r\n";
        assertEquals(List.of("-classpath", "C:\\Users\\Ann Lee\\.m2\\a.jar;C:\\b.jar", "report"),
                call("argFile", argFile, javaLauncher.getDeclaredClasses(), "ShellWords"));
    }

    @Test
    void javaLauncherCachesWhereTheBashLauncherDoes() throws Exception {
        Method m = javaLauncher.getDeclaredMethod("cacheRoot", Map.class, String.class);
        m.setAccessible(true);
        assertEquals(Path.of("/c"), m.invoke(null, Map.of("SAVESCOPE_CACHE", "/c", "HOME", "/h"), "/u"));
        assertEquals(Path.of("/x/savescope"), m.invoke(null, Map.of("XDG_CACHE_HOME", "/x", "HOME", "/h"), "/u"));
        assertEquals(Path.of("/h/.cache/savescope"), m.invoke(null, Map.of("HOME", "/h"), "/u"));
        assertEquals(Path.of("C:\\Users\\Ann", ".cache", "savescope"), m.invoke(null, Map.of(), "C:\\Users\\Ann"),
                "Windows has no HOME: the user's home");
    }

    /**
     * Both launchers install JBang from a repository holding the pinned jars (a copy of the installed ones):
     * the same files in the same layout, and JBang runs. With one jar altered, both refuse and install nothing.
     */
    @Test
    void bothLaunchersInstallTheSameVerifiedJarsAndRefuseAnAlteredOne() throws Exception {
        Path installed = installedJBang();
        Path repo = dir.resolve("repo");
        for (String[] j : pinnedJars()) {
            Path target = repo.resolve(j[0]);
            Files.createDirectories(target.getParent());
            Files.copy(installed.resolve(target.getFileName().toString()), target);
        }
        String version = pinnedVersion();
        for (String launcher : List.of("bash", "java")) {
            Path cache = dir.resolve("cache-" + launcher);
            Run r = launch(launcher, cache, repo, "--version");
            assertEquals(0, r.code, r.err);
            // JBang prints its version on stderr.
            assertTrue(r.err.strip().endsWith("\n" + version), r.err);
            assertEquals(pinnedJars().stream().map(j -> j[0].substring(j[0].lastIndexOf('/') + 1)).collect(Collectors.toCollection(TreeSet::new)),
                    list(cache.resolve("jbang-" + version)), launcher + " launcher's cache");
        }
        String[] altered = pinnedJars().get(3);
        Path jar = repo.resolve(altered[0]);
        byte[] bytes = Files.readAllBytes(jar);
        bytes[bytes.length / 2] ^= 1;
        Files.write(jar, bytes);
        for (String launcher : List.of("bash", "java")) {
            Path cache = dir.resolve("altered-" + launcher);
            Run r = launch(launcher, cache, repo, "--version");
            assertEquals(1, r.code, r.err);
            assertTrue(r.err.contains("checksum mismatch for " + altered[0] + ": expected " + altered[1]), r.err);
            assertFalse(Files.exists(cache.resolve("jbang-" + version)), launcher + " installed nothing");
        }
    }

    /** A lock folder whose owner is gone (a run killed mid-build) is taken over by either launcher, which says so. */
    @Test
    void aBuildLockLeftByADeadProcessIsTakenOver() throws Exception {
        Process finished = new ProcessBuilder("java", "-version").redirectErrorStream(true).start();
        finished.getInputStream().readAllBytes();
        finished.waitFor();
        long dead = finished.pid();
        Path cache = dir.resolve("cache");
        Path lock = cache.resolve("build.lock.d");
        Files.createDirectories(lock);
        Files.writeString(lock.resolve("owner"), dead + " a-host\n");
        // The bash launcher, with JBang already in this cache (linked), prints JBang's version past the lock.
        Files.createSymbolicLink(cache.resolve("jbang-" + pinnedVersion()), installedJBang());
        ProcessBuilder pb = new ProcessBuilder("bash", "jbang", "--version").redirectErrorStream(true);
        pb.environment().putAll(Map.of("SAVESCOPE_CACHE", cache.toString(), "SAVESCOPE_LOCK", "mkdir", "SAVESCOPE_USE_SYSTEM_JBANG", "0"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("savescope: removed a stale build lock of process " + dead + "."), out);
        assertTrue(out.strip().endsWith(pinnedVersion()), out);
        assertFalse(Files.exists(lock), "released after the run");

        // The Java launcher's lock, the same folder: taken over and held under this process's id.
        Files.createDirectories(lock);
        Files.writeString(lock.resolve("owner"), dead + " a-host\n");
        Class<?> buildLock = java.util.Arrays.stream(javaLauncher.getDeclaredClasses())
                .filter(c -> c.getSimpleName().equals("BuildLock")).findFirst().orElseThrow();
        Method take = buildLock.getDeclaredMethod("lockFolder", Path.class);
        take.setAccessible(true);
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            assertEquals(lock, take.invoke(null, lock));
        } finally {
            System.setErr(stderr);
        }
        assertEquals("savescope: removed a stale build lock of process " + dead + ".", said.toString(StandardCharsets.UTF_8).strip());
        assertTrue(Files.readString(lock.resolve("owner")).startsWith(ProcessHandle.current().pid() + " "));
    }

    /**
     * The class-data-sharing archive is claimed by one run: of eight bash processes calling the launcher's own
     * claim_archive at the same moment, exactly one wins. A claim whose process is gone, or older than an hour
     * (its pid may be another process's by now), is taken over; a fresh claim of a live process is respected.
     */
    @Test
    void oneOfManyRunsClaimsTheArchiveAndAStaleClaimIsTakenOver() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux") || System.getProperty("os.name").startsWith("Mac"), "bash");
        Path jsa = dir.resolve("report@key.jsa");
        Path making = Path.of(jsa + ".making");
        Path go = dir.resolve("go");
        Path tried = Files.createDirectories(dir.resolve("tried"));
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // A winner stays alive until every run has tried, as a run does while it lists its classes: on a busy
            // machine a run may start seconds after the others, and a winner gone by then leaves a stale claim.
            runs.add(claim(jsa, "until [ -e \"$2\" ]; do sleep 0.01; done; won=0; claim_archive \"$1\" && won=1; "
                    + ": > '" + tried + "'/$$; if [ $won = 1 ]; then echo won; "
                    + "for i in $(seq 1 6000); do [ $(ls '" + tried + "' | wc -l) -ge 8 ] && break; sleep 0.01; done; fi",
                    go));
        }
        Files.createFile(go);
        int won = 0;
        for (Process p : runs) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
            won += out.strip().equals("won") ? 1 : 0;
        }
        assertEquals(1, won, "claims that succeeded");

        long gone = runs.get(0).pid();
        String claimAndSayPid = "if claim_archive \"$1\"; then echo $$; else echo held; fi";
        Files.writeString(making, gone + "\n");
        Process taker = claim(jsa, claimAndSayPid, go);
        assertEquals(taker.pid() + "", new String(taker.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        assertEquals(taker.pid() + "\n", Files.readString(making), "the new claim holds its taker's pid");

        Files.writeString(making, ProcessHandle.current().pid() + "\n");
        Process blocked = claim(jsa, claimAndSayPid, go);
        assertEquals("held", new String(blocked.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        Files.setLastModifiedTime(making, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 2 * 3600_000L));
        Process late = claim(jsa, claimAndSayPid, go);
        assertEquals(late.pid() + "", new String(late.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }

    /**
     * The archive is made even when the folder the run started in is gone by then (a script's temporary folder,
     * removed as soon as its report is out): the JVM that makes it cannot start in a deleted folder, and the
     * launcher used to mark the archive as failed, leaving every later run without it until the next change.
     */
    @Test
    void theArchiveIsMadeWhenTheStartingFolderIsGone() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "bash, and a deleted working folder");
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path jsa = cache.resolve("report@key.jsa");
        Path list = cache.resolve("report@key.jsa.1.classlist");
        Files.writeString(list, "java/lang/Object\njava/lang/String\njava/util/ArrayList\n");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String functions = "eval \"$(sed -n '/^make_archive() {/,/^}/p' '" + Path.of("jbang").toAbsolutePath() + "')\"; ";
        // The folder is removed before the archive is made, as a finished script's temporary folder is.
        String script = functions + "CMD=(\"$1\"); mkdir gone; cd gone; rmdir ../gone; "
                + "SAVESCOPE_ARCHIVE_WAIT=1 make_archive \"$2\" \"$3\" -Xshare:auto -classpath \"$4\"";
        Process p = new ProcessBuilder("bash", "-c", script, "make", java, list.toString(), jsa.toString(), classes.toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertFalse(Files.exists(Path.of(jsa + ".failed")), "the archive was marked as failed: " + out);
        assertTrue(Files.size(jsa) > 0, "an archive was made");
        assertTrue(Files.exists(Path.of(jsa + ".ok")));
        assertFalse(Files.exists(list), "the class list is removed once used");
    }

    /**
     * The JVM is asked for transparent huge pages exactly where the kernel hands them out on request ("always" or
     * "madvise" selected, 2 MiB pages) and has at least 1 GiB free in blocks of 2 MiB or more, so none has to be
     * made by compacting memory while the report waits. Where they are off ("never"), where free memory is in
     * small pieces, or where a file is missing, nothing is added (asking would only make the JVM print a warning
     * into the report's output). Where this machine offers them, a JVM started with the option prints nothing
     * on stdout and takes it.
     */
    @Test
    void hugePagesAreAskedForOnlyWhereTheKernelHasThemFree() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux") || System.getProperty("os.name").startsWith("Mac"), "bash");
        // By hand: Normal has 247 free 4 MiB blocks and 72 of 2 MiB, 1,132 MiB; DMA32 none of either size.
        String roomy = "Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 \n"
                + "Node 0, zone    DMA32      0      4      2      2      1      2      0      3      3      0      0 \n"
                + "Node 0, zone   Normal     30    387    367    334   3346   2653   1156    460    148     72    247 \n";
        // 200 blocks of 4 MiB and 100 of 2 MiB: 1,000 MiB, below the 1 GiB asked for; plenty of smaller pieces.
        String fragmented = "Node 0, zone   Normal  90000  50000  20000  9000  4000  2000  1000  500  300  100  200 \n";
        String madvise = "always [madvise] never\n";
        assertEquals("-XX:+UseTransparentHugePages", hugePages(madvise, "2097152", roomy));
        assertEquals("-XX:+UseTransparentHugePages", hugePages("[always] madvise never\n", "2097152", roomy));
        assertEquals("", hugePages("always madvise [never]\n", "2097152", roomy));
        assertEquals("", hugePages(madvise, "2097152", fragmented));
        assertEquals("", hugePages(madvise, "536870912\n", roomy), "64 KiB pages: huge pages of 512 MiB");
        assertEquals("", hugePages(madvise, "2097152", "Node 0, zone Normal 1 2 3 08 x\n"));
        assertEquals("", hugePages("", "", roomy));
        assertEquals("", hugePages(madvise, "2097152", null), "no buddyinfo");

        Path real = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        Assumptions.assumeTrue(Files.isReadable(real) && !Files.readString(real).contains("[never]"), "transparent huge pages on this machine");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-XX:+UseTransparentHugePages", "-XX:+PrintFlagsFinal", "-version")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String flags = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertTrue(flags.lines().noneMatch(l -> l.contains("warning")), flags);
        assertTrue(flags.lines().anyMatch(l -> l.matches("\\s*bool UseTransparentHugePages\\s+= true.*")), "the JVM took the option");
    }

    /**
     * A report over 32 MiB or more of named files runs on the parallel collector, any smaller one (or a folder, or a
     * name that is no file) on the script's serial one, and other commands are left alone. Collectors the user
     * chooses in JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS, SAVESCOPE_JAVA_OPTIONS or _JAVA_OPTIONS, however spaced or
     * quoted, win: read in the JVM's order, the serial one is turned off when another is left on or the user turned
     * it off, and nothing is added when the serial one is on, none is left on, or options may come from a file.
     * Flags that merely end in GC choose nothing. Sizes by hand: 20 + 13 MiB of files is past the line, 31 MiB not.
     */
    @Test
    void bigReportInputsChooseTheParallelCollectorAndTheUsersCollectorWins() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux") || System.getProperty("os.name").startsWith("Mac"), "bash");
        Path big = sized("big.csv", 20 << 20);
        Path more = sized("more.csv", 13 << 20);
        Path small = sized("small.csv", 31 << 20);
        String parallel = "-XX:-UseSerialGC -XX:+UseParallelGC";
        String noSerial = "-XX:-UseSerialGC";
        assertEquals(parallel, collector("report", Map.of(), big.toString(), "-o", "out.html", more.toString()));
        assertEquals("", collector("report", Map.of(), small.toString()));
        assertEquals("", collector("report", Map.of(), big.toString(), dir.toString(), "missing.csv"));
        assertEquals("", collector("notebook", Map.of(), big.toString(), more.toString()));
        String[] both = {big.toString(), more.toString()};
        Map<Map<String, String>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(Map.of("SAVESCOPE_JAVA_OPTIONS", "-Xmx1g -Xlog:gc:file=g.txt"), parallel);
        cases.put(Map.of("SAVESCOPE_JAVA_OPTIONS", "-XX:+UseMaximumCompactionOnSystemGC"), parallel);
        cases.put(Map.of("SAVESCOPE_JAVA_OPTIONS", "-Xmx1g -XX:+UseSerialGC"), "");
        cases.put(Map.of("SAVESCOPE_JAVA_OPTIONS", "-XX:+UseG1GC"), noSerial);
        cases.put(Map.of("SAVESCOPE_JAVA_OPTIONS", "\t-XX:-UseSerialGC\t-XX:+UseG1GC\n-Xmx1g"), noSerial);
        cases.put(Map.of("SAVESCOPE_JAVA_OPTIONS", "-XX:-UseSerialGC"), noSerial);
        cases.put(Map.of("SAVESCOPE_JAVA_OPTIONS", "-XX:-UseParallelGC"), "");
        cases.put(Map.of("SAVESCOPE_JAVA_OPTIONS", "-XX:+UseG1GC  -XX:-UseG1GC"), "");
        cases.put(Map.of("SAVESCOPE_JAVA_OPTIONS", "-XX:+UseParallelOldGC -XX:-UseParallelGC"), noSerial);
        cases.put(Map.of("SAVESCOPE_JAVA_OPTIONS", "@jvm.options"), "");
        cases.put(Map.of("SAVESCOPE_JAVA_OPTIONS", "-XX:Flags=.hotspotrc"), "");
        cases.put(Map.of("JDK_JAVA_OPTIONS", "-XX:-UseSerialGC -XX:+UseG1GC"), noSerial);
        cases.put(Map.of("JDK_JAVA_OPTIONS", "\"-XX:+UseG1GC\""), noSerial);
        cases.put(Map.of("JAVA_TOOL_OPTIONS", "'-XX:+UseParallelGC'"), noSerial);
        cases.put(Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseG1GC", "SAVESCOPE_JAVA_OPTIONS", "-XX:-UseG1GC"), "");
        cases.put(Map.of("JAVA_TOOL_OPTIONS", "-XX:-UseSerialGC", "SAVESCOPE_JAVA_OPTIONS", "-XX:+UseG1GC"), noSerial);
        cases.put(Map.of("_JAVA_OPTIONS", "-XX:+UseSerialGC"), "");
        cases.put(Map.of("_JAVA_OPTIONS", "-XX:+UseG1GC"), noSerial);
        cases.forEach((env, expected) -> {
            try {
                assertEquals(expected, collector("report", env, both), env.toString());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(noSerial, collector("notebook", Map.of("JDK_JAVA_OPTIONS", "-XX:+UseZGC"), small.toString()));

        // Under 4 MiB of named files (or none: the bundled sample) the compiler favours start-up; not when a folder,
        // pipe or device is named (its size is unknown), nor at 4 MiB. The user's collector choice still wins.
        String startup = "-XX:C1MaxInlineSize=15 -XX:C1MaxInlineLevel=4 -Dsun.reflect.inflationThreshold=2147483647";
        Path tiny = sized("tiny.csv", (4 << 20) - 1);
        Path four = sized("four.csv", 4 << 20);
        assertEquals(startup, collector("report", Map.of(), tiny.toString(), "-o", "missing.html"));
        assertEquals(startup, collector("report", Map.of()));
        assertEquals("", collector("report", Map.of(), four.toString()));
        assertEquals("", collector("report", Map.of(), tiny.toString(), dir.toString()));
        assertEquals("", collector("report", Map.of(), tiny.toString(), "/dev/null"));
        assertEquals("", collector("notebook", Map.of(), tiny.toString()));
        assertEquals(noSerial + " " + startup,
                collector("report", Map.of("SAVESCOPE_JAVA_OPTIONS", "-XX:+UseG1GC"), tiny.toString()));
        assertEquals("", collector("report", Map.of("SAVESCOPE_JAVA_OPTIONS", "@jvm.options"), tiny.toString()));
        // JAVA_TOOL_OPTIONS and JDK_JAVA_OPTIONS come before the command line: the user's own settings there would lose.
        assertEquals("", collector("report", Map.of("JAVA_TOOL_OPTIONS", "-XX:C1MaxInlineSize=35"), tiny.toString()));
        assertEquals("", collector("report", Map.of("JDK_JAVA_OPTIONS", "-Dsun.reflect.inflationThreshold=5")));
        assertEquals("", collector("report", Map.of("LAUNCH_INPUT_BYTES", "abc"), tiny.toString()));
        // Sizes launch_key's find measured are taken as they are (no second look at the files).
        assertEquals(parallel, collector("report", Map.of("LAUNCH_INPUT_BYTES", Long.toString(32L << 20)), small.toString()));
        assertEquals(startup, collector("report", Map.of("LAUNCH_INPUT_BYTES", "1000"), big.toString(), more.toString()));

        // The JVM takes what the launcher puts together: the script's serial collector, then these, then the user's.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (List<String> options : List.of(List.of("-XX:+UseSerialGC", "-XX:-UseSerialGC", "-XX:+UseParallelGC"),
                List.of("-XX:+UseSerialGC", "-XX:-UseSerialGC", "-XX:+UseG1GC"))) {
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(options);
            command.add("-version");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), options + ": " + out);
        }
    }

    /**
     * launch_key's one find also measures a report's named files: relative or absolute, through a link, with blanks
     * in the name, twice if named twice; not a folder, a missing name, or one with a line break (the find prints one
     * line per file). The project's stamp it compares stays the same with and without them, so the remembered key is
     * used (a recomputed one would read "recomputed" here), and each project file is listed once. Sizes by hand.
     */
    @Test
    void launchKeyMeasuresTheReportsFilesInItsFindAndKeepsItsStamp() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "GNU find's -printf");
        Path root = Files.createDirectories(dir.resolve("project"));
        Files.createDirectories(root.resolve("scripts/savescope"));
        Files.createDirectories(root.resolve("templates"));
        Files.writeString(root.resolve("scripts/report.java"), "class report {}\n");
        Files.writeString(root.resolve("scripts/savescope/A.java"), "class A {}\n");
        Files.writeString(root.resolve("templates/report.ftlh"), "<p>${x}</p>\n");
        Files.writeString(root.resolve("jbang-catalog.json"), "{}\n");
        Files.writeString(root.resolve("jbang.pins"), "version 1\n");
        Path work = Files.createDirectories(dir.resolve("work"));
        Path spaced = Files.createDirectories(work.resolve("my exports"));
        Files.writeString(spaced.resolve("a b.csv"), "x".repeat(1000));
        Path absolute = sized("abs.csv", 70_000);
        Path link = Files.createSymbolicLink(work.resolve("link.csv"), absolute);
        Path broken = Files.writeString(work.resolve("line\nbreak.csv"), "x".repeat(5));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "eval \"$(sed -n '/^launch_key() {/,/^}/p' \"$1\")\"; set -euo pipefail; "
                + "ROOT=$2 JAVA=$3 LAUNCH_BASE=$4/report JBANG_VERSION=1; SHA256=(sha256sum); shift 4; "
                + "launch_key scripts/report.java; first=$LAUNCH_KEY; stamp=$(cat \"$LAUNCH_BASE.stamp\"); "
                + "SHA256=(echo recomputed); launch_key scripts/report.java \"$@\"; "
                + "[ \"$stamp\" = \"$(cat \"$LAUNCH_BASE.stamp\")\" ] || echo stamp-changed; "
                + "[ \"$LAUNCH_KEY\" = \"$first\" ] || echo \"key $LAUNCH_KEY\"; "
                + "grep -c '^scripts/report.java ' \"$LAUNCH_BASE.stamp\"; echo \"bytes ${LAUNCH_INPUT_BYTES-unset}\"";
        Process p = new ProcessBuilder("bash", "-c", script, "bash", Path.of("jbang").toAbsolutePath().toString(),
                root.toString(), java, Files.createDirectories(dir.resolve("launch")).toString(),
                "my exports/a b.csv", absolute.toString(), "link.csv", "my exports", "missing.csv",
                "-o", "my exports/a b.csv").directory(work.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        assertEquals("1\nbytes " + (1000 + 70_000 + 70_000 + 1000), out);

        // All or nothing (gc_options then measures them): a name with a line break, or more than 16 files.
        List<String> seventeen = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            seventeen.add(Files.writeString(work.resolve("f" + i + ".csv"), "x").toString());
        }
        Map<List<String>, String> expected = Map.of(List.of("link.csv", broken.toString()), "unset",
                seventeen, "unset", seventeen.subList(0, 16), "16");
        for (var e : expected.entrySet()) {
            List<String> command = new ArrayList<>(List.of("bash", "-c", script, "bash",
                    Path.of("jbang").toAbsolutePath().toString(), root.toString(), java, dir.resolve("launch").toString()));
            command.addAll(e.getKey());
            Process q = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
            String o = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(0, q.waitFor(), o);
            assertEquals("1\nbytes " + e.getValue(), o, e.getKey().toString());
        }
    }

    /**
     * Started as ./jbang from a folder reached through a link, the launcher finds its physical folder without a
     * subshell and leaves the shell's PWD (the report daemon's key) as the user's path.
     */
    @Test
    void startedFromALinkedFolderTheLauncherKeepsTheUsersPath() throws Exception {
        Assumptions.assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "bash");
        Path real = Files.createDirectories(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        String block = Files.readAllLines(Path.of("jbang")).stream().dropWhile(l -> !l.startsWith("SELF="))
                .takeWhile(l -> !l.equals("fi")).collect(Collectors.joining("\n"));
        Files.writeString(real.resolve("probe"), block + "\nfi\necho \"$ROOT|$PWD\"\n");
        ProcessBuilder pb = new ProcessBuilder("bash", "./probe").directory(link.toFile()).redirectErrorStream(true);
        pb.environment().put("PWD", link.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        assertEquals(real.toRealPath() + "|" + link, out);
    }

    /** A size in the environment is not taken for the inputs' (a run naming none gets the start-up settings). */
    @Test
    void theInputsSizeIsNeverTakenFromTheEnvironment() throws Exception {
        Assumptions.assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "bash");
        ProcessBuilder pb = new ProcessBuilder("bash", "jbang", "report", "--help");
        pb.environment().put("LAUNCH_INPUT_BYTES", Long.toString(1L << 30));
        pb.environment().put("SAVESCOPE_JAVA_OPTIONS", "-XX:+PrintCommandLineFlags");
        pb.environment().put("SAVESCOPE_DAEMON", "0");
        for (String v : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
            pb.environment().remove(v);
        }
        Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String flags = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        assertEquals(0, p.waitFor(), flags);
        assertTrue(flags.contains("-XX:C1MaxInlineSize=15") && flags.contains("-XX:+UseSerialGC"), flags);
        assertFalse(flags.contains("UseParallelGC"), flags);
    }

    private Path sized(String name, long bytes) throws IOException {
        Path file = dir.resolve(name);
        try (var f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return file;
    }

    /** What the launcher's gc_options chooses for a run of {@code alias} with this environment and these arguments. */
    String collector(String alias, Map<String, String> env, String... args) throws Exception {
        String functions = "eval \"$(sed -n '/^gc_options() {/,/^}/p' jbang)\"; set -euo pipefail; ";
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                functions + "gc=(); gc_options \"$@\"; echo \"${gc[*]-}\"", "bash"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("SAVESCOPE_JAVA_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("_JAVA_OPTIONS");
        pb.environment().put("LAUNCH_ALIAS", alias);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    /** What the launcher's huge_page_options adds for these THP settings and free lists (null: no such file). */
    String hugePages(String enabled, String pageSize, String buddyinfo) throws Exception {
        Path thp = Files.createDirectories(dir.resolve("thp-" + System.nanoTime()));
        Files.writeString(thp.resolve("enabled"), enabled);
        Files.writeString(thp.resolve("hpage_pmd_size"), pageSize);
        Path buddy = thp.resolve("buddyinfo");
        if (buddyinfo != null) {
            Files.writeString(buddy, buddyinfo);
        }
        String functions = "eval \"$(sed -n '/^huge_page_options() {/,/^}/p' jbang)\"; set -euo pipefail; ";
        Process p = new ProcessBuilder("bash", "-c", functions + "extra=(-Xmx1g); huge_page_options \"$1\" \"$2\"; echo \"${extra[*]:1}\"",
                "bash", thp.toString(), buddy.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }


    /**
     * The archive is made only from a class list that shows the application started: its main class (a package
     * as slashes; the name alone as JDK 17 writes it, or with " id: N" as JDK 21 and later do) among at least 1,000
     * classes. A run whose JVM options end it early lists only the JDK's (-version, ~380) or those and the main
     * class (--dry-run, ~530).
     */
    @Test
    void onlyARunThatStartedTheApplicationMakesTheArchive() throws Exception {
        Assumptions.assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "bash");
        String jdk = java.util.stream.IntStream.range(0, 998).mapToObj(i -> "java/lang/C" + i + "\n")
                .collect(Collectors.joining());
        Path ran = Files.writeString(dir.resolve("ran.classlist"), "java/lang/Object\n" + jdk + "report\na/b/Main$Run\n");
        Path ran21 = Files.writeString(dir.resolve("ran21.classlist"), jdk + "java/lang/Object id: 0\nreport id: 518\n");
        Path dryRun = Files.writeString(dir.resolve("dry.classlist"), jdk.substring(0, jdk.length() / 2) + "report\n");
        Path otherName = Files.writeString(dir.resolve("other.classlist"), jdk + "reporting\nxreport\nreport2 id: 3\n");
        String functions = "eval \"$(sed -n '/^started_application() {/,/^}/p' jbang)\"; set -euo pipefail; ";
        Map<List<String>, String> cases = Map.of(List.of(ran.toString(), "report"), "yes",
                List.of(ran.toString(), "a.b.Main$Run"), "yes", List.of(ran21.toString(), "report"), "yes",
                List.of(dryRun.toString(), "report"), "no", List.of(otherName.toString(), "report"), "no",
                List.of(ran.toString(), ""), "no", List.of(dir.resolve("missing").toString(), "report"), "no");
        for (var c : cases.entrySet()) {
            List<String> command = new ArrayList<>(List.of("bash", "-c",
                    functions + "if started_application \"$1\" \"$2\"; then echo yes; else echo no; fi", "bash"));
            command.addAll(c.getKey());
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(0, p.waitFor(), out);
            assertEquals(c.getValue(), out, c.getKey().toString());
        }
    }

    @Test
    void startedWithShTheLauncherRunsItselfWithBash() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX sh");
        // The launcher's lines before its first bash-only one, then what the rest of the script would be.
        String text = Files.readString(Path.of("jbang"));
        String head = text.substring(0, text.indexOf("set -euo pipefail"));
        Path script = Files.writeString(dir.resolve("launcher"), head + "echo \"bash=${BASH_VERSION%%.*} args=$*\"\n");
        Process p = new ProcessBuilder("/bin/sh", script.toString(), "report", "a b").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.matches("bash=[0-9]+ args=report a b"), out);
        // No bash anywhere on PATH: a sentence saying so, not the shell's syntax errors.
        ProcessBuilder noBash = new ProcessBuilder("/bin/sh", script.toString(), "report").redirectErrorStream(true);
        noBash.environment().put("PATH", dir.resolve("empty").toString());
        p = noBash.start();
        out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(1, p.waitFor(), out);
        assertEquals("savescope: " + script + " needs bash, which is not on PATH; install bash, or use jbang.java with a "
                + "JDK (java " + script + ".java ...).", out);
    }

    @Test
    void aRunFromAFolderRemovedMeanwhileSaysSoInsteadOfAJavaStackTrace() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX sh");
        for (boolean madeAgain : List.of(false, true)) {
            Path gone = Files.createDirectory(dir.resolve("gone-" + madeAgain));
            // In the folder, remove it (and maybe make a new one of its name), then start the launcher there.
            Process p = new ProcessBuilder("/bin/sh", "-c", "cd \"$1\" && rmdir \"$1\" && { [ \"$3\" = false ] || mkdir \"$1\"; }"
                    + " && exec bash \"$2\" report", "sh", gone.toString(), Path.of("jbang").toAbsolutePath().toString(),
                    String.valueOf(madeAgain)).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, p.waitFor(), err);
            assertEquals("", out);
            assertTrue(err.endsWith("savescope: the current folder (" + gone + ") no longer exists; cd to a folder that "
                    + "does and run again.\n"), err);
            assertFalse(err.contains("java.lang"), err);
        }
    }

    @Test
    void theLauncherIsNeverTakenForAnInstalledJBang() throws Exception {
        Assumptions.assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "bash");
        Path root = Path.of("").toAbsolutePath();
        Path bin = Files.createDirectories(dir.resolve("bin dir"));
        Path installed = Files.writeString(bin.resolve("jbang"), "#!/bin/sh\n");
        installed.toFile().setExecutable(true);
        Path link = Files.createDirectories(dir.resolve("links")).resolve("jbang");
        Files.createSymbolicLink(link, root.resolve("jbang"));
        String functions = "eval \"$(sed -n '/^find_system_jbang() {/,/^}/p' jbang)\"; set -euo pipefail; ROOT=$1; "
                + "find_system_jbang; echo \"[$SYSTEM_JBANG]\"";
        // PATH as bash sets it when there is none (ending in "."), run in the SaveScope folder; a link to the
        // launcher under the name jbang; a real one; and the choice turned off.
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("/usr/bin:/bin:.", "[]");
        cases.put(link.getParent() + ":/usr/bin:/bin", "[]");
        cases.put(bin + ":/usr/bin:/bin", "[" + installed + "]");
        cases.put("off", "[]");
        // Started again by that jbang (a wrapper that runs this launcher): not chosen a second time.
        cases.put("again", "[]");
        for (var c : cases.entrySet()) {
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", functions, "bash", root.toString()).redirectErrorStream(true);
            boolean named = c.getKey().equals("off") || c.getKey().equals("again");
            pb.environment().put("PATH", named ? bin + ":/usr/bin:/bin" : c.getKey());
            pb.environment().remove("SAVESCOPE_USE_SYSTEM_JBANG");
            pb.environment().remove("SAVESCOPE_SYSTEM_JBANG_RAN");
            if (c.getKey().equals("off")) {
                pb.environment().put("SAVESCOPE_USE_SYSTEM_JBANG", "0");
            } else if (c.getKey().equals("again")) {
                pb.environment().put("SAVESCOPE_SYSTEM_JBANG_RAN", "1");
            }
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(0, p.waitFor(), out);
            assertEquals(c.getValue(), out, "PATH " + c.getKey());
        }
    }

    /** Starts bash running SCRIPT with the launcher's archive-claiming functions defined, and $1 $2 = jsa, extra. */
    Process claim(Path jsa, String script, Path extra) throws IOException {
        String functions = "eval \"$(sed -n '/^archive_in_progress() {/,/^}/p; /^claim_archive() {/,/^}/p' jbang)\"; set -euo pipefail; ";
        return new ProcessBuilder("bash", "-c", functions + script, "claim", jsa.toString(), extra.toString())
                .redirectErrorStream(true).start();
    }

    record Run(int code, String out, String err) {}

    Run launch(String launcher, Path cache, Path repo, String... args) throws Exception {
        List<String> command = new ArrayList<>(launcher.equals("bash") ? List.of("bash", "jbang")
                : List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "jbang.java"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(dir.resolve("err-" + launcher).toFile());
        pb.environment().put("SAVESCOPE_CACHE", cache.toString());
        pb.environment().put("SAVESCOPE_MAVEN_REPO", repo.toUri().toString().replaceAll("/$", ""));
        pb.environment().put("SAVESCOPE_USE_SYSTEM_JBANG", "0");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        return new Run(code, out, Files.readString(dir.resolve("err-" + launcher)));
    }

    /** JBang as the launcher that runs these tests installed it, or skip. */
    static Path installedJBang() throws IOException {
        Map<String, String> env = System.getenv();
        Path cache = env.containsKey("SAVESCOPE_CACHE") ? Path.of(env.get("SAVESCOPE_CACHE"))
                : env.containsKey("XDG_CACHE_HOME") ? Path.of(env.get("XDG_CACHE_HOME"), "savescope")
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".cache", "savescope");
        Path lib = cache.resolve("jbang-" + pinnedVersion());
        Assumptions.assumeTrue(Files.isDirectory(lib), "JBang installed by ./jbang in " + lib + " (not when an installed jbang runs the tests)");
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux") || System.getProperty("os.name").startsWith("Mac"), "bash");
        return lib;
    }

    static TreeSet<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T field(Object o, String name) throws Exception {
        java.lang.reflect.Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return (T) f.get(o);
    }

    @SuppressWarnings("unchecked")
    static <T> T call(String method, Object arg, Class<?>[] nested, String className) throws Exception {
        for (Class<?> c : nested) {
            if (c.getSimpleName().equals(className)) {
                for (Method m : c.getDeclaredMethods()) {
                    if (m.getName().equals(method) && m.getParameterCount() == 1) {
                        m.setAccessible(true);
                        return (T) m.invoke(null, arg);
                    }
                }
            }
        }
        throw new AssertionError(className + "." + method + " not found in jbang.java");
    }
}
