package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import savescope.browser.BrowserCheck;
import savescope.cli.Cli;
import savescope.cli.ReportCommand;

/**
 * The report on the standard TikTok Studio download, which has no saves anywhere
 * (tests/fixtures/formats/studio-no-saves): it is written, says at the top that saves are missing and how to get
 * them, and every part about saves says what it needs instead of showing empty or zero numbers.
 */
class NoSavesReportTest {
    @TempDir
    Path dir;

    private Path report(Path json) {
        Path html = dir.resolve("no-saves.html");
        CommandLine cl = Cli.commandLine(new ReportCommand());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute("tests/fixtures/formats/studio-no-saves", "-o", html.toString(), "--json",
                json.toString()), err.toString());
        return html;
    }

    /** The page's text without styles, scripts and drawings, tags removed and spaces folded. */
    static String text(String html) {
        String s = html.replaceAll("(?s)<style.*?</style>|<script.*?</script>|<svg.*?</svg>", " ");
        s = s.replaceAll("<[^>]+>", " ").replace("&quot;", "\"").replace("&amp;", "&").replace("&#39;", "'");
        return s.replaceAll("\\s+", " ");
    }

    @Test
    void theStudioDownloadWithoutSavesGivesAReportThatSaysWhatItNeeds() throws Exception {
        Path json = dir.resolve("no-saves.json");
        String html = Files.readString(report(json));
        String text = text(html);

        // The banner comes first, before the findings, as a note.
        int banner = html.indexOf("<aside class=\"cell markdown-cell banner\" role=\"note\"");
        assertTrue(banner > 0 && banner < html.indexOf("id=\"findings\""), "banner above the findings");
        assertTrue(text.contains("Saves are missing: this report shows views, likes, comments and shares only."));
        assertTrue(text.contains("What these files say about your videos and channel, and what saves would add."));
        assertTrue(text.contains("videos from 2 files of TikTok Studio Content (no saves)"), text);
        assertTrue(text.contains("The per-video export of a business account in TikTok Studio: its Add to Favorites "
                + "column is the saves count."), text);
        assertTrue(text.contains("--map saves=HEADER"));

        // Eight parts are about saves; each keeps its heading and says what it needs (Accounts is absent: one account).
        assertEquals(7, count(text, "This part needs a saves count for each video, and none of the files loaded has "
                + "one; see the note at the top for how to add saves."));
        for (String heading : List.of("What gets saved: content strategy", "Video performance",
                "What goes with saves: correlations", "Saves over time", "Saves that keep coming",
                "Do early saves go with later reach?", "Experiments")) {
            assertTrue(text.contains(heading), heading);
        }
        // No empty or invented save numbers anywhere on the page.
        assertFalse(text.contains("NaN"));
        assertFalse(text.contains("0.00%"));
        assertFalse(text.contains("Shares Saves Save rate"), "no saves columns in the per-video table");
        assertFalse(text.contains("Typical video"), "no save-rate cards");
        assertFalse(text.contains("None: this table has no rows"));

        // What can be said: the four videos' counts (18,250 + 4,800 + 3,900 + 2,950 views), most viewed first,
        // rates per view, and the channel's Overview week (100 + 200 + 300 + 400 video views).
        assertTrue(text.contains("Video Type Posted Views Likes Comments Shares Christmas cake fail #comedy"), text);
        assertTrue(text.contains("Engagement rate by views, without saves 6.96%"), text);
        assertTrue(text.contains("Channel over time"));
        assertTrue(text.contains("Week from Video views Profile views Likes Comments Shares New followers "
                + "2025-12-29 1K 26 100 10 10 14"), text);

        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals(4, j.at("/totals/videos").asInt());
        assertEquals(29_900, j.at("/totals/views").asLong());
        assertEquals(1_929, j.at("/totals/likes").asLong());
        assertTrue(j.at("/totals/saves").isNull());
        assertTrue(j.at("/save_rate/overall").isNull());
        assertEquals(1_000, j.at("/channel/weekly/0/video_views").asLong());
        assertEquals(List.of("Your data has no saves count."),
                j.at("/findings").findValuesAsText("headline"));
    }

    @Test
    void thePageOpensCleanInABrowser() throws Exception {
        assumeTrue(BrowserCheck.findChromium().isPresent(), "Chromium is not installed (.ci/install-chromium installs it)");
        Path html = report(dir.resolve("j.json"));
        BrowserCheck.Result r = BrowserCheck.check(html, null, Duration.ofSeconds(60));
        // One chart (the channel's daily views), visible and named; every contents link resolves.
        assertEquals(List.of(), r.problems(1, 10), r.summary());
        assertEquals(1, r.visibleCharts().size(), r.summary());
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
