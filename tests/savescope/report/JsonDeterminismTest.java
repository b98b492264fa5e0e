package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import savescope.cli.Cli;
import savescope.cli.ReportCommand;

/** The command line's --json, run twice on the same input, differs only in generated_at. */
class JsonDeterminismTest {
    @TempDir
    Path dir;

    String runJson(String name, String... extra) throws Exception {
        CommandLine cl = Cli.commandLine(new ReportCommand());
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        Path json = dir.resolve(name + ".json");
        String[] base = {AnalyticsJsonTest.FIXTURE.toString(), "-o", dir.resolve(name + ".html").toString(), "--json",
            json.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        assertEquals(0, cl.execute(args), err.toString());
        return Files.readString(json);
    }

    @Test
    void twoRunsGiveIdenticalBytesApartFromGeneratedAt() throws Exception {
        // Two separate runs, a year apart: the files differ in generated_at and in nothing else.
        String a = runJson("a", "--generated-at", "2026-01-01T00:00:00Z");
        String c = runJson("c", "--generated-at", "2027-06-01T12:00:00Z");
        assertNotEquals(a, c);
        String pattern = "\"generated_at\" : \"[^\"]*\"";
        assertEquals(a.replaceFirst(pattern, ""), c.replaceFirst(pattern, ""));
    }
}
