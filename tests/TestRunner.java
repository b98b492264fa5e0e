///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES ../scripts/savescope/*.java
//SOURCES ../scripts/savescope/**/*.java
//SOURCES ../scripts/spark/SparkDeps.java
//SOURCES ../scripts/spark/savescope/**/*.java
//SOURCES savescope/*.java
//SOURCES savescope/**/*.java
//FILES templates/report.ftlh=../templates/report.ftlh
//FILES templates/outputs.ftlh=../templates/outputs.ftlh
//FILES templates/styles.css=../templates/styles.css
//FILES templates/report.js=../templates/report.js
//FILES templates/index.ftlh=../templates/index.ftlh
// Test-only libraries. JUnit stays at the version XChart already brings, so one copy is on the classpath.
//DEPS org.junit.jupiter:junit-jupiter:5.10.2
//DEPS org.junit.platform:junit-platform-launcher:1.10.2
// Validates written .ipynb files against the nbformat JSON schema.
//DEPS com.networknt:json-schema-validator:1.5.9
//COMPILE_OPTIONS -encoding UTF-8
//JAVA_OPTIONS -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 -Djava.awt.headless=true -Xss4m
// The Spark engine's tests run Spark in local mode; it needs these (see scripts/reportspark.java).
//JAVA_OPTIONS -Dslf4j.provider=org.slf4j.nop.NOPServiceProvider -Dslf4j.internal.verbosity=WARN
//JAVA_OPTIONS --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
//JAVA_OPTIONS --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
//JAVA_OPTIONS --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
//JAVA_OPTIONS --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
//DESCRIPTION Runs SaveScope's JUnit 5 suite and ends with "N passed, N failed".

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs every JUnit 5 test in the {@code savescope} packages (or the classes whose simple names are given as
 * arguments), prints each failure, and ends with the line {@code N passed, N failed, N skipped}.
 */
public class TestRunner {
    public static void main(String... args) {
        if (!Files.isDirectory(Path.of("tests", "fixtures"))) {
            System.err.println("error: run the tests from the SaveScope folder (tests/fixtures/ not found here).");
            System.exit(2);
        }
        Locale.setDefault(Locale.ROOT);
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        if (args.length == 0) {
            request.selectors(selectPackage("savescope")).filters(ClassNameFilter.includeClassNamePatterns(".*Test"));
        } else {
            List<String> patterns = new ArrayList<>();
            for (String a : args) {
                patterns.add(".*\\." + a.replace("*", ".*") + "$");
            }
            request.selectors(selectPackage("savescope"))
                    .filters(ClassNameFilter.includeClassNamePatterns(patterns.toArray(String[]::new)));
        }
        LauncherDiscoveryRequest discovery = request.build();
        PrintWriter out = new PrintWriter(System.out, true);
        AtomicLong passed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        long start = System.nanoTime();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionSkipped(TestIdentifier test, String reason) {
                if (test.isTest()) {
                    skipped.incrementAndGet();
                    out.println("SKIP " + name(test) + ": " + reason);
                }
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (result.getStatus() == TestExecutionResult.Status.ABORTED && test.isTest()) {
                    skipped.incrementAndGet();
                    out.println("SKIP " + name(test) + ": " + result.getThrowable().map(Throwable::getMessage).orElse(""));
                    return;
                }
                if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                    // A failing container (e.g. @BeforeAll) fails its tests without running them: count it once.
                    failed.incrementAndGet();
                    out.println("FAIL " + name(test));
                    result.getThrowable().ifPresent(t -> {
                        out.println("     " + t);
                        for (StackTraceElement e : t.getStackTrace()) {
                            if (e.getClassName().startsWith("savescope")) {
                                out.println("       at " + e);
                            }
                        }
                    });
                    return;
                }
                if (test.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                    passed.incrementAndGet();
                }
            }
        };
        LauncherFactory.create().execute(discovery, listener);
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "Ran %d tests in %.1f s%n", passed.get() + failed.get() + skipped.get(), seconds);
        out.println(passed.get() + " passed, " + failed.get() + " failed, " + skipped.get() + " skipped");
        System.exit(failed.get() > 0 || passed.get() == 0 ? 1 : 0);
    }

    private static String name(TestIdentifier test) {
        String source = test.getSource().map(Object::toString).orElse("");
        int cls = source.indexOf("className='");
        String className = cls >= 0 ? source.substring(cls + 11, source.indexOf('\'', cls + 11)) : "";
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return (simple.isEmpty() ? "" : simple + " > ") + test.getDisplayName();
    }
}
