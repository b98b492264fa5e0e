package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static savescope.load.LoaderFormatsTest.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import savescope.cli.Cli;
import savescope.cli.ReportCommand;
import savescope.model.Dataset;
import savescope.model.FieldGap;
import savescope.model.SourceReport;

/**
 * Only an unreadable count rejects a row: any other unreadable field is left missing and counted. Rejections are
 * all counted, but each source lists only its first ones.
 */
class LoaderRowRulesTest {
    @TempDir
    Path dir;

    @Test
    void unreadableDurationsAreLeftMissingAndTheRowsKept() {
        Dataset d = load("durations.csv");
        // 00:59, 1:02:03, 59s, 1m 5s, 1:05.5, PT1M5S, 59, 59.0, "59,5"; then "three minutes", -5 and 1:75 cannot be
        // read, and the last is blank.
        assertEquals(Arrays.asList(59.0, 3723.0, 59.0, 65.0, 65.5, 65.0, 59.0, 59.0, 59.5, null, null, null, null),
                doubles(d, "duration_s"));
        assertEquals(13, d.videos().rowCount());
        assertEquals(91L, (long) d.videos().longColumn("saves").sum(), "1 + 2 + ... + 13: every row's counts kept");
        assertEquals(0, d.load().rowsRejected());
        List<FieldGap> gaps = d.load().sources().get(0).fieldGaps();
        assertEquals(List.of(new FieldGap("duration_s", "duration", 3, List.of("11:3", "12:3", "13:3"),
                "expected a duration (seconds, mm:ss, h:mm:ss, 1m 5s or PT1M5S), found \"three minutes\"")), gaps);
        assertEquals(3, d.load().fieldsLeftMissing(), "the blank duration is missing in the file, not left missing");
    }

    @Test
    void unreadablePostingTimesAreLeftMissingAndTheRowKept() throws Exception {
        Path p = dir.resolve("posted.csv");
        Files.writeString(p, "video_id,posted_at,views,saves\n1,2025-03-01T10:00:00Z,10,1\n2,soon,20,2\n3,,30,3\n");
        Dataset d = Loader.load(List.of(p), Loader.Options.defaults());
        assertEquals(3, d.videos().rowCount());
        assertEquals(6L, (long) d.videos().longColumn("saves").sum());
        FieldGap gap = d.load().sources().get(0).fieldGaps().get(0);
        assertEquals("posted_at", gap.field());
        assertEquals(1, gap.rows());
        assertEquals(List.of("3:2"), gap.firstPlaces());
        assertTrue(gap.firstReason().endsWith("found \"soon\""), gap.firstReason());
    }

    @Test
    void aReaderCanSayItsDurationsAreMilliseconds() {
        VideoFrameBuilder b = new VideoFrameBuilder("feed.json", "").durationInMilliseconds();
        String[] raw = new String[VideoFrameBuilder.FIELDS.size()];
        raw[VideoFrameBuilder.VIEWS] = "10";
        for (String duration : List.of("15300", "00:15", "")) {
            raw[VideoFrameBuilder.DURATION] = duration;
            b.add(raw, "/0", i -> "/0/video/duration", "feed.json#0");
        }
        // 15300 ms = 15.3 s; a clock says its own unit; blank is missing.
        assertEquals(Arrays.asList(15.3, 15.0, null), doubles(b.table().doubleColumn("duration_s")));
        assertEquals(List.of("durations were read as milliseconds (the source's unit for them)"), b.assumptions());
    }

    @Test
    void aSourceListsItsFirstThousandRejectionsAndCountsThemAll() throws Exception {
        Path p = badRows("bad.csv", 2_500);
        Dataset d = Loader.load(List.of(p), Loader.Options.defaults());
        SourceReport s = d.load().sources().get(0);
        assertEquals(2_501, s.rowsRead());
        assertEquals(1, s.rowsUsed());
        assertEquals(2_500, s.rowsRejected());
        assertEquals(1_000, s.rejections().size());
        assertEquals(1_500, s.rejectionsNotListed());
        assertEquals(p + ":2:2: column \"saves\": expected a number, found \"x\"", s.rejections().get(0).toString());
        assertEquals(p + ":1001:2: column \"saves\": expected a number, found \"x\"", s.rejections().get(999).toString());
        assertEquals(Map.of("expected a number, found \"x\"", 2_500L), d.load().topReasons(10));
    }

    @Test
    void theDataQualityNumbersStayRightWhenSourcesListOnlyTheirFirstRejections() throws Exception {
        Path a = badRows("a.csv", 1_200);
        Path b = badRows("b.csv", 1_200);
        Path json = dir.resolve("r.json");
        CommandLine cl = Cli.commandLine(new ReportCommand());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute(a.toString(), b.toString(), "-o", dir.resolve("r.html").toString(), "--json",
                json.toString(), "--no-index"), err.toString());
        JsonNode input = new ObjectMapper().readTree(json.toFile()).get("input");
        // 2,400 rejected; each file keeps its first 1,000 (2,000 in all), the JSON lists the first 1,000 of those.
        assertEquals(2_400, input.get("rows_rejected").asLong());
        assertEquals(1_000, input.get("rejections").size());
        assertEquals(1_400, input.get("rejections_not_listed").asLong());
        String html = Files.readString(dir.resolve("r.html"));
        assertTrue(html.contains("The first 50 of 2,400 rejected rows; --json lists 1,000 of them."), "caption");
        assertTrue(html.contains("the other 400 are counted here with their reasons."), "the rows no file lists");
        Dataset d = Loader.load(List.of(a, b), Loader.Options.defaults());
        assertEquals(Map.of("expected a number, found \"x\"", 2_400L), d.load().topReasons(10), "every row, listed or not");
        // Each file lists 1,000 of its 1,200: 200 + 200 counted but not listed.
        assertEquals(400, d.load().rejectionsNotListed());
    }

    @Test
    void aDailyFileListsItsFirstThousandRejectionsToo() throws Exception {
        StringBuilder sb = new StringBuilder("video_id,date,views,saves\n");
        for (int i = 0; i < 1_100; i++) {
            sb.append("7400000000000000001,2024-06-01,").append(i).append(",x\n");
        }
        Path daily = Files.writeString(dir.resolve("daily.csv"), sb);
        Dataset d = Loader.load(List.of(LoaderFormatsTest.DIR.resolve("canonical.csv"), daily), Loader.Options.defaults());
        SourceReport s = d.load().sources().get(1);
        assertEquals(SourceReport.DAILY, s.kind());
        assertEquals(1_100, s.rowsRejected());
        assertEquals(1_000, s.rejections().size());
        assertEquals(100, s.rejectionsNotListed());
    }

    /** A CSV of one good row and {@code bad} rows whose saves cell reads "x". */
    private Path badRows(String name, int bad) throws Exception {
        StringBuilder sb = new StringBuilder("video_id,saves\n");
        for (int i = 0; i < bad; i++) {
            sb.append(7_460_000_000_000_000_001L + i).append(",x\n");
        }
        sb.append("7470000000000000001,5\n");
        Path p = dir.resolve(name);
        Files.writeString(p, sb);
        return p;
    }

    private static List<Double> doubles(Dataset d, String column) {
        return doubles(d.videos().doubleColumn(column));
    }

    private static List<Double> doubles(tech.tablesaw.api.DoubleColumn c) {
        Double[] out = new Double[c.size()];
        for (int i = 0; i < c.size(); i++) {
            out[i] = c.isMissing(i) ? null : c.getDouble(i);
        }
        return Arrays.asList(out);
    }
}
