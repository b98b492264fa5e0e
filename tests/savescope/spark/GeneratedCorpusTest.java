package savescope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import savescope.model.Canonical;
import savescope.model.Dataset;
import savescope.model.LoadReport;
import tech.tablesaw.api.Table;

/**
 * The engines on a generated corpus spread over many partitions, with zero-view videos, missing counts and
 * durations, and long runs of tied save rates: the walks that number rows across partitions and give tie
 * runs their ranks must still give the local numbers. The same rows are copied into a local frame.
 */
class GeneratedCorpusTest {
    static Aggregates local;
    static Aggregates spark;

    @BeforeAll
    static void computeBoth() {
        SparkSession session = LocalSpark.get();
        var videos = CorpusGenerator.generate(session, 4000, 11, 7).repartition(7).cache();
        local = LocalAggregates.of(Dataset.ofVideos(frame(videos.orderBy(SparkCorpus.ROW).collectAsList()),
                new LoadReport(List.of(), List.of())), 1000, null);
        spark = SparkAggregates.compute(SparkCorpus.ofVideos(videos), 1000, null);
    }

    /** The generated rows as a canonical Tablesaw frame, in row order. */
    static Table frame(List<Row> rows) {
        Table t = Canonical.emptyVideos("generated");
        for (Row r : rows) {
            t.stringColumn(Canonical.VIDEO_ID).append(r.getString(1));
            t.stringColumn(Canonical.ACCOUNT).append(r.getString(2));
            t.stringColumn(Canonical.TITLE).append(r.getString(3));
            t.instantColumn(Canonical.POSTED_AT).append(r.isNullAt(4) ? null : (Instant) r.get(4));
            if (r.isNullAt(5)) {
                t.doubleColumn(Canonical.DURATION_S).appendMissing();
            } else {
                t.doubleColumn(Canonical.DURATION_S).append(r.getDouble(5));
            }
            for (int c = 0; c < 5; c++) {
                var col = t.longColumn(Canonical.COUNTS.get(c));
                if (r.isNullAt(6 + c)) {
                    col.appendMissing();
                } else {
                    col.append(r.getLong(6 + c));
                }
            }
            t.stringColumn(Canonical.CONTENT_TYPE).append(r.getString(11));
            t.stringColumn(Canonical.HASHTAGS).append(r.getString(12));
            t.stringColumn(Canonical.LINK).append(r.getString(13));
            t.stringColumn(Canonical.SOURCE).append(r.getString(14));
        }
        return t;
    }

    @Test
    void theCorpusHasWhatMakesItHard() {
        assertEquals(4000, spark.totals().videos());
        assertTrue(spark.rates().videosWithRate() < 4000, "zero views and missing saves leave some videos unrated");
        assertTrue(spark.rateCorrelations().pearson().get("save_rate", "duration_s").n() < spark.rates().videosWithRate(),
                "some durations are missing, so that pair has its own complete rows");
    }

    @Test
    void everyNumberAgreesWithTheLocalEngine() throws Exception {
        var m = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals(List.of(), NumbersDiff.of(m.readTree(AggregatesJson.write(local)),
                m.readTree(AggregatesJson.write(spark)), Set.of()));
    }

    @Test
    void quantilesAreExact() {
        assertEquals(local.rates().medianPerVideo(), spark.rates().medianPerVideo());
        assertEquals(local.medianCi(), spark.medianCi());
        assertEquals(local.rankings().lowFence(), spark.rankings().lowFence());
        for (String dim : local.groups().keySet()) {
            var a = local.groups().get(dim).groups();
            var b = spark.groups().get(dim).groups();
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).medianCi(), b.get(i).medianCi(), dim + " " + a.get(i).key());
            }
        }
    }
}
