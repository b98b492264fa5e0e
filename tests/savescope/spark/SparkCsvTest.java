package savescope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import savescope.load.CellRules;
import savescope.load.Loader;
import savescope.metrics.LocalAnalytics;
import savescope.model.Canonical;
import savescope.model.Dataset;
import savescope.model.FieldGap;
import savescope.model.SourceReport;
import savescope.report.SaveReport;

/**
 * Spark's own canonical CSV reader against the local loader on the forms a real file holds (offsets, times
 * without seconds, a spreadsheet's 1899 date, an unreadable time, a time of day alone, numeric dates, grouped
 * counts, clock durations, a title over two lines, ids ending in zeros once and twice): both engines' whole
 * {@code --json} must agree, and Spark's load report must count each value it left missing.
 */
class SparkCsvTest {
    static final Path FORMS = Path.of("tests", "fixtures", "spark", "canonical-forms.csv");
    static Path longer;
    static SparkCorpus formsSpark;
    static SparkCorpus longerSpark;
    static JsonNode formsLocalJson;
    static JsonNode formsSparkJson;
    static JsonNode longerLocalJson;
    static JsonNode longerSparkJson;

    @BeforeAll
    static void readBoth() throws Exception {
        SparkSession session = LocalSpark.get();
        longer = Files.createTempFile("canonical-forms-longer", ".csv");
        Files.write(longer, longerFile(), StandardCharsets.UTF_8);
        formsSpark = SparkInputs.read(session, List.of(FORMS.toString()));
        longerSpark = SparkInputs.read(session, List.of(longer.toString()));
        formsLocalJson = localJson(FORMS);
        formsSparkJson = sparkJson(formsSpark);
        longerLocalJson = localJson(longer);
        longerSparkJson = sparkJson(longerSpark);
    }

    @AfterAll
    static void removeTemporaryFile() throws Exception {
        Files.deleteIfExists(longer);
    }

    /**
     * The fixture's rows and then 300 plain ones, so that three ids ending in zeros among some 320 ids of 19 digits
     * are too few for a rounded column: the one seen once is taken as real, the one seen twice as rounded.
     */
    static List<String> longerFile() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(FORMS, StandardCharsets.UTF_8));
        String[] offsets = {"-04:00", "+00:00", "+09:00"};
        for (int k = 0; k < 300; k++) {
            // Ids 7300000990000001001 + 1013k end in at most two zeros (the last four digits are never 0000 here).
            long id = 7_300_000_990_000_001_001L + 1013L * k;
            String time = String.format("2024-05-%02dT%02d:%02d%s%s", 1 + k % 28, k % 24, (7 * k) % 60,
                    k % 2 == 0 ? ":15" : "", offsets[k % 3]);
            lines.add(id + ",Plain row " + k + " #vlog," + time + "," + (k % 2 == 0 ? "vlog" : "tutorial") + ","
                    + (20 + k % 90) + "," + (1000 + 37 * k) + "," + (80 + 3 * k) + "," + (k % 9) + "," + (k % 5) + ","
                    + (10 + k % 40));
        }
        return lines;
    }

    static JsonNode localJson(Path file) throws Exception {
        Dataset data = Loader.load(List.of(file), Loader.Options.defaults());
        return SparkReportTest.json(SaveReport.build(LocalAnalytics.of(data), SparkReportTest.OPTIONS,
                SparkReportTest.NOW, 1));
    }

    static JsonNode sparkJson(SparkCorpus corpus) throws Exception {
        return SparkReportTest.json(SaveReport.build(SparkAnalytics.of(corpus, null, 1000), SparkReportTest.OPTIONS,
                SparkReportTest.NOW, 2));
    }

    @Test
    void theFixtureReportsTheSameNumbersAndLoadReport() {
        assertEquals(List.of(), NumbersDiff.of(formsSparkJson, formsLocalJson, Set.of("generated_at")));
    }

    @Test
    void theLongerFileReportsTheSameNumbersAndLoadReport() {
        assertEquals(List.of(), NumbersDiff.of(longerSparkJson, longerLocalJson, Set.of("generated_at")));
    }

    @Test
    void sparkCountsEachPostingTimeItLeftMissing() {
        SourceReport s = formsSpark.load().sources().get(0);
        FieldGap posted = s.fieldGaps().stream().filter(g -> g.field().equals(Canonical.POSTED_AT)).findFirst()
                .orElseThrow();
        // Lines 11 (1899-12-31, a spreadsheet's day zero), 12 ("soon after lunch") and 21 ("06:30", a time of
        // day with no day column) of the fixture; the title on lines 13-14 does not shift them.
        assertEquals(3, posted.rows());
        assertEquals(List.of("11:3", "12:3", "21:3"), posted.firstPlaces());
        assertEquals("post_time", posted.header());
        // 26 data rows; line 17's views "12a" rejects it.
        assertEquals(26, s.rowsRead());
        assertEquals(25, s.rowsUsed());
        assertEquals("17:6", s.rejections().get(0).location());
    }

    @Test
    void isoTimesWithoutSecondsAreRead() {
        // 23:58 at UTC-4 is 03:58 UTC the next day; 12:55 at UTC+9 is 03:55 UTC the same day.
        assertEquals(Instant.parse("2024-07-01T03:58:00Z"), CellRules.postedAt("2024-06-30T23:58-04:00", null).when());
        assertEquals(Instant.parse("2024-07-01T03:55:00Z"), CellRules.postedAt("2024-07-01T12:55+09:00", null).when());
        assertEquals(CellRules.BEFORE_EARLIEST, CellRules.postedAt("1899-12-31T00:00:00+00:00", null).kind());
        assertEquals(CellRules.UNREADABLE, CellRules.postedAt("soon after lunch", null).kind());
        List<Instant> posted = longerSpark.videos().filter("title = 'Morning run #fitness'").select(Canonical.POSTED_AT)
                .as(org.apache.spark.sql.Encoders.INSTANT()).collectAsList();
        assertEquals(List.of(Instant.parse("2024-07-01T03:55:00Z")), posted);
    }

    @Test
    void fewIdsEndingInZerosAreRealUnlessRepeated() {
        SourceReport s = longerSpark.load().sources().get(0);
        // 7300000999900000000 once: kept as a real id; 7300000999800000000 twice (lines 9 and 10): each row its own,
        // with the certainly rounded 7.30001E+18 of line 28, which is named first as the loader names it.
        assertTrue(s.assumptions().contains("1 id ends in four or more zeros, as ids rounded to 15 digits by a "
                + "spreadsheet do; so few (one real id in 10,000 does) that they were taken as real ids"), s.assumptions()
                .toString());
        assertTrue(s.warnings().get(0).startsWith("3 video ids were rounded by a spreadsheet (the first: "
                + "\"7.30001E+18\" at 28:1)"), s.warnings().toString());
        List<String> ids = longerSpark.videos().select(Canonical.VIDEO_ID).as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList();
        assertTrue(ids.contains("7300000999900000000"));
        assertTrue(ids.contains(longer + "#9") && ids.contains(longer + "#10"), ids.toString());
        assertTrue(ids.contains(longer + "#27"), "the row without an id keeps its own");
    }

    @Test
    void manyIdsEndingInZerosMakeARoundedColumn() {
        SourceReport s = formsSpark.load().sources().get(0);
        // Three suspect ids among 23 of 19 digits: far above one in 10,000, so all three are taken as rounded,
        // with 7.30001E+18 (line 28): four, the certainly rounded one named first.
        assertTrue(s.warnings().get(0).startsWith("4 video ids were rounded by a spreadsheet (the first: "
                + "\"7.30001E+18\" at 28:1)"), s.warnings().toString());
        assertTrue(s.assumptions().stream().noneMatch(a -> a.contains("four or more zeros")), s.assumptions().toString());
        // The one real id seen twice (lines 2 and 22) is merged: 25 rows used, 24 videos.
        assertEquals(1, formsSpark.load().rowsMerged());
        assertEquals(24, formsSpark.videos().count());
    }

    /**
     * A row shorter or longer than the header is rejected by both engines with the loader's words and its line
     * (Spark would pad the one and cut the other without a word); a row whose extra cell is blank is kept.
     */
    @Test
    void rowsOfAnotherWidthAreRejectedAsTheLoaderRejectsThem() throws Exception {
        List<String> lines = new ArrayList<>(List.of(
                "video_id,title,post_time,content_type,duration_s,views,likes,comments,shares,saves",
                "7301000000000000011,\"Two\nlines #vlog\",2024-05-01T10:00:00Z,vlog,30,1000,50,2,1,10",
                "7301000000000000022,Short row,2024-05-02T10:00:00Z,vlog,30,2000",
                "7301000000000000033,Extra cell,2024-05-03T10:00:00Z,vlog,30,3000,60,3,1,12,999",
                "7301000000000000044,Blank extra cell,2024-05-04T10:00:00Z,vlog,30,4000,70,4,2,15,"));
        for (int k = 0; k < 20; k++) {
            lines.add((7_301_000_000_000_001_001L + 7L * k) + ",Plain " + k + " #vlog,2024-06-" + (10 + k)
                    + "T08:00:00Z,vlog," + (20 + k) + "," + (1500 + 91 * k) + "," + (60 + 7 * k) + "," + k % 5 + ","
                    + k % 3 + "," + (20 + 11 * k % 17));
        }
        Path file = Files.createTempFile("other-widths", ".csv");
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
            SparkCorpus spark = SparkInputs.read(LocalSpark.get(), List.of(file.toString()));
            SourceReport s = spark.load().sources().get(0);
            // 24 rows (the first spans lines 2-3): the short one on line 4 and the long one on line 5 rejected.
            assertEquals(24, s.rowsRead());
            assertEquals(22, s.rowsUsed());
            assertEquals(List.of("4: the row has 6 fields, expected 10 as in the header",
                    "5: the row has 11 fields, expected 10 as in the header; a value with a comma that is not quoted?"),
                    s.rejections().stream().map(r -> r.location() + ": " + r.message()).toList());
            assertEquals(List.of(), NumbersDiff.of(sparkJson(spark), localJson(file), Set.of("generated_at")));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * A NUL byte stops the read with the file and line named, as the loader stops; bytes that are not UTF-8 are
     * counted in a warning with their first line; a quote left open is named, not taken for a short row.
     */
    @Test
    void zeroBytesStopTheReadAndOtherEncodingsAndOpenQuotesAreNamed() throws Exception {
        String header = "video_id,title,post_time,content_type,duration_s,views,likes,comments,shares,saves\n";
        StringBuilder rows = new StringBuilder();
        for (int k = 0; k < 12; k++) {
            rows.append(7_301_000_000_000_002_001L + 3L * k).append(",Row ").append(k).append(" #vlog,2024-06-")
                    .append(10 + k).append("T08:00:00Z,vlog,30,").append(2000 + 13 * k).append(",90,3,1,")
                    .append(40 + k).append('\n');
        }
        Path file = Files.createTempFile("encodings", ".csv");
        try {
            // Line 4 holds a zero byte.
            String withZero = header + rows.toString().replaceFirst("Row 2", "Row\u00002");
            Files.writeString(file, withZero, StandardCharsets.UTF_8);
            savescope.UserError e = org.junit.jupiter.api.Assertions.assertThrows(savescope.UserError.class,
                    () -> SparkInputs.read(LocalSpark.get(), List.of(file.toString())));
            assertEquals(file + ":4: found binary data (a zero byte), expected CSV text.", e.getMessage());

            // "é" in Latin-1 on lines 3 and 6 (one byte 0xE9, never valid UTF-8 alone).
            String latin = header + rows.toString().replaceFirst("Row 1 ", "Caf\u00e9 1 ").replaceFirst("Row 4 ",
                    "Caf\u00e9 4 ");
            Files.write(file, latin.getBytes(StandardCharsets.ISO_8859_1));
            SourceReport s = SparkInputs.read(LocalSpark.get(), List.of(file.toString())).load().sources().get(0);
            assertEquals(12, s.rowsUsed());
            assertTrue(s.warnings().contains(file + ": 2 rows hold bytes that are not UTF-8 (the first on line 3), "
                    + "read as \uFFFD; expected UTF-8 text: save the file as UTF-8, or read it with ./jbang "
                    + "report-spark convert, which recognises other encodings."), s.warnings().toString());

            // The last row's title opens a quote the file never closes: one row, rejected and named.
            Files.writeString(file, header + rows + "7301000000000009999,\"cut off,2024-07-01T08:00:00Z,vlog,30,5");
            s = SparkInputs.read(LocalSpark.get(), List.of(file.toString())).load().sources().get(0);
            assertEquals(13, s.rowsRead());
            assertEquals(12, s.rowsUsed());
            assertEquals("14: a quote opened in field 2 is not closed before the end of the file; expected a closing "
                    + "quote (\") (the rest of the file was read as this one field)", s.rejections().get(0).location()
                    + ": " + s.rejections().get(0).message());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * A header alone, a UTF-16 file and a repeated header name, each as the loader takes it: the first two named
     * in one line, the repeated name read from its first column (Spark would rename both and read neither).
     */
    @Test
    void aHeaderAloneUtf16AndARepeatedNameAreTakenAsTheLoaderTakesThem() throws Exception {
        String header = "video_id,title,post_time,content_type,duration_s,views,likes,comments,shares,saves";
        Path file = Files.createTempFile("headers", ".csv");
        try {
            Files.writeString(file, header + "\n");
            savescope.UserError e = org.junit.jupiter.api.Assertions.assertThrows(savescope.UserError.class,
                    () -> SparkInputs.read(LocalSpark.get(), List.of(file.toString())));
            assertEquals(file + ": found the header row [video_id, title, post_time, content_type, duration_s, views, "
                    + "likes, comments, shares, saves] but no data rows; expected at least one row below the header.",
                    e.getMessage());

            Files.write(file, ("\uFEFF" + header + "\n1,a,2024-01-01T00:00:00Z,,3,4,5,6,7,8\n")
                    .getBytes(StandardCharsets.UTF_16LE));
            e = org.junit.jupiter.api.Assertions.assertThrows(savescope.UserError.class,
                    () -> SparkInputs.read(LocalSpark.get(), List.of(file.toString())));
            assertEquals(file + ": the header holds zero bytes, as UTF-16 text does; expected UTF-8 CSV text: save "
                    + "the file as UTF-8, or read it with ./jbang report-spark convert, which recognises UTF-16.",
                    e.getMessage());

            // likes twice: the first (50 and 70) is read, as the loader reads it; comments is then absent.
            Files.writeString(file, header.replace("likes,comments", "likes,likes") + "\n"
                    + "7301000000000003001,a #vlog,2024-01-01T00:00:00Z,vlog,30,1000,50,900,1,10\n"
                    + "7301000000000003002,b #vlog,2024-01-02T00:00:00Z,vlog,30,2000,70,900,1,20\n");
            SparkCorpus spark = SparkInputs.read(LocalSpark.get(), List.of(file.toString()));
            assertEquals(120L, spark.videos().agg(org.apache.spark.sql.functions.sum(Canonical.LIKES)).first()
                    .getLong(0));
            Dataset local = Loader.load(List.of(file), Loader.Options.defaults());
            assertEquals(120.0, local.videos().numberColumn(Canonical.LIKES).sum(), 0.0);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A .json response page saved indented over many lines is one document: its videos are read, none rejected. */
    @Test
    void anIndentedResponsePageIsReadWhole() throws Exception {
        Path file = Files.createTempFile("page", ".json");
        try {
            // Two videos of 1000 and 3000 views, the page written over 14 lines.
            Files.writeString(file, "{\n  \"data\": {\n    \"videos\": [\n      {\"id\": \"7301000000000004001\",\n"
                    + "       \"create_time\": 1767225600, \"view_count\": 1000,\n       \"like_count\": 10,\n"
                    + "       \"favorites_count\": 5},\n      {\"id\": \"7301000000000004002\",\n"
                    + "       \"create_time\": 1767312000, \"view_count\": 3000,\n       \"like_count\": 30,\n"
                    + "       \"favorites_count\": 15}\n    ]\n  }\n}\n");
            SparkCorpus spark = SparkInputs.read(LocalSpark.get(), List.of(file.toString()));
            assertEquals(2, spark.videos().count());
            assertEquals(4000L, spark.videos().agg(org.apache.spark.sql.functions.sum(Canonical.VIEWS)).first()
                    .getLong(0));
            assertEquals(0, spark.load().sources().get(0).rowsRejected());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Every JSON line is a video used or a line counted as rejected with its reason: none is dropped unsaid. */
    @Test
    void jsonLinesThatAreNoVideoOrCountBelowZeroAreCountedAsRejected() throws Exception {
        Path file = Files.createTempFile("videos", ".jsonl");
        try {
            // Five lines: two videos (1000 and 3000 views), an API error object, a video with a negative view
            // count, and a line that is not JSON: 2 used, 3 rejected, one per reason.
            Files.writeString(file, "{\"id\": \"7301000000000005001\", \"view_count\": 1000, \"favorites_count\": 5}\n"
                    + "{\"error\": {\"code\": \"rate_limit_exceeded\"}}\n"
                    + "{\"id\": \"7301000000000005002\", \"view_count\": -5, \"favorites_count\": 1}\n"
                    + "not json\n"
                    + "{\"id\": \"7301000000000005003\", \"view_count\": 3000, \"favorites_count\": 15}\n");
            SparkCorpus spark = SparkInputs.read(LocalSpark.get(), List.of(file.toString()));
            assertEquals(2, spark.videos().count());
            assertEquals(4000L, spark.videos().agg(org.apache.spark.sql.functions.sum(Canonical.VIEWS)).first()
                    .getLong(0));
            var source = spark.load().sources().get(0);
            assertEquals(5, source.rowsRead());
            assertEquals(2, source.rowsUsed());
            assertEquals(java.util.Map.of("a line that is not JSON", 1L,
                    "a JSON line that is no video (no \"id\" and no \"data.videos\")", 1L,
                    "a count below zero (view_count, like_count, comment_count, share_count or favorites_count)", 1L),
                    source.rejectionReasons());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
