package savescope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.load.Loader;
import savescope.metrics.GroupComparison;
import savescope.model.Dataset;

/**
 * The Spark engine against the local metrics on the bundled sample: the sample is converted to Parquet, read
 * back by Spark and aggregated there; every number must equal the local engine's (whole numbers exactly,
 * others to 1e-9 relative), and quantiles and bootstrap intervals exactly, bit for bit.
 */
class SparkEngineTest {
    static Aggregates local;
    static Aggregates spark;
    static ParquetConvert.Written written;

    @BeforeAll
    static void computeBoth(@TempDir Path dir) {
        Dataset data = Loader.load(List.of(Path.of("data", "sample")), Loader.Options.defaults());
        local = LocalAggregates.of(data, 1000, null);
        SparkSession session = LocalSpark.get();
        String out = dir.resolve("corpus").toString();
        written = ParquetConvert.convert(session, List.of(Path.of("data", "sample")), Loader.Options.defaults(), out);
        spark = SparkAggregates.compute(SparkInputs.read(session, List.of(out)), 1000, null);
    }

    @Test
    void convertWritesEveryVideoAndDailyRow() {
        assertEquals(150, written.videos());
        assertEquals(local.daily().stream().mapToLong(Aggregates.DailyTotal::videos).sum(), written.daily(),
                "each video has one daily row per day in the sample");
    }

    @Test
    void everyNumberAgreesWithTheLocalEngine() throws Exception {
        var m = new com.fasterxml.jackson.databind.ObjectMapper();
        // The load report's run-level assumptions (one on the sample) do not survive convert's copy of the load
        // report yet; every other field of it does.
        List<String> diff = NumbersDiff.of(m.readTree(AggregatesJson.write(local)), m.readTree(AggregatesJson.write(spark)),
                Set.of("assumptions"));
        assertEquals(List.of(), diff);
    }

    @Test
    void countsAndSumsAreExact() {
        assertEquals(local.totals(), spark.totals());
        assertEquals(150, spark.totals().videos());
        assertEquals(local.rates().videosWithRate(), spark.rates().videosWithRate());
        // The sums the overall save rate divides, and how many videos have both counts.
        assertEquals(List.of(local.rates().overallSaves(), local.rates().overallViews(), (long) local.rates().overallVideos()),
                List.of(spark.rates().overallSaves(), spark.rates().overallViews(), (long) spark.rates().overallVideos()));
        assertEquals(150, spark.rates().overallVideos());
        for (String dim : local.groups().keySet()) {
            var a = local.groups().get(dim).groups();
            var b = spark.groups().get(dim).groups();
            assertEquals(a.size(), b.size(), dim);
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).key(), b.get(i).key(), dim);
                assertEquals(a.get(i).videos(), b.get(i).videos(), dim);
                assertEquals(a.get(i).views(), b.get(i).views(), dim);
                assertEquals(a.get(i).saves(), b.get(i).saves(), dim);
            }
            assertEquals(local.groups().get(dim).videosWithoutGroup(), spark.groups().get(dim).videosWithoutGroup(), dim);
        }
        assertEquals(local.quadrants().quadrants(), spark.quadrants().quadrants());
        assertEquals(local.rankings().top(), spark.rankings().top());
        assertEquals(local.rankings().bottom(), spark.rankings().bottom());
        assertEquals(local.rankings().outliers(), spark.rankings().outliers());
        assertEquals(local.rankings().outlierCount(), spark.rankings().outlierCount());
        assertEquals(local.daily(), spark.daily());
    }

    @Test
    void quantilesAndBootstrapIntervalsAreExact() {
        assertEquals(local.rates().medianPerVideo(), spark.rates().medianPerVideo());
        assertEquals(local.rates().p10(), spark.rates().p10());
        assertEquals(local.rates().p90(), spark.rates().p90());
        assertEquals(local.medianCi(), spark.medianCi());
        assertEquals(local.quadrants().medianViews(), spark.quadrants().medianViews());
        assertEquals(local.quadrants().medianRate(), spark.quadrants().medianRate());
        assertEquals(local.rankings().lowFence(), spark.rankings().lowFence());
        assertEquals(local.rankings().highFence(), spark.rankings().highFence());
        for (String dim : local.groups().keySet()) {
            var a = local.groups().get(dim).groups();
            var b = spark.groups().get(dim).groups();
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).medianRate(), b.get(i).medianRate(), dim + " " + a.get(i).key());
                assertEquals(a.get(i).medianCi(), b.get(i).medianCi(), dim + " " + a.get(i).key());
                assertEquals(a.get(i).ci(), b.get(i).ci(), dim + " " + a.get(i).key());
            }
        }
    }

    @Test
    void kruskalWallisTestsRunOnTheSameGroups() {
        for (String dim : List.of(GroupComparison.CONTENT_TYPE, GroupComparison.DURATION, GroupComparison.WEEKDAY,
                GroupComparison.HOUR)) {
            var a = local.groups().get(dim).test();
            var b = spark.groups().get(dim).test();
            assertEquals(a == null, b == null, dim);
            if (a != null) {
                assertEquals(a.n(), b.n(), dim);
                assertEquals(a.groups(), b.groups(), dim);
                assertEquals(a.statistic(), b.statistic(), 1e-9 * a.statistic(), dim);
            }
        }
        assertTrue(spark.groups().get(GroupComparison.CONTENT_TYPE).test() != null, "the sample's types can be judged");
    }
}
