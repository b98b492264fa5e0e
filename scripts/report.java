///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES savescope/*.java
//SOURCES savescope/**/*.java
//FILES templates/report.ftlh=../templates/report.ftlh
//FILES templates/outputs.ftlh=../templates/outputs.ftlh
//FILES templates/styles.css=../templates/styles.css
//FILES templates/report.js=../templates/report.js
//COMPILE_OPTIONS -encoding UTF-8
//JAVA_OPTIONS -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 -Djava.awt.headless=true -XX:+UseSerialGC -XX:TieredStopAtLevel=1
//DESCRIPTION Builds a notebook-style HTML report about saves from TikTok analytics exports.

import savescope.cli.Cli;
import savescope.cli.ReportCommand;

/** Entry point of {@code ./jbang report}; see {@link ReportCommand}. */
public class report {
    public static void main(String... args) {
        System.exit(Cli.run(new ReportCommand(), args));
    }
}
