package savescope.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a seeded synthetic corpus of canonical videos as Parquet, straight from Spark: every column is a
 * function of the row number and the seed (64-bit hashes), so a corpus of any size comes out the same every
 * time, in parallel, without ever being held in memory. Views are log-uniform from 10 to 10 million with some
 * zero-view videos, saves a per-video rate of a few per mille, and some counts and durations missing.
 */
public final class CorpusGenerator {
    private CorpusGenerator() {}

    /** Writes {@code out/videos.parquet}. */
    public static void write(SparkSession spark, long videos, long seed, int files, String out) {
        generate(spark, videos, seed, files).write().mode(SaveMode.ErrorIfExists).parquet(out + "/videos.parquet");
    }

    static Dataset<Row> generate(SparkSession spark, long videos, long seed, int files) {
        String s = Long.toString(seed);
        Dataset<Row> ids = spark.range(0, videos, 1, files).withColumnRenamed("id", SparkCorpus.ROW);
        Dataset<Row> v = ids
                .withColumn("u1", uniform(s, 1)).withColumn("u2", uniform(s, 2)).withColumn("u3", uniform(s, 3))
                .withColumn("u4", uniform(s, 4)).withColumn("u5", uniform(s, 5)).withColumn("u6", uniform(s, 6))
                .withColumn("video_id", expr("cast(7000000000000000000 + row * 7919 as string)"))
                .withColumn("account", expr("concat('account_', cast(pmod(xxhash64(row, " + s + ", 7), 5000) as string))"))
                .withColumn("title", expr("concat('Video ', cast(row as string))"))
                .withColumn("posted_at", expr("timestamp_seconds(1704067200 + cast(u1 * 63158400 as bigint))"))
                .withColumn("duration_s", expr("case when u2 < 0.01 then null when u2 < 0.05 then 0.0 "
                        + "else round(5 + u2 * u2 * 600, 1) end"))
                .withColumn("views", expr("case when u3 < 0.003 then 0 else cast(floor(pow(10, 1 + 6 * u3)) as bigint) end"))
                .withColumn("likes", expr("cast(floor(views * (0.02 + 0.10 * u4)) as bigint)"))
                .withColumn("comments", expr("case when u6 < 0.002 then null else cast(floor(views * 0.004 * u5) as bigint) end"))
                .withColumn("shares", expr("cast(floor(views * 0.01 * u6) as bigint)"))
                .withColumn("saves", expr("case when u5 > 0.999 then null else "
                        + "cast(floor(views * (0.001 + 0.02 * u5 * u4)) as bigint) end"))
                .withColumn("content_type", expr("element_at(array('tutorial', 'recipe', 'comedy', 'vlog', 'review', "
                        + "'other'), cast(pmod(xxhash64(row, " + s + ", 8), 6) as int) + 1)"))
                .withColumn("hashtags", expr("concat_ws(' ', concat('tag', cast(pmod(xxhash64(row, " + s + ", 9), 40) as string)), "
                        + "concat('tag', cast(pmod(xxhash64(row, " + s + ", 10), 200) as string)))"))
                .withColumn("link", expr("concat('https://www.tiktok.com/@', account, '/video/', video_id)"))
                .withColumn("source", expr("'generated'"));
        return SparkCorpus.conform(v, SparkCorpus.VIDEOS).sortWithinPartitions(col(SparkCorpus.ROW));
    }

    /** A uniform value in [0, 1) from the row, the seed and a stream number. */
    private static org.apache.spark.sql.Column uniform(String seed, int stream) {
        return expr("pmod(xxhash64(row, " + seed + ", " + stream + "), 9007199254740992) / 9007199254740992.0");
    }
}
