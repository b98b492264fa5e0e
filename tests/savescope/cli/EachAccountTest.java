package savescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EachAccountTest {
    @TempDir
    Path dir;

    private Path clients() throws Exception {
        Path clients = dir.resolve("clients");
        for (String[] a : new String[][] {{"acme", "tests/fixtures/golden/videos.csv"},
                {"bravo", "tests/fixtures/public/handcopied-studio-content.csv"}, {"lena", "data/sample/videos.csv"}}) {
            Files.createDirectories(clients.resolve(a[0]));
            Files.copy(Path.of(a[1]), clients.resolve(a[0]).resolve(Path.of(a[1]).getFileName()),
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
        return clients;
    }

    @Test
    void threeAccountsGiveThreeReportsAndAPortfolioAndASecondRunSkipsAll() throws Exception {
        Path clients = clients();
        Path out = dir.resolve("out");
        long start = System.nanoTime();
        var first = ReportCommandTest.run(clients.toString(), "--each", "-o", out.toString());
        long firstMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, first.code(), first.err());
        for (String name : new String[] {"acme", "bravo", "lena"}) {
            assertTrue(Files.isRegularFile(out.resolve(name + ".html")), name);
            assertTrue(first.out().contains(out.resolve(name + ".html").toString()), first.out());
        }
        String portfolio = Files.readString(out.resolve("portfolio.html"));
        assertTrue(portfolio.contains("href=\"acme.html\">acme</a>"), "links to each report");
        assertTrue(portfolio.contains("href=\"lena.html\">lena</a>"));
        // lena is the sample's videos.csv: 150 videos, 6,299,627 views, 113,353 saves (data/sample/README.md), so
        // a save rate of 113353 / 6299627 = 1.7993%, with Wilson's interval computed independently below.
        assertTrue(portfolio.contains("title=\"6,299,627\""), "exact views on hover");
        assertTrue(portfolio.contains("title=\"113,353\""));
        assertTrue(portfolio.contains(">1.80%<"));
        double p = 113353.0 / 6299627;
        double n = 6299627;
        double z = 1.959963984540054;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        String interval = String.format(java.util.Locale.ROOT, "%.2f%% – %.2f%%", 100 * (centre - half), 100 * (centre + half));
        assertTrue(portfolio.contains(interval), interval);
        assertTrue(Files.isRegularFile(out.resolve("index.html")));

        start = System.nanoTime();
        var second = ReportCommandTest.run(clients.toString(), "--each", "-o", out.toString());
        long secondMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, second.code(), second.err());
        for (String name : new String[] {"acme", "bravo", "lena"}) {
            assertTrue(second.err().contains("skipped " + name + ": inputs, options and SaveScope 0.1 unchanged"),
                    second.err());
        }
        assertTrue(Files.readString(out.resolve("portfolio.html")).contains("(unchanged since the last run)"));
        assertTrue(Files.readString(out.resolve("portfolio.html")).contains("title=\"6,299,627\""), "numbers kept");
        System.out.println("EachAccountTest: three accounts, first run " + firstMs + " ms, second run (all skipped) "
                + secondMs + " ms");
    }

    @Test
    void accountsNamedLikeThePagesOfTheRunGetReportsOfTheirOwn() throws Exception {
        Path accounts = dir.resolve("accounts");
        for (String name : new String[] {"portfolio", "index", "portfolio-report"}) {
            Files.createDirectories(accounts.resolve(name));
            Files.copy(Path.of("tests/fixtures/golden/videos.csv"), accounts.resolve(name).resolve("videos.csv"));
        }
        Path out = dir.resolve("out");
        var run = ReportCommandTest.run(accounts.toString(), "--each", "-o", out.toString());
        assertEquals(0, run.code(), run.err());
        // Each printed once: three reports and the portfolio, four distinct files.
        java.util.List<String> printed = run.out().lines().toList();
        assertEquals(4, printed.stream().distinct().count(), run.out());
        for (String file : new String[] {"portfolio-report-2", "index-report", "portfolio-report", "portfolio"}) {
            assertTrue(printed.contains(out.resolve(file + ".html").toString()), run.out());
        }
        String portfolio = Files.readString(out.resolve("portfolio.html"));
        assertTrue(portfolio.contains("href=\"portfolio-report-2.html\">portfolio</a>"), "the account, not itself");
        assertTrue(portfolio.contains("href=\"index-report.html\">index-report</a>"));
        assertTrue(portfolio.contains("href=\"portfolio-report.html\">portfolio-report</a>"));
        assertFalse(portfolio.contains("href=\"portfolio.html\""));
        assertTrue(Files.readString(out.resolve("index.html")).contains("SaveScope index"), "the index is an index");
    }

    @Test
    void onlyTheAccountWhoseContentChangedIsMadeAgain() throws Exception {
        Path clients = clients();
        Path out = dir.resolve("out");
        assertEquals(0, ReportCommandTest.run(clients.toString(), "--each", "-o", out.toString()).code());
        Path acme = clients.resolve("acme").resolve("videos.csv");
        // A new modification time alone is no change; new content is.
        Files.setLastModifiedTime(clients.resolve("bravo").resolve("handcopied-studio-content.csv"),
                FileTime.fromMillis(0));
        Files.writeString(acme, Files.readString(acme) + "\n");
        var again = ReportCommandTest.run(clients.toString(), "--each", "-o", out.toString());
        assertEquals(0, again.code(), again.err());
        assertFalse(again.err().contains("skipped acme"), again.err());
        assertTrue(again.err().contains("skipped bravo") && again.err().contains("skipped lena"), again.err());
    }

    @Test
    void anotherOptionMakesEveryAccountAgain() throws Exception {
        Path clients = clients();
        Path out = dir.resolve("out");
        assertEquals(0, ReportCommandTest.run(clients.toString(), "--each", "-o", out.toString()).code());
        var again = ReportCommandTest.run(clients.toString(), "--each", "-o", out.toString(), "--min-views", "500");
        assertEquals(0, again.code(), again.err());
        assertFalse(again.err().contains("skipped"), again.err());
    }

    @Test
    void withAPeriodThePortfolioShowsEachAccountsChange() throws Exception {
        Path clients = clients();
        // With the daily series the data ends on 20 Nov 2026, as in PeriodOptionTest.
        Files.copy(Path.of("data/sample/daily.csv"), clients.resolve("lena").resolve("daily.csv"));
        Path out = dir.resolve("out");
        var r = ReportCommandTest.run(clients.toString(), "--each", "-o", out.toString(), "--period", "last-28d");
        assertEquals(0, r.code(), r.err());
        String portfolio = Files.readString(out.resolve("portfolio.html"));
        assertTrue(portfolio.contains("Save rate change"), "a change column");
        // lena's last 28 days against the 28 before (see PeriodOptionTest): posted videos' rate 1.59% vs 2.69%.
        assertTrue(portfolio.contains("\u22121.10 pts"), "lena's change in points");
    }

    @Test
    void eachRefusesOptionsForOneReport() {
        var r = ReportCommandTest.run("data/sample", "--each", "--json", dir.resolve("x.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: --each: expected account folders"), r.err());
    }
}
