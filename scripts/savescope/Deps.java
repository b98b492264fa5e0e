// The one list of SaveScope's runtime dependencies and their versions. Every script pulls this file in
// through //SOURCES, so JBang resolves the same versions everywhere. Test-only libraries (JUnit) are
// listed in tests/TestRunner.java, the only script that runs tests.
//JAVA 17+
// Order matters for start-up: the class path is searched in this order, and classes that class-data
// sharing cannot archive (picocli and commons-math3 are compiled for Java 5) are found without first
// opening the large jars (ICU, fastutil, POI). Moving a line may also change which version of a shared
// transitive dependency wins.
//DEPS info.picocli:picocli:4.7.7
//DEPS org.apache.commons:commons-math3:3.6.1
// Rewrites notebook cells' bytecode so that they cannot end or hijack the process that runs them.
//DEPS org.ow2.asm:asm:9.11.1
//DEPS org.commonmark:commonmark:0.24.0
//DEPS org.freemarker:freemarker:2.3.34
//DEPS tech.tablesaw:tablesaw-core:0.44.4
//DEPS org.knowm.xchart:xchart:3.8.8
//DEPS com.fasterxml.jackson.core:jackson-databind:2.19.0
//DEPS org.apache.poi:poi-ooxml:5.3.0
//DEPS me.tongfei:progressbar:0.10.1
//DEPS org.slf4j:slf4j-nop:2.0.16
// XChart's vector export brings PDFBox 3.0.1, whose poms (pdfbox, fontbox, pdfbox-io) put JUnit in compile
// scope: eight test jars were on every run's class path, each opened when a class is looked for and not
// found. 3.0.8 keeps JUnit in test scope; nothing in a report loads PDFBox.
//DEPS org.apache.pdfbox:pdfbox:3.0.8
// PDFBox 3.0.8 brings commons-logging 1.3+, which logs through Log4j's API when it is present (POI brings it)
// and, with no Log4j implementation, prints an error to stderr as soon as PDFBox loads (a notebook saving an
// XChart chart as PDF). 1.2 logs through java.util.logging, as it did with PDFBox 3.0.1.
//DEPS commons-logging:commons-logging:1.2
// Tablesaw brings ClassGraph 4.8.168, which unmaps the jars it scans through sun.misc.Unsafe::invokeCleaner: on
// Java 24 and later every report printed four lines of JVM warnings about it. 4.8.200 does not call it there.
//DEPS io.github.classgraph:classgraph:4.8.200
// Imported directly by our code; already resolved through the libraries above (same versions), declared so
// that a change upstream cannot remove them unnoticed.
//DEPS com.fasterxml.jackson.core:jackson-core:2.19.0
//DEPS com.fasterxml.jackson.core:jackson-annotations:2.19.0
//DEPS it.unimi.dsi:fastutil:8.5.13
//DEPS de.erichseifert.vectorgraphics2d:VectorGraphics2D:0.13
//DEPS org.apache.poi:poi:5.3.0
//DEPS org.apache.poi:poi-ooxml-lite:5.3.0
package savescope;

/** Holds the shared //DEPS lines; not used at run time. */
final class Deps {
    private Deps() {}
}
