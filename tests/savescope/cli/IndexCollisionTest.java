package savescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports index only collides with what a run would really replace, and a default name is never "index". */
class IndexCollisionTest {
    private static final Path GOLDEN = Path.of("tests/fixtures/golden/videos.csv");

    @TempDir
    Path dir;

    @Test
    void anInputCalledIndexGetsAReportNameOfItsOwn() throws Exception {
        Path index = Files.copy(GOLDEN, dir.resolve("index.csv"));
        assertEquals("index-report", ReportCommand.defaultName(List.of(index)));
        assertEquals("index-report", ReportCommand.reportName("C:\\exports\\INDEX.CSV", false));
        assertEquals("index-report", ReportCommand.reportName("/home/ann/Index/", true));
        // Only the whole name is the index's.
        assertEquals("index-2024", ReportCommand.reportName("/tmp/index 2024.csv", false));
    }

    @Test
    void anExplicitIndexOutputIsStillRefused() throws Exception {
        Path in = Files.copy(GOLDEN, dir.resolve("index.csv"));
        Path out = dir.resolve("reports/index.html");
        OutputSafetyTest.Run r = OutputSafetyTest.report(in.toString(), "-o", out.toString());
        assertEquals(2, r.code());
        assertEquals("error: -o " + out + " is where the list of reports (index.html) goes; choose another file "
                + "name, or pass --no-index.\n", r.err());
    }

    @Test
    void anIndexThatIsALinkToTheInputIsLeftAloneAndTheReportWritten() throws Exception {
        Path in = Files.copy(GOLDEN, dir.resolve("v.csv"));
        Path reports = Files.createDirectory(dir.resolve("reports"));
        Path link = Files.createSymbolicLink(reports.resolve("index.html"), Path.of("../v.csv"));
        OutputSafetyTest.Run r = OutputSafetyTest.report(in.toString(), "-o", reports.resolve("v.html").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("note: " + link + " is a symbolic link, not a list of reports SaveScope wrote; left it as it "
                + "is (--no-index skips the index).\n", r.err());
        assertEquals(Path.of("../v.csv"), Files.readSymbolicLink(link));
        assertEquals(Files.readString(GOLDEN), Files.readString(in));
        assertTrue(Files.readString(reports.resolve("v.html")).startsWith("<!DOCTYPE html>"));
    }

    @Test
    void anIndexThatIsAHardLinkToTheInputButNotOursIsLeftAlone() throws Exception {
        Path in = Files.copy(GOLDEN, dir.resolve("v.csv"));
        Path reports = Files.createDirectory(dir.resolve("reports"));
        Path index = Files.createLink(reports.resolve("index.html"), in);
        OutputSafetyTest.Run r = OutputSafetyTest.report(in.toString(), "-o", reports.resolve("v.html").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("note: " + reports + "/index.html was not made by SaveScope; left it as it is.\n", r.err());
        assertEquals(Files.readString(GOLDEN), Files.readString(index));
    }

    @Test
    void anIndexSaveScopeWroteGivenAsInputIsARealCollision() throws Exception {
        Path in = Files.copy(GOLDEN, dir.resolve("v.csv"));
        Path reports = dir.resolve("reports");
        assertEquals(0, OutputSafetyTest.report(in.toString(), "-o", reports.resolve("v.html").toString()).code());
        Path index = reports.resolve("index.html");
        String before = Files.readString(index);
        OutputSafetyTest.Run r = OutputSafetyTest.report(index.toString(), "-o", reports.resolve("w.html").toString());
        assertEquals(2, r.code());
        assertEquals("error: the input " + index + " is the reports index SaveScope rebuilds beside the report; pass "
                + "--no-index, or write the report elsewhere with -o.\n", r.err());
        assertEquals(before, Files.readString(index));
    }
}
