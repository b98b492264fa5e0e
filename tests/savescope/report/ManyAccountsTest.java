package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.cli.ReportCommand;

/**
 * A report over many accounts (an agency's, a research corpus's thousands) names a few and counts the rest in its
 * title and header, and its accounts table holds as many rows as --max-rows; --json keeps every account.
 */
class ManyAccountsTest {
    @TempDir
    Path dir;

    @Test
    void titleAndHeaderNameAFewAccountsAndCountTheRest() {
        assertEquals("What gets saved", SaveReport.title(List.of()));
        assertEquals("What gets saved: @a, @b, @c", SaveReport.title(List.of("@a", "@b", "@c")));
        assertEquals("What gets saved: 4 accounts", SaveReport.title(List.of("@a", "@b", "@c", "@d")));
        List<String> corpus = IntStream.range(0, 5000).mapToObj(i -> "account_" + i).toList();
        assertEquals("What gets saved: 5,000 accounts", SaveReport.title(corpus));
        assertEquals("5,000: account_0, account_1, account_2 and 4,997 more", SaveReport.accountsLine(corpus));
    }

    /** The golden export's account and the sample's, plus a hand-copied sheet: 3 accounts, 2 rows shown. */
    @Test
    void theAccountsTableShowsMaxRowsAndSaysHowManyThereAre() throws Exception {
        Path in = dir.resolve("in");
        for (String[] a : new String[][] {{"acme", "tests/fixtures/golden/videos.csv"},
                {"bravo", "tests/fixtures/public/handcopied-studio-content.csv"}, {"lena", "data/sample/videos.csv"}}) {
            Files.createDirectories(in.resolve(a[0]));
            Files.copy(Path.of(a[1]), in.resolve(a[0]).resolve(Path.of(a[1]).getFileName()),
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path html = dir.resolve("out.html");
        Path json = dir.resolve("out.json");
        var cl = savescope.cli.Cli.commandLine(new ReportCommand());
        var err = new java.io.StringWriter();
        cl.setErr(new java.io.PrintWriter(err));
        cl.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
        int code = cl.execute(in.toString(), "-o", html.toString(), "--json", json.toString(), "--max-rows", "2",
                "--no-index");
        assertEquals(0, code, err.toString());
        String page = Files.readString(html);
        assertTrue(page.contains("Most saves first; the first 2 of 3 accounts (--max-rows; --json holds every one)."),
                "the table says how many it shows");
        var accounts = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile()).get("accounts")
                .get("accounts");
        assertEquals(3, accounts.size(), "--json keeps every account");
    }
}
