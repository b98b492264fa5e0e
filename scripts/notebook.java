///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES savescope/*.java
//SOURCES savescope/**/*.java
//FILES templates/report.ftlh=../templates/report.ftlh
//FILES templates/outputs.ftlh=../templates/outputs.ftlh
//FILES templates/styles.css=../templates/styles.css
//FILES templates/report.js=../templates/report.js
//FILES templates/index.ftlh=../templates/index.ftlh
//COMPILE_OPTIONS -encoding UTF-8
//JAVA_OPTIONS -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 -Djava.awt.headless=true -XX:+UseSerialGC -XX:TieredStopAtLevel=1
//DESCRIPTION Runs a percent-format .jsh notebook cell by cell into HTML and .ipynb.

import savescope.cli.Cli;
import savescope.cli.NotebookCommand;

/** Entry point of {@code ./jbang notebook}; see {@link NotebookCommand}. */
public class notebook {
    public static void main(String... args) {
        System.exit(Cli.run(new NotebookCommand(), args));
    }
}
