package savescope.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notebook that saves an XChart chart as PDF, run by ./jbang notebook: with the notebook's own class path
 * (the tests' adds Spark's logging bridges), loading PDFBox must not print a logging error on stderr.
 */
class NotebookPdfChartTest {
    @Test
    void savingAChartAsPdfWritesNoLoggingErrors(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "./jbang is a bash script");
        Path pdf = dir.resolve("chart.pdf");
        Files.writeString(dir.resolve("pdf.jsh"), String.join("\n",
                "// %%",
                "import org.knowm.xchart.*;",
                "var chart = new XYChartBuilder().width(300).height(200).build();",
                "chart.addSeries(\"saves\", new double[] {1, 2, 3}, new double[] {3, 1, 2});",
                "VectorGraphicsEncoder.saveVectorGraphic(chart, \"" + dir.resolve("chart") + "\",",
                "        VectorGraphicsEncoder.VectorGraphicsFormat.PDF);",
                ""));
        Process p = new ProcessBuilder(List.of("bash", Path.of("jbang").toAbsolutePath().toString(), "notebook",
                        dir.resolve("pdf.jsh").toString(), "-o", dir.resolve("pdf.html").toString()))
                .redirectError(dir.resolve("stderr.txt").toFile()).redirectOutput(dir.resolve("stdout.txt").toFile())
                .start();
        int code = p.waitFor();
        String err = Files.readString(dir.resolve("stderr.txt"));
        assertEquals(0, code, err);
        assertEquals("%PDF-", new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII));
        // commons-logging 1.3+ logs through Log4j's API (which POI brings) and, finding no Log4j
        // implementation, says so on stderr; the cell's stderr is also kept in the page.
        String page = Files.readString(dir.resolve("pdf.html"));
        assertFalse(err.contains("Log4j2") || page.contains("Log4j2"), err);
    }
}
