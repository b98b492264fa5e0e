package savescope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import picocli.CommandLine;
import savescope.cli.Cli;
import savescope.cli.ReportCommand;
import savescope.cells.Notebook;

/** A user's template that never stops writing ends with a message naming it, not with the heap exhausted. */
class TemplateLimitsTest {
    @TempDir
    Path dir;

    static Notebook page() {
        return new Notebook("T", "", Map.of(), List.of(), "report");
    }

    @Test
    void theMessageNamesTheIncludedTemplateThatWrites() throws Exception {
        Files.writeString(dir.resolve("report.ftlh"), "<p>start</p><#include \"loop.ftlh\">");
        Files.writeString(dir.resolve("loop.ftlh"), "<#list 1..100000 as i>row ${i}\n</#list>");
        HtmlReport.TemplateProblem e = assertThrows(HtmlReport.TemplateProblem.class,
                () -> new HtmlReport(dir).limits(10_000, 60_000_000_000L).render(page()));
        assertEquals(dir.resolve("loop.ftlh") + ": template error: the page grew past 10000 characters while rendering "
                + "(a report is about 1 MB); a loop in the template may not end", e.getMessage());
    }

    @Test
    void aTemplateCannotCatchTheLimitAndCarryOn() throws Exception {
        // #attempt/#recover would swallow an ordinary error; past the limit every write fails, the fallback's too.
        Files.writeString(dir.resolve("report.ftlh"),
                "<#attempt><#list 1..100000 as i>${i} </#list><#recover>recovered</#attempt>");
        HtmlReport.TemplateProblem e = assertThrows(HtmlReport.TemplateProblem.class,
                () -> new HtmlReport(dir).limits(1_000, 60_000_000_000L).render(page()));
        assertTrue(e.getMessage().contains("the page grew past 1000 characters"), e.getMessage());
    }

    @Test
    void aSlowWritingLoopStopsAtTheTimeLimit() throws Exception {
        Files.writeString(dir.resolve("report.ftlh"), "<#list 1..1000000000 as i>.</#list>");
        HtmlReport.TemplateProblem e = assertThrows(HtmlReport.TemplateProblem.class,
                () -> new HtmlReport(dir).limits(Integer.MAX_VALUE, 300_000_000L).render(page()));
        assertEquals(dir.resolve("report.ftlh") + ": template error: rendering took longer than 0.3 s; a loop in the "
                + "template may not end", e.getMessage());
    }

    @Test
    void aBillionNumbersStopTheReportAtTheRealLimitWithExitTwo() throws Exception {
        Files.writeString(dir.resolve("report.ftlh"), "<#list 1..1000000000 as i>${i} </#list>");
        Path html = dir.resolve("out.html");
        CommandLine cl = Cli.commandLine(new ReportCommand());
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("data/sample/videos.csv", "-o", html.toString(), "--no-index", "--template-dir",
                dir.toString());
        assertEquals(2, code, err.toString());
        assertEquals("error: " + dir.resolve("report.ftlh") + ": template error: the page grew past 32 MB while "
                + "rendering (a report is about 1 MB); a loop in the template may not end\n", err.toString());
        assertFalse(Files.exists(html));
    }
}
