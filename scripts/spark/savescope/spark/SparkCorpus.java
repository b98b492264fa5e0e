package savescope.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import savescope.model.Canonical;
import savescope.model.LoadReport;

/**
 * The canonical videos and daily tables as Spark DataFrames, with the same columns and types as the local
 * frames ({@link Canonical}), plus {@code row}: the video's position in the input, which breaks ties in
 * row order exactly as the local metrics do. A missing count stays null, never zero.
 *
 * @param videos one row per video
 * @param daily one row per video and day (daily increments), possibly empty
 * @param load what was read, used and rejected, per input
 */
public record SparkCorpus(Dataset<Row> videos, Dataset<Row> daily, LoadReport load) {

    public static final String ROW = "row";

    /** The per-video schema of canonical Parquet, in column order. */
    public static final StructType VIDEOS = new StructType()
            .add(ROW, DataTypes.LongType, false)
            .add(Canonical.VIDEO_ID, DataTypes.StringType)
            .add(Canonical.ACCOUNT, DataTypes.StringType)
            .add(Canonical.TITLE, DataTypes.StringType)
            .add(Canonical.POSTED_AT, DataTypes.TimestampType)
            .add(Canonical.DURATION_S, DataTypes.DoubleType)
            .add(Canonical.VIEWS, DataTypes.LongType)
            .add(Canonical.LIKES, DataTypes.LongType)
            .add(Canonical.COMMENTS, DataTypes.LongType)
            .add(Canonical.SHARES, DataTypes.LongType)
            .add(Canonical.SAVES, DataTypes.LongType)
            .add(Canonical.CONTENT_TYPE, DataTypes.StringType)
            .add(Canonical.HASHTAGS, DataTypes.StringType)
            .add(Canonical.LINK, DataTypes.StringType)
            .add(Canonical.SOURCE, DataTypes.StringType);

    /** The daily schema of canonical Parquet. */
    public static final StructType DAILY = new StructType()
            .add(Canonical.VIDEO_ID, DataTypes.StringType)
            .add(Canonical.DATE, DataTypes.DateType)
            .add(Canonical.VIEWS, DataTypes.LongType)
            .add(Canonical.LIKES, DataTypes.LongType)
            .add(Canonical.COMMENTS, DataTypes.LongType)
            .add(Canonical.SHARES, DataTypes.LongType)
            .add(Canonical.SAVES, DataTypes.LongType);

    /** A corpus of videos alone. */
    public static SparkCorpus ofVideos(Dataset<Row> videos) {
        return new SparkCorpus(videos, emptyDaily(videos.sparkSession()), new LoadReport(List.of(), List.of()));
    }

    static Dataset<Row> emptyDaily(SparkSession spark) {
        return spark.createDataFrame(List.of(), DAILY);
    }

    /** Orders and types {@code df}'s columns as {@link #VIDEOS}; a column it lacks becomes null. */
    static Dataset<Row> conform(Dataset<Row> df, StructType schema) {
        List<Column> cols = new ArrayList<>();
        List<String> have = List.of(df.columns());
        for (var f : schema.fields()) {
            Column c = have.contains(f.name()) ? col(f.name()) : lit(null);
            cols.add(c.cast(f.dataType()).as(f.name()));
        }
        return df.select(cols.toArray(Column[]::new));
    }

    /** The lower-case name of a path's extension, without the dot; "" for a folder or none. */
    static String extension(String path) {
        String name = path.replaceAll("/+$", "");
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
