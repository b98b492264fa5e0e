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
import java.util.Locale;
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
    void aChromiumVariableNamingNoBrowserIsNamed() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("chrome-folder"));
        Path plain = Files.writeString(dir.resolve("chrome.txt"), "not a browser");
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("/nonexistent/chrome", "CHROMIUM=/nonexistent/chrome: no such file (expected the browser's executable)");
        cases.put(folder.toString(), "CHROMIUM=" + folder + ": is a folder (expected the browser's executable)");
        cases.put(plain.toString(), "CHROMIUM=" + plain + ": is not executable (expected the browser's executable)");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            var r = report(environment("CHROMIUM", c.getKey()), SMALL, "-o", dir.resolve("r.html").toString(), "--pdf",
                    "--no-index");
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains(c.getValue()), r.err());
            assertFalse(Files.exists(dir.resolve("r.html")), "nothing written");
        }
    }

    @Test
    void aFolderWhereThePdfGoesAsksForAnotherOutput() throws Exception {
        Files.createDirectories(dir.resolve("r.pdf"));
        var r = report(environment(), SMALL, "-o", dir.resolve("r.html").toString(), "--pdf", "--no-index");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(dir.resolve("r.pdf") + " (the PDF beside -o) is a folder; move it or choose "
                + "another -o"), r.err());
        assertFalse(r.err().contains("--pdf " + dir.resolve("r.pdf")), "--pdf takes no value: " + r.err());
    }

    /** The report command with its environment replaced: the browser, pdfinfo and the paper's country. */
    private static ReportCommandTest.Run report(Map<String, String> env, String... args) {
        ReportCommand command = new ReportCommand();
        command.environment = env;
        picocli.CommandLine cl = Cli.commandLine(command);
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setOut(new java.io.PrintWriter(out));
        cl.setErr(new java.io.PrintWriter(err));
        int code = cl.execute(args);
        return new ReportCommandTest.Run(code, out.toString(), err.toString());
    }

    private static Map<String, String> environment(String... pairs) {
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.remove("LC_ALL");
        env.remove("LC_PAPER");
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static final String SMALL = "tests/fixtures/history/keeps.csv";

    @Test
    void thePaperIsA4OrLetterAsAskedOrAsTheCountryUses() throws Exception {
        Optional<Path> browser = PdfPrinter.findBrowser(System.getProperty("os.name"), System.getenv(),
                p -> Files.isRegularFile(p) && Files.isExecutable(p));
        assumeTrue(browser.isPresent(), "no Chromium installed (.ci/install-chromium)");
        assumeTrue(onPath("pdfinfo"), "poppler-utils not installed");
        // pdfinfo names the sizes it knows: A4 is 595.276 x 841.89 pt (210 x 297 mm), Letter 612 x 792 pt.
        Map<String, String> sizes = new java.util.LinkedHashMap<>();
        sizes.put("a4", "(A4)");
        sizes.put("letter", "(letter)");
        for (Map.Entry<String, String> paper : sizes.entrySet()) {
            Path html = dir.resolve(paper.getKey() + ".html");
            var r = report(environment(), SMALL, "-o", html.toString(), "--pdf", "--paper", paper.getKey(), "--no-index");
            assertEquals(0, r.code(), r.err());
            assertTrue(pageSize(dir.resolve(paper.getKey() + ".pdf")).endsWith(paper.getValue()),
                    paper.getKey() + ": " + pageSize(dir.resolve(paper.getKey() + ".pdf")));
        }
        // No --paper: the paper of the country POSIX's LC_PAPER names (Mexico uses Letter, Germany A4).
        var mx = report(environment("LC_PAPER", "es_MX.UTF-8"), SMALL, "-o", dir.resolve("mx.html").toString(),
                "--pdf", "--no-index");
        assertEquals(0, mx.code(), mx.err());
        assertTrue(pageSize(dir.resolve("mx.pdf")).endsWith("(letter)"), pageSize(dir.resolve("mx.pdf")));
        var de = report(environment("LC_PAPER", "de_DE.UTF-8"), SMALL, "-o", dir.resolve("de.html").toString(),
                "--pdf", "--no-index");
        assertEquals(0, de.code(), de.err());
        assertTrue(pageSize(dir.resolve("de.pdf")).endsWith("(A4)"), pageSize(dir.resolve("de.pdf")));
    }

    private String pageSize(Path pdf) throws Exception {
        Matcher m = Pattern.compile("(?m)^Page size:\\s+(.*)$").matcher(run(dir, "pdfinfo", pdf.toString()));
        assertTrue(m.find(), pdf.toString());
        return m.group(1).strip();
    }

    @Test
    void theDefaultPaperFollowsTheCountry() {
        assertEquals(PdfPrinter.Paper.LETTER, PdfPrinter.Paper.forPlace(Map.of(), Locale.US));
        assertEquals(PdfPrinter.Paper.LETTER, PdfPrinter.Paper.forPlace(Map.of(), Locale.CANADA_FRENCH));
        assertEquals(PdfPrinter.Paper.LETTER, PdfPrinter.Paper.forPlace(Map.of(), Locale.forLanguageTag("fil-PH")));
        assertEquals(PdfPrinter.Paper.A4, PdfPrinter.Paper.forPlace(Map.of(), Locale.UK));
        assertEquals(PdfPrinter.Paper.A4, PdfPrinter.Paper.forPlace(Map.of(), Locale.forLanguageTag("es-ES")));
        assertEquals(PdfPrinter.Paper.A4, PdfPrinter.Paper.forPlace(Map.of(), Locale.ENGLISH), "no country: A4");
        assertEquals(PdfPrinter.Paper.A4, PdfPrinter.Paper.forPlace(Map.of(), Locale.ROOT));
        // POSIX: LC_ALL wins over LC_PAPER, which wins over the locale; "C" names no country.
        assertEquals(PdfPrinter.Paper.LETTER, PdfPrinter.Paper.forPlace(Map.of("LC_PAPER", "es_CO.UTF-8"), Locale.FRANCE));
        assertEquals(PdfPrinter.Paper.A4, PdfPrinter.Paper.forPlace(
                Map.of("LC_ALL", "fr_FR.UTF-8", "LC_PAPER", "en_US.UTF-8"), Locale.US));
        // A locale set without a country (C, POSIX, a typing slip) gives A4: Java reads "C" as en_US.
        for (String noCountry : List.of("C", "POSIX", "C.UTF-8", "garbage")) {
            assertEquals(PdfPrinter.Paper.A4, PdfPrinter.Paper.forPlace(Map.of("LC_ALL", noCountry), Locale.US),
                    noCountry);
        }
        assertEquals(PdfPrinter.Paper.LETTER, PdfPrinter.Paper.forPlace(Map.of("LANG", "en_US.UTF-8"), Locale.UK));
        assertEquals(PdfPrinter.Paper.A4, PdfPrinter.Paper.forPlace(Map.of("LC_PAPER", "de_DE@euro"), Locale.US));
    }

    @Test
    void paperWithoutPdfOrOfAnotherSizeIsRefused() {
        var alone = ReportCommandTest.run(SMALL, "-o", dir.resolve("r.html").toString(), "--paper", "a4");
        assertEquals(2, alone.code());
        assertEquals("error: --paper a4: expected --pdf too (the paper is the PDF's).\n", alone.err());
        var legal = ReportCommandTest.run(SMALL, "-o", dir.resolve("r.html").toString(), "--pdf", "--paper", "legal");
        assertEquals(2, legal.code());
        assertTrue(legal.err().contains("--paper \"legal\": expected a4 or letter"), legal.err());
        assertFalse(Files.exists(dir.resolve("r.html")));
    }

    /**
     * A stand-in for a browser that crashes while printing: it writes {@code content} where --print-to-pdf says,
     * then exits with {@code exitCode}.
     */
    private Path fakeBrowser(String content, int exitCode) throws Exception {
        Path script = dir.resolve("fake-chromium-" + exitCode);
        Files.writeString(script, "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in --print-to-pdf=*) out=\"${a#--print-to-pdf=}\";; "
                + "esac; done\nprintf '%s' '" + content + "' > \"$out\"\nexit " + exitCode + "\n");
        script.toFile().setExecutable(true);
        return script;
    }

    @Test
    void aTruncatedPdfFromACrashedBrowserIsRefusedAndNotKept() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell for the stand-in browser");
        // The start of a PDF, cut off inside its first object: no xref, no trailer, no %%EOF.
        Path crashing = fakeBrowser("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R", 139);
        Path html = dir.resolve("cut.html");
        var r = report(environment("CHROMIUM", crashing.toString()), SMALL, "-o", html.toString(), "--pdf", "--no-index");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("error: --pdf: the report was written, but not its PDF: " + crashing
                + " (exit code 139) wrote an incomplete PDF of "), r.err());
        assertTrue(r.err().contains("without the %%EOF that ends a PDF (did the browser crash?)"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertTrue(Files.exists(html), "the report itself stands");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().contains(".pdf")).toList(),
                    "no PDF, whole or temporary, is left");
        }

        // An earlier PDF beside the report is left as it was, and the message says so.
        Path earlier = dir.resolve("cut.pdf");
        Files.writeString(earlier, "last week's PDF");
        var again = report(environment("CHROMIUM", crashing.toString()), SMALL, "-o", html.toString(), "--pdf",
                "--no-index");
        assertEquals(1, again.code());
        assertTrue(again.err().contains("; " + earlier + " is an earlier run's, left as it was."), again.err());
        assertEquals("last week's PDF", Files.readString(earlier));
    }

    @Test
    void aPdfThatPdfinfoCannotReadIsRefused() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell for the stand-in browser");
        assumeTrue(onPath("pdfinfo"), "poppler-utils not installed");
        // It ends as a PDF ends, but holds no objects, cross-reference table or trailer.
        Path broken = fakeBrowser("%PDF-1.7\nnothing a reader can use\n%%EOF\n", 0);
        Path html = dir.resolve("broken.html");
        var r = report(environment("CHROMIUM", broken.toString()), SMALL, "-o", html.toString(), "--pdf", "--no-index");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("error: --pdf: the report was written, but not its PDF: " + broken
                + " (exit code 0) wrote a PDF that pdfinfo cannot read (it said: "), r.err());
        assertFalse(Files.exists(dir.resolve("broken.pdf")));
    }

    @Test
    void pdfNextToTheReport() {
        assertEquals(Path.of("reports", "team.pdf"), PdfPrinter.besides(Path.of("reports", "team.html")));
    }
}
