package savescope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import savescope.load.Loader;
import savescope.metrics.LocalAnalytics;
import savescope.model.Dataset;
import savescope.model.LoadReport;
import savescope.render.JsonOutput;
import savescope.report.ReportOptions;
import savescope.report.SaveReport;

/**
 * The whole report from Spark against the local engine: the bundled sample (videos, daily series, snapshots,
 * channel tables, comments) and a generated corpus spread over several partitions are reported by both engines
 * through {@link SaveReport#build}, and the two {@code --json} documents must agree number by number (whole
 * numbers exactly, others to 1e-9 relative, text exactly), every key but the time of the run.
 */
class SparkReportTest {
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    static final ReportOptions OPTIONS = new ReportOptions(null, 1000, 500);
    static final ObjectMapper JSON = new ObjectMapper();
    static JsonNode sampleLocal;
    static JsonNode sampleSpark;
    /** The sample's page presented from the aggregates file of Spark's figures, as report --aggregates does. */
    static JsonNode sampleFromFile;
    static String sampleSparkPage;
    static String sampleFromFilePage;
    static JsonNode generatedLocal;
    static JsonNode generatedSpark;
    static LocalAnalytics local;
    static SparkAnalytics spark;

    @BeforeAll
    static void reportBoth() throws Exception {
        SparkSession session = LocalSpark.get();
        Dataset sample = Loader.load(List.of(Path.of("data", "sample")), Loader.Options.defaults());
        sampleLocal = json(SaveReport.build(LocalAnalytics.of(sample), OPTIONS, NOW, 1));
        SaveReport.Result sparkResult = SaveReport.build(SparkAnalytics.of(SparkInputs.fromLoaded(session, sample),
                sample, 1000), OPTIONS, NOW, 2);
        sampleSpark = json(sparkResult);
        Path file = java.nio.file.Files.createTempFile("spark-figures", ".json.gz");
        try {
            java.nio.file.Files.write(file, savescope.report.AggregatesFile.toBytes(sparkResult.analysis(), true));
            SaveReport.Result fromFile = SaveReport.present(savescope.report.AggregatesFile.read(file), NOW);
            sampleFromFile = json(fromFile);
            sampleFromFilePage = page(fromFile);
            sampleSparkPage = page(sparkResult);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        var videos = CorpusGenerator.generate(session, 3000, 5, 5).repartition(5).cache();
        Dataset generated = Dataset.ofVideos(GeneratedCorpusTest.frame(videos.orderBy(SparkCorpus.ROW).collectAsList()),
                new LoadReport(List.of(), List.of()));
        local = LocalAnalytics.of(generated);
        spark = SparkAnalytics.of(SparkCorpus.ofVideos(videos), null, 1000);
        generatedLocal = json(SaveReport.build(local, OPTIONS, NOW, 1));
        generatedSpark = json(SaveReport.build(spark, OPTIONS, NOW, 2));
    }

    static String page(SaveReport.Result r) throws Exception {
        return new savescope.render.HtmlReport(null).render(r.notebook(), savescope.render.Brand.NONE);
    }

    static JsonNode json(SaveReport.Result r) throws Exception {
        return JSON.readTree(JsonOutput.toJson(r.json()));
    }

    @Test
    void theSampleReportsTheSameNumbers() {
        assertEquals(List.of(), NumbersDiff.of(sampleLocal, sampleSpark, Set.of("generated_at")));
    }

    /** Cluster mode: what the Spark job writes with --save-aggregates, report --aggregates renders unchanged. */
    @Test
    void sparksAggregatesFileGivesTheSamePageOnAnotherMachine() {
        assertEquals(sampleSpark, sampleFromFile);
        assertEquals(sampleSparkPage, sampleFromFilePage);
    }

    @Test
    void theGeneratedCorpusReportsTheSameNumbers() {
        assertEquals(List.of(), NumbersDiff.of(generatedLocal, generatedSpark, Set.of("generated_at")));
    }

    /** The comparisons cover every section: each part the inputs feed is present and filled, none skipped. */
    @Test
    void theComparisonsCoverEverySection() {
        for (String key : List.of("totals", "save_rate", "by_hashtag", "quadrants", "rankings", "data_alerts",
                "correlations", "partial_correlations", "trends", "channel", "early_signal", "experiment", "audience",
                "comments")) {
            assertTrue(sampleSpark.hasNonNull(key), key);
        }
        JsonNode accumulation = sampleSpark.get("accumulation");
        assertEquals(150, accumulation.get("per_video").size(), "every video of the sample has a daily series");
        assertEquals(3, accumulation.get("snapshots").size(), "two snapshots and the latest export");
        assertEquals(2, sampleSpark.get("experiment").get("arms").size(), "#hooka and #hookb are found");
        assertTrue(generatedSpark.get("accounts").get("accounts").size() > 100, "the generated videos have many accounts");
    }

    /**
     * The scatter is drawn, not written to the JSON: its seeded sample of 1,500 of the generated corpus's placed
     * videos must be the same videos, in the same order, as the local engine draws.
     */
    @Test
    void theScatterSamplesTheSameVideos() {
        var a = local.savesAgainstViews(1500, 42);
        var b = spark.savesAgainstViews(1500, 42);
        assertTrue(a.placed() > 1500, "the sample is drawn, not every video taken");
        assertEquals(a.placed(), b.placed());
        assertTrue(java.util.Arrays.equals(a.views(), b.views()), "same videos, same order");
        assertTrue(java.util.Arrays.equals(a.saves(), b.saves()));
        assertEquals(a.maxViews(), b.maxViews());
        assertEquals(a.fit().slope(), b.fit().slope(), 1e-9 * Math.abs(a.fit().slope()));
    }

    /** Questions the report asks with other arguments than those computed with the aggregates are answered anew. */
    @Test
    void otherArgumentsAreAnsweredToo() {
        assertEquals(local.rankings(50_000, 3), spark.rankings(50_000, 3));
        var a = local.saveRateHistogram(12);
        var b = spark.saveRateHistogram(12);
        assertEquals(a.widthPercent(), b.widthPercent());
        assertTrue(java.util.Arrays.equals(a.counts(), b.counts()));
        assertEquals(local.perView(List.of("saves", "shares")), spark.perView(List.of("saves", "shares")));
    }

    /** A perturbed figure must be caught: the comparison is not blind to one changed number deep in the document. */
    @Test
    void oneChangedNumberIsCaught() {
        JsonNode changed = sampleSpark.deepCopy();
        var totals = (com.fasterxml.jackson.databind.node.ObjectNode) changed.findParent("saves");
        assertNotNull(totals);
        totals.put("saves", totals.get("saves").asLong() + 1);
        assertEquals(1, NumbersDiff.of(sampleLocal, changed, Set.of("generated_at")).size());
    }
}
