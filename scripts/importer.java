///usr/bin/env jbang "$0" "$@" ; exit $?
//SOURCES savescope/*.java
//SOURCES savescope/**/*.java
//FILES templates/report.ftlh=../templates/report.ftlh
//FILES templates/outputs.ftlh=../templates/outputs.ftlh
//FILES templates/styles.css=../templates/styles.css
//FILES templates/report.js=../templates/report.js
//FILES templates/index.ftlh=../templates/index.ftlh
//COMPILE_OPTIONS -encoding UTF-8 -XDstringConcat=inline
//JAVA_OPTIONS -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 -Djava.awt.headless=true -XX:+UseSerialGC -XX:TieredStopAtLevel=1
//DESCRIPTION Keeps a copy of every export in a history folder, so reports can see every snapshot ever taken.

import savescope.cli.Cli;
import savescope.cli.ImportCommand;

/** Entry point of {@code ./jbang import}; see {@link ImportCommand}. */
public class importer {
    public static void main(String... args) {
        System.exit(Cli.run(new ImportCommand(), args));
    }
}
