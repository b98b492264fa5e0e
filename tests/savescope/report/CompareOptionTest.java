package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import savescope.cli.Cli;
import savescope.cli.ReportCommand;

/** The --compare and --min-segment options of the report command, end to end through the command line. */
class CompareOptionTest {
    @TempDir
    Path dir;

    static int run(StringWriter err, String... args) {
        CommandLine cl = Cli.commandLine(new ReportCommand());
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void namedVariantsReachTheJson() throws Exception {
        Path json = dir.resolve("r.json");
        StringWriter err = new StringWriter();
        int code = run(err, "data/sample/videos.csv", "-o", dir.resolve("r.html").toString(), "--json", json.toString(),
                "--compare", "A=#hookA", "--compare", "B=#hookB", "--min-segment", "25");
        assertEquals(0, code, err.toString());
        String j = Files.readString(json);
        assertTrue(j.contains("\"source\" : \"named with --compare\""), j);
        assertTrue(j.contains("\"baseline\" : \"A\""));
        assertTrue(j.contains("\"min_segment\" : 25"));
    }

    @Test
    void aBadRuleIsAUsageErrorNamingIt() {
        StringWriter err = new StringWriter();
        int code = run(err, "data/sample/videos.csv", "-o", dir.resolve("r.html").toString(), "--compare", "A=hookA");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--compare \"A=hookA\": expected #hashtag, FROM..TO dates or variant:VALUE"),
                err.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(2, run(err2, "data/sample/videos.csv", "--min-segment", "0"));
        assertTrue(err2.toString().contains("--min-segment: expected a number of people of 1 or more, found 0."), err2.toString());
    }
}
