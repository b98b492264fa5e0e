package savescope.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode_outer;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import savescope.UserError;
import savescope.load.CellRules;
import savescope.load.ContentTypes;
import savescope.model.Canonical;
import savescope.model.LoadReport;
import savescope.model.SourceReport;

/**
 * Reads a corpus at scale on any Hadoop-compatible path: canonical Parquet (a folder {@code convert} wrote,
 * or a videos Parquet file or folder), canonical CSV (videos, or daily when its header is
 * {@code video_id,date,...}) and Research API JSON Lines (one response page or one video per line).
 * A per-video CSV is read by the local loader's own cell rules ({@link CsvVideos}); counts in a daily CSV must be
 * plain whole numbers here. Any other export goes through {@code convert} first.
 */
public final class SparkInputs {
    private static final List<String> COUNTS = Canonical.COUNTS;
    private static final List<String> OWN_MERGES = List.of("csv", "tsv", "jsonl", "ndjson", "json");

    private SparkInputs() {}

    public static SparkCorpus read(SparkSession spark, List<String> paths) {
        Dataset<Row> videos = null;
        Dataset<Row> daily = null;
        List<SourceReport> sources = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        long merged = 0;
        long mergedHere = 0;
        for (String path : paths) {
            Read r = readOne(spark, path);
            videos = r.videos == null ? videos : videos == null ? r.videos : videos.unionByName(r.videos);
            daily = r.daily == null ? daily : daily == null ? r.daily : daily.unionByName(r.daily);
            sources.addAll(r.load.sources());
            warnings.addAll(r.load.warnings());
            merged += r.load.rowsMerged();
            // Rows Spark merged itself; a folder convert wrote carries the loader's own words for its merges.
            mergedHere += OWN_MERGES.contains(SparkCorpus.extension(path)) ? r.load.rowsMerged() : 0;
        }
        if (videos == null) {
            throw new UserError(paths + ": no videos found; expected canonical Parquet or CSV of "
                    + "videos, or Research API JSON Lines.");
        }
        if (mergedHere > 0) {
            warnings.add(CellRules.repeatedVideosWarning(mergedHere));
        }
        return new SparkCorpus(videos, daily == null ? SparkCorpus.emptyDaily(spark) : daily,
                new LoadReport(sources, warnings, merged));
    }

    /**
     * The videos and daily tables of exports SaveScope's own loader read (any format, every quirk), handed to
     * Spark; a {@code variant} column of the videos comes along for the experiment section.
     */
    public static SparkCorpus fromLoaded(SparkSession spark, savescope.model.Dataset data) {
        StructType schema = data.videos().containsColumn(SparkVideoQueries.VARIANT)
                ? SparkCorpus.VIDEOS.add(SparkVideoQueries.VARIANT, DataTypes.StringType) : SparkCorpus.VIDEOS;
        return new SparkCorpus(ParquetConvert.frame(spark, data.videos(), schema, true).cache(),
                ParquetConvert.frame(spark, data.daily(), SparkCorpus.DAILY, false).cache(), data.load());
    }

    record Read(Dataset<Row> videos, Dataset<Row> daily, LoadReport load) {}

    /** The report of a file Spark read itself: rows counted, the rejected ones by reason, none listed. */
    private static LoadReport report(String path, String format, String kind, long read, long rejected, String reason,
            long merged) {
        return report(path, format, kind, read, rejected == 0 ? Map.of() : Map.of(reason, rejected), merged);
    }

    /** The load report of one input whose rejected rows are counted by reason. */
    private static LoadReport report(String path, String format, String kind, long read, Map<String, Long> reasons,
            long merged) {
        Map<String, Long> counted = new java.util.LinkedHashMap<>();
        reasons.forEach((reason, n) -> {
            if (n > 0) {
                counted.put(reason, n);
            }
        });
        long rejected = counted.values().stream().mapToLong(Long::longValue).sum();
        SourceReport s = new SourceReport(path, format, read, read - rejected, List.of(), List.of(), List.of(), kind,
                List.of(), List.of(), rejected, counted);
        return new LoadReport(List.of(s), List.of(), merged);
    }

    private static Read readOne(SparkSession spark, String path) {
        String ext = SparkCorpus.extension(path);
        if (ext.equals("csv") || ext.equals("tsv")) {
            return csv(spark, path, ext.equals("tsv") ? "\t" : ",");
        }
        if (ext.equals("jsonl") || ext.equals("ndjson") || ext.equals("json")) {
            return researchJsonLines(spark, path);
        }
        return parquet(spark, path);
    }

    /** A folder {@code convert} wrote (videos.parquet and daily.parquet inside), or a videos Parquet path. */
    private static Read parquet(SparkSession spark, String path) {
        String base = path.replaceAll("/+$", "");
        Dataset<Row> v = tryParquet(spark, base + "/videos.parquet");
        if (v == null) {
            Dataset<Row> only = spark.read().parquet(base);
            return new Read(withRow(only), null, report(path, "canonical Parquet", SourceReport.VIDEOS, only.count(), 0,
                    "", 0));
        }
        Dataset<Row> d = tryParquet(spark, base + "/daily.parquet");
        LoadReport load = ParquetConvert.readLoadReport(spark, base);
        if (load == null) {
            load = report(path, "canonical Parquet", SourceReport.VIDEOS, v.count(), 0, "", 0);
        }
        return new Read(withRow(v), d == null ? null : SparkCorpus.conform(d, SparkCorpus.DAILY), load);
    }

    /** The Parquet at {@code path}, or null when there is none (Spark throws AnalysisException undeclared). */
    private static Dataset<Row> tryParquet(SparkSession spark, String path) {
        try {
            return spark.read().parquet(path);
        } catch (Exception e) {
            if (e instanceof org.apache.spark.sql.AnalysisException) {
                return null;
            }
            throw e;
        }
    }

    private static Dataset<Row> withRow(Dataset<Row> v) {
        Dataset<Row> withRow = List.of(v.columns()).contains(SparkCorpus.ROW) ? v
                : v.withColumn(SparkCorpus.ROW, monotonically_increasing_id());
        return SparkCorpus.conform(withRow, SparkCorpus.VIDEOS);
    }

    private static Read csv(SparkSession spark, String path, String separator) {
        String[] names = spark.read().option("header", "true").option("sep", separator)
                .option("multiLine", "true").option("escape", "\"").csv(path).columns();
        // Read again with the header's columns and one for rows of another width, which Spark would otherwise
        // pad with empty cells or cut short without a word: the loader rejects such a row, and so does Spark.
        StructType strings = new StructType();
        for (String n : names) {
            strings = strings.add(n, DataTypes.StringType);
        }
        Dataset<Row> raw = spark.read().schema(strings.add(CsvVideos.OTHER_WIDTH, DataTypes.StringType))
                .option("header", "true").option("sep", separator).option("multiLine", "true")
                .option("escape", "\"").option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", CsvVideos.OTHER_WIDTH).csv(path);
        // Headers are matched ignoring case and a byte-order mark; post_time is the canonical CSV's name.
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, Integer> columns = new LinkedHashMap<>();
        if (String.join("", names).indexOf('\u0000') >= 0) {
            throw new UserError(path + ": the header holds zero bytes, as UTF-16 text does; expected UTF-8 CSV text: "
                    + "save the file as UTF-8, or read it with ./jbang report-spark convert, which recognises UTF-16.");
        }
        for (int i = 0; i < names.length; i++) {
            String header = headerName(names, i).replace("\uFEFF", "").strip();
            String name = header.toLowerCase(Locale.ROOT);
            name = name.equals("post_time") ? Canonical.POSTED_AT : name;
            if (columns.containsKey(name)) {
                continue;
            }
            headers.put(name, header);
            columns.put(name, i + 1);
            raw = raw.withColumnRenamed(names[i], name);
        }
        List<String> have = List.of(raw.drop(CsvVideos.OTHER_WIDTH).columns());
        boolean isDaily = have.contains(Canonical.VIDEO_ID) && have.contains(Canonical.DATE)
                && !have.contains(Canonical.TITLE) && !have.contains(Canonical.POSTED_AT);
        if (!have.contains(Canonical.VIDEO_ID) || COUNTS.stream().noneMatch(have::contains)) {
            throw new UserError(path + ": expected a canonical CSV header (video_id,title,post_time,"
                    + "content_type,duration_s,views,likes,comments,shares,saves or video_id,date,views,...), found "
                    + String.join(",", have) + ".");
        }
        if (!isDaily) {
            return CsvVideos.read(spark, path, raw, headers, columns, separator.charAt(0));
        }
        Column bad = lit(false);
        Dataset<Row> typed = raw.drop(CsvVideos.OTHER_WIDTH);
        for (String c : COUNTS) {
            if (!have.contains(c)) {
                continue;
            }
            Column text = expr("trim(`" + c + "`)");
            Column missing = text.isNull().or(text.equalTo("")).or(expr("lower(trim(`" + c + "`)) in "
                    + "('-', 'n/a', 'na', 'null', 'none', 'nan', 'undefined', '#n/a')"));
            Column parsed = expr("try_cast(trim(`" + c + "`) as bigint)");
            bad = bad.or(missing.unary_$bang().and(parsed.isNull().or(parsed.lt(0))));
            typed = typed.withColumn(c, when(missing, lit(null)).otherwise(parsed));
        }
        typed = typed.withColumn("_bad", bad).cache();
        long rejected = typed.filter(col("_bad")).count();
        Dataset<Row> kept = typed.filter(col("_bad").unary_$bang()).drop("_bad");
        long read = typed.count();
        String reason = "a count that is not a whole number of at least 0";
        Dataset<Row> d = kept.withColumn(Canonical.DATE, expr("try_cast(`date` as date)"));
        return new Read(null, SparkCorpus.conform(d, SparkCorpus.DAILY), report(path, "canonical daily CSV",
                SourceReport.DAILY, read, rejected, reason, 0));
    }

    /**
     * The header's own name of column {@code i}: Spark appends a column's index to a name the header repeats
     * ({@code likes,likes} become {@code likes5,likes6}), and the loader takes the first of them, so Spark does too.
     */
    static String headerName(String[] names, int i) {
        String suffix = String.valueOf(i);
        if (!names[i].endsWith(suffix) || names[i].length() == suffix.length()) {
            return names[i];
        }
        String stem = names[i].substring(0, names[i].length() - suffix.length());
        int repeats = 0;
        for (int j = 0; j < names.length; j++) {
            String other = String.valueOf(j);
            if (names[j].endsWith(other) && names[j].substring(0, names[j].length() - other.length())
                    .equalsIgnoreCase(stem)) {
                repeats++;
            }
        }
        return repeats >= 2 ? stem : names[i];
    }

    private static final StructType RESEARCH_VIDEO = new StructType()
            .add("id", DataTypes.StringType)
            .add("create_time", DataTypes.LongType)
            .add("username", DataTypes.StringType)
            .add("video_description", DataTypes.StringType)
            .add("view_count", DataTypes.LongType)
            .add("like_count", DataTypes.LongType)
            .add("comment_count", DataTypes.LongType)
            .add("share_count", DataTypes.LongType)
            .add("favorites_count", DataTypes.LongType)
            .add("video_duration", DataTypes.DoubleType)
            .add("hashtag_names", DataTypes.createArrayType(DataTypes.StringType));

    /** Research API JSON Lines: a response page ({@code data.videos[]}) or one video object per line. */
    private static Read researchJsonLines(SparkSession spark, String path) {
        StructType line = new StructType(RESEARCH_VIDEO.fields())
                .add("data", new StructType().add("videos", DataTypes.createArrayType(RESEARCH_VIDEO)))
                .add("_corrupt_record", DataTypes.StringType);
        Dataset<Row> raw = spark.read().schema(line).option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", "_corrupt_record").json(path).cache();
        long rejected = raw.filter(col("_corrupt_record").isNotNull()).count();
        if (rejected > 0 && rejected == raw.count() && SparkCorpus.extension(path).equals("json")) {
            // No line is JSON alone: a .json file that is one document over many lines (a response page as
            // saved, indented), read whole as the loader reads it rather than every line rejected.
            raw.unpersist();
            raw = spark.read().schema(line).option("mode", "PERMISSIVE").option("multiLine", "true")
                    .option("columnNameOfCorruptRecord", "_corrupt_record").json(path).cache();
            rejected = raw.filter(col("_corrupt_record").isNotNull()).count();
        }
        Dataset<Row> ok = raw.filter(col("_corrupt_record").isNull());
        Dataset<Row> pages = ok.filter(col("data.videos").isNotNull())
                .select(explode_outer(col("data.videos")).as("v")).select("v.*");
        Dataset<Row> single = ok.filter(col("data.videos").isNull().and(col("id").isNotNull()))
                .select(List.of(RESEARCH_VIDEO.fieldNames()).stream().map(n -> col(n)).toArray(Column[]::new));
        // A JSON line that is neither a page nor a video ({"error": ...}) is counted, never dropped unsaid.
        long noVideo = ok.filter(col("data.videos").isNull().and(col("id").isNull())).count();
        Column negative = lit(false);
        for (String c : List.of("view_count", "like_count", "comment_count", "share_count", "favorites_count")) {
            negative = negative.or(org.apache.spark.sql.functions.coalesce(col(c).lt(0), lit(false)));
        }
        Dataset<Row> each = pages.unionByName(single).withColumn("_negative", negative).cache();
        // A negative count is no count: the video is rejected, as the loader rejects it.
        long negatives = each.filter(col("_negative")).count();
        Dataset<Row> all = each.filter(col("_negative").unary_$bang()).drop("_negative")
                .withColumn(SparkCorpus.ROW, monotonically_increasing_id());
        Dataset<Row> v = all.select(col(SparkCorpus.ROW), col("id").as(Canonical.VIDEO_ID),
                col("username").as(Canonical.ACCOUNT), col("video_description").as(Canonical.TITLE),
                expr("timestamp_seconds(create_time)").as(Canonical.POSTED_AT),
                col("video_duration").as(Canonical.DURATION_S), col("view_count").as(Canonical.VIEWS),
                col("like_count").as(Canonical.LIKES), col("comment_count").as(Canonical.COMMENTS),
                col("share_count").as(Canonical.SHARES), col("favorites_count").as(Canonical.SAVES),
                lit(null).as(Canonical.CONTENT_TYPE), expr("array_join(hashtag_names, ' ')").as(Canonical.HASHTAGS),
                lit(null).as(Canonical.LINK), lit("Research API JSON").as(Canonical.SOURCE));
        long videos = all.count();
        Dataset<Row> unique = latestPerId(assignTypes(SparkCorpus.conform(v, SparkCorpus.VIDEOS))).cache();
        Map<String, Long> reasons = new java.util.LinkedHashMap<>();
        reasons.put("a line that is not JSON", rejected);
        reasons.put("a JSON line that is no video (no \"id\" and no \"data.videos\")", noVideo);
        reasons.put("a count below zero (view_count, like_count, comment_count, share_count or favorites_count)",
                negatives);
        return new Read(unique, null, report(path, "Research API JSON Lines", SourceReport.VIDEOS,
                videos + rejected + noVideo + negatives, reasons, videos - unique.count()));
    }

    /**
     * Hashtags and content types by the local loader's own rules ({@link ContentTypes#assignRow}), so a group
     * of videos is the same group whichever engine read it.
     */
    static Dataset<Row> assignTypes(Dataset<Row> videos) {
        int title = videos.schema().fieldIndex(Canonical.TITLE);
        int tags = videos.schema().fieldIndex(Canonical.HASHTAGS);
        int type = videos.schema().fieldIndex(Canonical.CONTENT_TYPE);
        MapPartitionsFunction<Row, Row> assign = (Iterator<Row> rows) -> {
            ContentTypes types = ContentTypes.defaults();
            String[] out = new String[2];
            return new Iterator<Row>() {
                public boolean hasNext() {
                    return rows.hasNext();
                }

                public Row next() {
                    Row r = rows.next();
                    Object[] values = new Object[r.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = r.get(i);
                    }
                    types.assignRow(r.getString(title), r.getString(tags), r.getString(type), out);
                    values[tags] = out[0];
                    values[type] = out[1];
                    return RowFactory.create(values);
                }
            };
        };
        return videos.mapPartitions(assign, Encoders.row(SparkCorpus.VIDEOS));
    }

    /** One row per id: a video seen twice keeps its later row (its latest counts), as the local loader does. */
    static Dataset<Row> latestPerId(Dataset<Row> videos) {
        var byId = Window.partitionBy(Canonical.VIDEO_ID).orderBy(col(SparkCorpus.ROW).desc());
        Dataset<Row> withId = videos.filter(col(Canonical.VIDEO_ID).isNotNull().and(col(Canonical.VIDEO_ID).notEqual("")));
        Dataset<Row> noId = videos.filter(col(Canonical.VIDEO_ID).isNull().or(col(Canonical.VIDEO_ID).equalTo("")));
        return withId.withColumn("_n", row_number().over(byId)).filter(col("_n").equalTo(1)).drop("_n")
                .unionByName(noId);
    }
}
