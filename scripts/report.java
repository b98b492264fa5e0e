///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES savescope/*.java
//SOURCES savescope/**/*.java
//FILES templates/report.ftlh=../templates/report.ftlh
//FILES templates/outputs.ftlh=../templates/outputs.ftlh
//FILES templates/styles.css=../templates/styles.css
//FILES templates/report.js=../templates/report.js
//FILES templates/index.ftlh=../templates/index.ftlh
//COMPILE_OPTIONS -encoding UTF-8 -XDstringConcat=inline
//JAVA_OPTIONS -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 -Djava.awt.headless=true -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:NewSize=32m -XX:MaxNewSize=128m -XX:PretenureSizeThreshold=10m
//DESCRIPTION Builds a notebook-style HTML report about saves from TikTok analytics exports.

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import savescope.cli.Cli;
import savescope.cli.ReportCommand;

/** Entry point of {@code ./jbang report}; see {@link ReportCommand}. */
public class report {
    private static final List<String> NO_REPORT_FLAGS = List.of("-h", "--help", "-V", "--version");

    public static void main(String... args) {
        // FreeMarker probes for a logging library the first time it is used (about 25 ms, starting SLF4J), and
        // every one on this class path discards its messages (slf4j-nop): it is told there is none, unless the
        // user chose one. Only here: in a process that also holds Spark, whose logging that probe sets up,
        // the library must stay FreeMarker's to choose.
        if (System.getProperty("org.freemarker.loggerLibrary") == null) {
            System.setProperty("org.freemarker.loggerLibrary", "none");
        }
        String daemonState = System.getProperty(savescope.cli.ReportDaemon.STATE_PROPERTY);
        if (daemonState != null) {
            System.exit(savescope.cli.ReportDaemon.serve(java.nio.file.Path.of(daemonState),
                    Long.getLong(savescope.cli.ReportDaemon.WAIT_PROPERTY, 0L), report::initTablesawQuickly));
        }
        if (Arrays.stream(args).noneMatch(NO_REPORT_FLAGS::contains)) {
            warmUpInBackground();
        }
        Thread training = Boolean.getBoolean(TRAINING_PROPERTY) ? ArchiveTraining.start() : null;
        int code = Cli.run(new ReportCommand(), args);
        ArchiveTraining.await(training);
        System.exit(code);
    }

    /** Set by the launcher on the run that records the class-data-sharing archive. */
    static final String TRAINING_PROPERTY = "savescope.cds.train";

    /**
     * Tablesaw's {@code Table} registers its file readers and writers by scanning the class path with ClassGraph
     * when the class is first used: opening our ~50 jars cost 0.5-0.7 s of every start, and even tablesaw-core
     * alone 0.1 s. The report reads and writes files with its own code, never through Tablesaw's readers, so
     * the scan is shown an empty class path. Nothing else in the report reads the property (class loading
     * does not), and it is restored as soon as the scan is done.
     */
    static void initTablesawQuickly() {
        String classPath = System.getProperty("java.class.path", "");
        try {
            System.setProperty("java.class.path", "");
            Class.forName("tech.tablesaw.api.Table", true, report.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // Left for the first real use of Tablesaw to report properly.
        } finally {
            System.setProperty("java.class.path", classPath);
        }
    }

    /**
     * Tablesaw's set-up and the AWT fonts that charts measure text with each cost 0.1-0.2 s on first use.
     * A second core does both while this one parses the command line and reads the exports; a failure here
     * is ignored and resurfaces where Tablesaw or the charts are first used.
     */
    static void warmUpInBackground() {
        Thread warm = new Thread(() -> {
            try {
                initTablesawQuickly();
                new Font(Font.SANS_SERIF, Font.PLAIN, 12).getStringBounds("0.0%", new FontRenderContext(null, true, true));
            } catch (Throwable ignored) {
                // see javadoc; an OutOfMemoryError here would also meet the main thread, which says it once
            }
        }, "warm-up");
        warm.setDaemon(true);
        warm.start();
    }
}

/**
 * The run that records the class-data-sharing archive keeps every class it loaded, and later runs find only
 * those in it: a first run on a CSV left the JSON and ZIP readers and Jackson out, and every later run on the
 * sample loaded them from the jars again. This run therefore also loads all of SaveScope's own classes and
 * reads the bundled sample (a JSON, a CSV and ZIPs) on a second core while the user's report is made.
 */
final class ArchiveTraining {
    private ArchiveTraining() {}

    static Thread start() {
        Thread t = new Thread(ArchiveTraining::train, "archive-training");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    /** Waits for the training, which only adds classes to the archive; its failure never changes the run. */
    static void await(Thread training) {
        if (training == null) {
            return;
        }
        try {
            training.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void train() {
        try {
            loadOwnClasses();
            String project = System.getenv("SAVESCOPE_PROJECT_DIR");
            java.nio.file.Path sample = project == null ? null : java.nio.file.Path.of(project, "data", "sample");
            if (sample != null && java.nio.file.Files.isDirectory(sample)) {
                savescope.load.Loader.load(List.of(sample), savescope.load.Loader.Options.defaults());
            }
            savescope.render.JsonOutput.toJson(java.util.Map.of("videos", List.of(1, 2.5, "a")));
            // The sample's text columns hold few distinct values; past 127 (the ids of a 1,000-video export) Tablesaw
            // moves a column to a wider dictionary, whose classes would otherwise load from the jars on every run.
            tech.tablesaw.api.StringColumn ids = tech.tablesaw.api.StringColumn.create("training");
            for (int i = 0; i < 300; i++) {
                ids.append(Integer.toString(i));
            }
            ids.countUnique();
            // The benchmark's runs print --timings, which reads the JVM's start and heap through its management
            // beans: some 60 classes that would otherwise come from the JDK's image on each of those runs.
            new savescope.cli.StageClock(true).print(new java.io.PrintWriter(java.io.Writer.nullWriter()));
        } catch (Throwable ignored) {
            // Only the archive is poorer for it.
        }
    }

    /** Every class in SaveScope's own jar, loaded but not initialised (no static set-up runs). */
    private static void loadOwnClasses() throws java.io.IOException, java.net.URISyntaxException {
        java.security.CodeSource source = report.class.getProtectionDomain().getCodeSource();
        if (source == null || !source.getLocation().getPath().endsWith(".jar")) {
            return;
        }
        ClassLoader loader = report.class.getClassLoader();
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(new File(source.getLocation().toURI()))) {
            for (java.util.jar.JarEntry e : java.util.Collections.list(jar.entries())) {
                String name = e.getName();
                if (name.startsWith("savescope/") && name.endsWith(".class")) {
                    try {
                        Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                    } catch (ClassNotFoundException | LinkageError skipped) {
                        // a class that cannot load now cannot be archived either
                    }
                }
            }
        }
    }
}
