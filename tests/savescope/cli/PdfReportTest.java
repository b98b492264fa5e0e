package savescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints the sample report to PDF with the installed Chromium and looks at the pages with poppler's tools:
 * the page count agrees between them and every figure's title and the end of its caption share a page.
 */
class PdfReportTest {
    @TempDir
    Path dir;

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    private static String run(Path in, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }

    private static String flat(String s) {
        return String.join(" ", s.strip().split("\\s+"));
    }

    private static String unescape(String html) {
        return html.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    @Test
    void thePdfHasEveryFigureWholeOnOnePage() throws Exception {
        Optional<Path> browser = PdfPrinter.findBrowser(System.getProperty("os.name"), System.getenv(),
                p -> Files.isRegularFile(p) && Files.isExecutable(p));
        assumeTrue(browser.isPresent(), "no Chromium installed (.ci/install-chromium)");
        assumeTrue(onPath("pdftoppm") && onPath("pdftotext"), "poppler-utils not installed");
        Path html = dir.resolve("sample.html");
        var r = ReportCommandTest.run("data/sample", "-o", html.toString(), "--pdf", "--no-index");
        assertEquals(0, r.code(), r.err());
        Path pdf = dir.resolve("sample.pdf");
        assertTrue(r.err().contains("wrote " + pdf), r.err());
        assertTrue(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"));

        run(dir, "pdftoppm", "-r", "30", "-png", pdf.toString(), dir.resolve("page").toString());
        List<Path> images;
        try (Stream<Path> s = Files.list(dir)) {
            images = s.filter(p -> p.getFileName().toString().matches("page-\\d+\\.png")).sorted().toList();
        }
        Matcher pagesLine = Pattern.compile("(?m)^Pages:\\s+(\\d+)").matcher(run(dir, "pdfinfo", pdf.toString()));
        assertTrue(pagesLine.find());
        int pages = Integer.parseInt(pagesLine.group(1));
        assertEquals(pages, images.size(), "one image per page");
        // The sample's report is 11 figures and some long tables: well past 10 pages, far below 100.
        assertTrue(pages > 10 && pages < 100, pages + " pages");
        for (Path image : images) {
            assertTrue(Files.size(image) > 500, image + " is an image of something");
        }

        List<String> pageText = new ArrayList<>();
        for (int i = 1; i <= pages; i++) {
            pageText.add(flat(run(dir, "pdftotext", "-f", "" + i, "-l", "" + i, pdf.toString(), "-")));
        }
        String page = Files.readString(html);
        Matcher figure = Pattern.compile("<figure class=\"chart\".*?<p class=\"chart-title\"[^>]*>(.*?)</p>.*?"
                + "<figcaption><span class=\"alt\">(.*?)</span>", Pattern.DOTALL).matcher(page);
        int figures = 0;
        while (figure.find()) {
            figures++;
            String title = flat(unescape(figure.group(1)));
            String captionEnd = flat(unescape(figure.group(2)));
            captionEnd = captionEnd.substring(Math.max(0, captionEnd.length() - 30));
            List<Integer> titlePages = new ArrayList<>();
            List<Integer> endPages = new ArrayList<>();
            for (int i = 0; i < pages; i++) {
                if (pageText.get(i).contains(title.substring(0, Math.min(30, title.length())))) {
                    titlePages.add(i + 1);
                }
                if (pageText.get(i).contains(captionEnd)) {
                    endPages.add(i + 1);
                }
            }
            assertEquals(1, titlePages.size(), title + " is on one page: " + titlePages);
            assertEquals(titlePages, endPages, title + ": its caption ends on the page of its title");
        }
        assertEquals(11, figures, "the sample report's figures");
        assertTrue(page.contains("<details class=\"more-findings\">"), "some findings are folded on screen");
        Matcher folded = Pattern.compile("<details class=\"more-findings\">.*?<p class=\"headline\">(.*?)</p>",
                Pattern.DOTALL).matcher(page);
        assertTrue(folded.find());
        String headline = flat(unescape(folded.group(1)));
        assertTrue(String.join(" ", pageText).contains(headline.substring(0, 40)), "folded findings print: " + headline);
    }

    @Test
    void aMissingBrowserIsNamedWithItsPackage() {
        assertFalse(PdfPrinter.findBrowser("Linux", Map.of("PATH", "/nonexistent"), p -> false).isPresent());
        assertTrue(PdfPrinter.noBrowserMessage("Linux").contains("sudo apt-get install chromium"));
        assertTrue(PdfPrinter.noBrowserMessage("Mac OS X").contains("brew install --cask chromium"));
        Path edge = Path.of("C:\\Program Files (x86)", "Microsoft", "Edge", "Application", "msedge.exe");
        assertEquals(Optional.of(edge), PdfPrinter.findBrowser("Windows 11",
                Map.of("ProgramFiles(x86)", "C:\\Program Files (x86)"), edge::equals));
    }

    @Test
    void pdfNextToTheReport() {
        assertEquals(Path.of("reports", "team.pdf"), PdfPrinter.besides(Path.of("reports", "team.html")));
    }
}
