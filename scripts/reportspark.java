///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES savescope/*.java
//SOURCES savescope/**/*.java
//SOURCES spark/savescope/**/*.java
//SOURCES spark/SparkDeps.java
//FILES templates/report.ftlh=../templates/report.ftlh
//FILES templates/outputs.ftlh=../templates/outputs.ftlh
//FILES templates/styles.css=../templates/styles.css
//FILES templates/report.js=../templates/report.js
//FILES templates/index.ftlh=../templates/index.ftlh
//COMPILE_OPTIONS -encoding UTF-8
//JAVA_OPTIONS -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 -Djava.awt.headless=true
//JAVA_OPTIONS -Dslf4j.provider=org.slf4j.nop.NOPServiceProvider -Dslf4j.internal.verbosity=WARN
//JAVA_OPTIONS --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
//JAVA_OPTIONS --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
//JAVA_OPTIONS --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
//JAVA_OPTIONS --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
//JAVA_OPTIONS --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
//JAVA_OPTIONS --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
//JAVA_OPTIONS --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false
//DESCRIPTION Builds the saves report with Apache Spark, for corpora too big for one machine.

import savescope.cli.Cli;
import savescope.cli.SparkCommand;

/** Entry point of {@code ./jbang report-spark}; see {@link SparkCommand}. */
public class reportspark {
    public static void main(String... args) {
        System.exit(Cli.run(new SparkCommand(), args));
    }
}
