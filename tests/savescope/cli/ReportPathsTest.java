package savescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import savescope.UserError;

/**
 * Paths as users on every desktop write them: report names from Windows, macOS and Linux input paths (string
 * logic, so Windows paths are tested here too), the bundled sample from any folder, and how --open opens.
 */
class ReportPathsTest {
    @TempDir
    Path dir;

    // Each expected name is the input's last part, worked out by hand: extension dropped for a file, lower
    // case, runs of anything but letters, digits, '.', '_' and '-' made one hyphen, hyphens and dots trimmed.
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "C:\\Users\\Ann\\Downloads\\TikTok export (1).csv | false | tiktok-export-1",
        "C:\\Users\\Ann\\Downloads\\TikTok\\              | true  | tiktok",
        "D:\\                                             | true  | report",
        "C:                                               | true  | report",
        "\\\\server\\share\\Team Exports\\              | true  | team-exports",
        "C:/Users/Ann/Documents/videos.2024.csv           | false | videos.2024",
        "/home/ann/Загрузки/Лена — сохранения.csv         | false | лена-сохранения",
        "/Users/ann/Desktop/データ 2024.xlsx                | false | データ-2024",
        "/tmp/exports/videos.csv                          | false | videos",
        "/tmp/exports/con.csv                             | false | con-report",
        "C:\\data\\.hidden.csv                            | false | hidden",
        "/tmp/a folder.with.dots                          | true  | a-folder.with.dots",
    })
    void reportNameFromAnyDesktopsPath(String path, boolean folder, String expected) {
        assertEquals(expected, ReportCommand.reportName(path.strip(), folder));
    }

    @Test
    void decomposedAccentsFromMacOsGiveTheSameNameAsComposedOnes() {
        // macOS file names arrive decomposed: "Café" as C-a-f-e + U+0301.
        assertEquals("café-saves", ReportCommand.reportName("/Users/ann/Cafe\u0301 Saves.csv", false));
        assertEquals("café-saves", ReportCommand.reportName("C:\\Users\\ann\\Caf\u00e9 Saves.csv", false));
    }

    @Test
    void defaultNameReadsARealFileWithSpacesAndNonAsciiLetters() throws Exception {
        Path file = Files.writeString(dir.resolve("Mes vidéos 2024.csv"), "x");
        assertEquals("mes-vidéos-2024", ReportCommand.defaultName(List.of(file)));
        Path folder = Files.createDirectories(dir.resolve("Export.Studio"));
        assertEquals("export.studio", ReportCommand.defaultName(List.of(folder)), "a folder keeps its dots");
    }

    @Test
    void withoutInputTheSampleHereIsUsedQuietly() throws Exception {
        Files.createDirectories(dir.resolve("data/sample"));
        StringWriter err = new StringWriter();
        assertEquals(dir.resolve("data/sample"), ReportCommand.sampleInput(dir, "/elsewhere", true, new PrintWriter(err, true)));
        assertEquals("", err.toString());
    }

    @Test
    void withoutInputElsewhereTheProjectsBundledSampleIsUsedAndSaid() throws Exception {
        Path project = dir.resolve("Save Scope");
        Files.createDirectories(project.resolve("data/sample"));
        Path here = Files.createDirectories(dir.resolve("somewhere else"));
        StringWriter err = new StringWriter();
        Path in = ReportCommand.sampleInput(here, project.toString(), true, new PrintWriter(err, true));
        assertEquals(project.resolve("data/sample"), in);
        assertEquals("note: no INPUT and no data/sample/ here: reporting on SaveScope's bundled sample in "
                + project.resolve("data/sample") + "; the report goes to " + here.resolve("reports") + ".\n", err.toString());
        assertEquals("sample", ReportCommand.defaultName(List.of(in)));
    }

    @Test
    void withoutInputOrProjectItIsAUsageError() {
        UserError e = assertThrows(UserError.class,
                () -> ReportCommand.sampleInput(dir, null, true, new PrintWriter(new StringWriter())));
        assertEquals(2, e.exitCode().code());
        assertTrue(e.getMessage().startsWith("no INPUT given and no data/sample/ folder here"), e.getMessage());
    }

    @Test
    void openUsesEachDesktopsOwnOpener() {
        Map<String, String> none = Map.of();
        String win = "C:\\Users\\Ann Lee\\reports\\tiktok & co.html";
        assertEquals(List.of("rundll32", "url.dll,FileProtocolHandler", win),
                ReportCommand.openPlan("Windows 11", win, none, p -> false).command());
        assertEquals(List.of("open", "/Users/ann/reports/café.html"),
                ReportCommand.openPlan("Mac OS X", "/Users/ann/reports/café.html", none, p -> false).command());
        assertEquals(List.of("xdg-open", "/home/ann/reports/r.html"), ReportCommand.openPlan("Linux", "/home/ann/reports/r.html",
                Map.of("WAYLAND_DISPLAY", "wayland-0"), "xdg-open"::equals).command());
    }

    @Test
    void openWithoutADesktopSaysWhy() {
        ReportCommand.OpenPlan noDisplay = ReportCommand.openPlan("Linux", "/srv/r.html", Map.of("DISPLAY", ""), p -> true);
        assertEquals(List.of(), noDisplay.command());
        assertEquals("--open: no desktop here (neither DISPLAY nor WAYLAND_DISPLAY is set)", noDisplay.problem());
        ReportCommand.OpenPlan noXdgOpen = ReportCommand.openPlan("Linux", "/srv/r.html", Map.of("DISPLAY", ":0"), p -> false);
        assertEquals("--open: xdg-open is not installed (it comes with xdg-utils)", noXdgOpen.problem());
    }

    @Test
    void openInBrowserOnAHeadlessMachineKeepsTheReportAndSaysWhereItIs() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux")
                && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY")), "a Linux machine without a desktop");
        StringWriter err = new StringWriter();
        Path report = dir.resolve("r.html");
        ReportCommand.openInBrowser(report, new PrintWriter(err, true));
        assertEquals("note: --open: no desktop here (neither DISPLAY nor WAYLAND_DISPLAY is set); the report is at "
                + report.toAbsolutePath() + "\n", err.toString());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
