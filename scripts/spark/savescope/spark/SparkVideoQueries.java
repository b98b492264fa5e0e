package savescope.spark;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log10;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import savescope.metrics.Accounts;
import savescope.metrics.AudienceContext;
import savescope.metrics.DataAlerts;
import savescope.metrics.Experiment;
import savescope.metrics.RankCorrelation;
import savescope.metrics.RatedVideo;
import savescope.metrics.SaveRate;
import savescope.metrics.SavesAgainstViews;
import savescope.metrics.TitledRate;
import savescope.metrics.TopVideos;
import savescope.metrics.Trends;
import savescope.model.Canonical;

/**
 * The per-video questions of the report that {@link SparkAggregates} does not answer, in Spark: each is a few
 * grouped sums, an exact quantile or a top-N, and only those small results come to the driver. Every
 * definition is the local metric's named beside it.
 */
final class SparkVideoQueries {
    /** The column a loaded table may carry to name each video's experiment variant. */
    static final String VARIANT = "variant";

    private final Dataset<Row> videos;
    private final Dataset<Row> rated;

    /**
     * @param videos the canonical videos ({@link SparkCorpus#VIDEOS}, and {@link #VARIANT} when the input has it)
     */
    SparkVideoQueries(Dataset<Row> videos) {
        this.videos = videos;
        this.rated = videos.filter(col(Canonical.VIEWS).gt(0).and(col(Canonical.SAVES).isNotNull()))
                .withColumn("rate", col(Canonical.SAVES).cast("double").divide(col(Canonical.VIEWS).cast("double")));
    }

    /** {@link RatedVideo#of}: the videos with views above zero and a saves count, with their {@code rate}. */
    Dataset<Row> rated() {
        return rated;
    }

    private static String text(Row r, int i) {
        return r.isNullAt(i) ? "" : r.getString(i);
    }

    private static Long countAt(Row r, int i) {
        return r.isNullAt(i) ? null : r.getLong(i);
    }

    /** {@link TopVideos#of}: the highest {@code count} first, ties in row order, videos without it last. */
    List<TopVideos.Video> topVideos(String countName, int limit) {
        List<TopVideos.Video> out = new ArrayList<>();
        List<Column> select = new ArrayList<>(List.of(col(Canonical.VIDEO_ID), col(Canonical.TITLE),
                col(Canonical.LINK), col(Canonical.CONTENT_TYPE), col(Canonical.POSTED_AT)));
        Canonical.COUNTS.forEach(c -> select.add(col(c)));
        for (Row r : videos.orderBy(col(countName).desc_nulls_last(), col(SparkCorpus.ROW).asc()).limit(limit)
                .select(select.toArray(Column[]::new)).collectAsList()) {
            out.add(new TopVideos.Video(text(r, 0), text(r, 1), text(r, 2), text(r, 3),
                    r.isNullAt(4) ? null : ((Instant) r.get(4)).toString(), countAt(r, 5), countAt(r, 6), countAt(r, 7),
                    countAt(r, 8), countAt(r, 9)));
        }
        return List.copyOf(out);
    }

    /** {@link Trends#weekly} ({@code unit} "week", weeks from Monday) or {@link Trends#monthly} ("month"), UTC. */
    List<Trends.Period> trend(String unit, int window) {
        TreeMap<LocalDate, long[]> sums = new TreeMap<>();
        for (Row r : rated.filter(col(Canonical.POSTED_AT).isNotNull())
                .groupBy(expr("cast(date_trunc('" + unit + "', posted_at) as date)").as("start"))
                .agg(count(lit(1)), sum(Canonical.VIEWS), sum(Canonical.SAVES)).collectAsList()) {
            sums.put((LocalDate) r.get(0), new long[] {r.getLong(1), r.getLong(2), r.getLong(3)});
        }
        return Trends.periodsOf(sums, window);
    }

    /** {@link DataAlerts#of}: the profile counted in two passes (the skewness needs the mean first). */
    List<DataAlerts.Alert> dataAlerts() {
        List<Column> aggs = new ArrayList<>(List.of(count(lit(1))));
        for (String c : Canonical.COUNTS) {
            aggs.add(count(when(col(c).isNull(), lit(1))));
            aggs.add(min(c));
            aggs.add(max(c));
        }
        Column v = col(Canonical.VIEWS);
        Column s = col(Canonical.SAVES);
        aggs.add(count(when(v.equalTo(0), lit(1))));
        aggs.add(count(when(s.gt(v), lit(1))));
        aggs.add(count(v));
        aggs.add(count(when(v.geq(10_000), lit(1))));
        aggs.add(count(when(v.geq(10_000).and(v.mod(100).equalTo(0)), lit(1))));
        aggs.add(count(when(v.gt(0).and(s.isNotNull()), lit(1))));
        aggs.add(expr("avg(cast(views as double))"));
        Row r = videos.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
        int n = Math.toIntExact(r.getLong(0));
        int k = Canonical.COUNTS.size();
        int[] missing = new int[k];
        Double[] constant = new Double[k];
        for (int m = 0; m < k; m++) {
            missing[m] = Math.toIntExact(r.getLong(1 + 3 * m));
            boolean same = missing[m] == 0 && n >= 3 && r.getLong(2 + 3 * m) == r.getLong(3 + 3 * m);
            constant[m] = same ? (double) r.getLong(2 + 3 * m) : null;
        }
        int at = 1 + 3 * k;
        int withViews = Math.toIntExact(r.getLong(at + 2));
        double skew = Double.NaN;
        if (withViews >= 3) {
            double mean = r.getDouble(at + 6);
            Column d = v.cast("double").minus(lit(mean));
            Row m = videos.filter(v.isNotNull()).agg(sum(d.multiply(d)), sum(d.multiply(d).multiply(d))).first();
            double m2 = m.getDouble(0) / withViews;
            double m3 = m.getDouble(1) / withViews;
            skew = m2 == 0 ? Double.NaN
                    : m3 / Math.pow(m2, 1.5) * Math.sqrt((double) withViews * (withViews - 1)) / (withViews - 2);
        }
        Row dup = videos.filter(col(Canonical.VIDEO_ID).isNotNull().and(expr("trim(video_id) != ''")))
                .groupBy(Canonical.VIDEO_ID).count().agg(sum(col("count").minus(1))).first();
        int duplicates = dup.isNullAt(0) ? 0 : Math.toIntExact(dup.getLong(0));
        return DataAlerts.from(new DataAlerts.Profile(n, missing, constant, Math.toIntExact(r.getLong(at)),
                Math.toIntExact(r.getLong(at + 1)), withViews, Math.toIntExact(r.getLong(at + 3)),
                Math.toIntExact(r.getLong(at + 4)), duplicates, skew, Math.toIntExact(r.getLong(at + 5))));
    }

    /**
     * {@link SavesAgainstViews#of}: extent and fit summed in Spark; the sample's positions among the placed
     * videos (in row order) drawn here with the local engine's generator, and only those rows fetched.
     */
    SavesAgainstViews savesAgainstViews(int maxPoints, long seed, long videoCount) {
        Dataset<Row> placed = videos.filter(col(Canonical.VIEWS).gt(0).and(col(Canonical.SAVES).gt(0)))
                .select(col(SparkCorpus.ROW), col(Canonical.VIEWS).cast("double").as("x"),
                        col(Canonical.SAVES).cast("double").as("y"));
        Column lx = log10(col("x"));
        Column ly = log10(col("y"));
        Row r = placed.agg(count(lit(1)), min("x"), max("x"), min("y"), max("y"), sum(lx), sum(ly),
                sum(lx.multiply(lx)), sum(lx.multiply(ly))).first();
        int n = Math.toIntExact(r.getLong(0));
        double[][] points = n == 0 ? new double[2][0]
                : RowSample.fetch(placed, SparkCorpus.ROW, new String[] {"x", "y"}, n <= maxPoints ? null
                        : sampledPositions(n, maxPoints, seed));
        SavesAgainstViews.Fit fit;
        if (n == 0) {
            fit = new SavesAgainstViews.Fit(Double.NaN, Double.NaN, 0);
        } else {
            double sx = r.getDouble(5);
            double sy = r.getDouble(6);
            double denom = n * r.getDouble(7) - sx * sx;
            double slope = (n * r.getDouble(8) - sx * sy) / denom;
            fit = n < 2 || denom <= 0 ? new SavesAgainstViews.Fit(Double.NaN, Double.NaN, n)
                    : new SavesAgainstViews.Fit(slope, (sy - slope * sx) / n, n);
        }
        return new SavesAgainstViews(points[0], points[1], n, Math.toIntExact(videoCount),
                n == 0 ? Double.MAX_VALUE : r.getDouble(1), n == 0 ? 0 : r.getDouble(2),
                n == 0 ? Double.MAX_VALUE : r.getDouble(3), n == 0 ? 0 : r.getDouble(4), fit);
    }

    /**
     * The positions {@code SavesAgainstViews.sample} keeps out of {@code n} rows, sorted: the same partial
     * Fisher–Yates shuffle with the same generator, over a map of the swapped places instead of an array of n.
     */
    static int[] sampledPositions(int n, int max, long seed) {
        Map<Integer, Integer> swapped = new HashMap<>();
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] out = new int[max];
        for (int i = 0; i < max; i++) {
            int j = i + rnd.nextInt(n - i);
            int atJ = swapped.getOrDefault(j, j);
            swapped.put(j, swapped.getOrDefault(i, i));
            out[i] = atJ;
        }
        Arrays.sort(out);
        return out;
    }

    /** {@code LocalAnalytics.titledRates}: the first row of each id gives the title, the first rated row the rate. */
    List<TitledRate> titledRates(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, String> titles = new HashMap<>();
        Map<String, Double> rates = new HashMap<>();
        Column rate = when(col(Canonical.VIEWS).gt(0).and(col(Canonical.SAVES).isNotNull()),
                col(Canonical.SAVES).cast("double").divide(col(Canonical.VIEWS).cast("double")));
        for (Row r : videos.filter(col(Canonical.VIDEO_ID).isin(ids.toArray())).orderBy(SparkCorpus.ROW)
                .select(col(Canonical.VIDEO_ID), col(Canonical.TITLE), rate).collectAsList()) {
            String title = text(r, 1);
            titles.putIfAbsent(r.getString(0), title.isBlank() ? "(untitled)" : title);
            if (!r.isNullAt(2)) {
                rates.putIfAbsent(r.getString(0), r.getDouble(2));
            }
        }
        return ids.stream().map(id -> new TitledRate(id, titles.get(id), rates.get(id))).toList();
    }

    /** {@link Accounts#count}: distinct non-blank accounts among the rated videos. */
    int accountCount() {
        return Math.toIntExact(rated.filter(col(Canonical.ACCOUNT).isNotNull().and(expr("trim(account) != ''")))
                .agg(countDistinct(Canonical.ACCOUNT)).first().getLong(0));
    }

    private static Column accountName() {
        return when(col(Canonical.ACCOUNT).isNull().or(expr("trim(account) = ''")), lit("(no account)"))
                .otherwise(col(Canonical.ACCOUNT));
    }

    /**
     * {@link Accounts#summarize}: sums and posting range per account, exact medians, and the Mann–Whitney test
     * of each account against the rest from rank sums over all rated videos (the test's normal approximation,
     * as commons-math computes it).
     */
    List<Accounts.Summary> accountSummaries() {
        Dataset<Row> named = rated.withColumn("name", accountName());
        Map<Object, Double> medians = GroupQuantiles.within(named, "name", "rate", 0.5);
        Dataset<Row> ranks = MidRanks.of(named.select(col("rate").as("v")));
        Map<String, Double> rankSums = new HashMap<>();
        for (Row r : named.join(ranks, named.col("rate").equalTo(ranks.col("v"))).groupBy("name")
                .agg(sum("rank")).collectAsList()) {
            rankSums.put(r.getString(0), r.getDouble(1));
        }
        List<Row> rows = named.groupBy("name").agg(count(lit(1)), sum(Canonical.VIEWS), sum(Canonical.SAVES),
                min(Canonical.POSTED_AT), max(Canonical.POSTED_AT)).collectAsList();
        long all = rows.stream().mapToLong(r -> r.getLong(1)).sum();
        List<Accounts.Summary> out = new ArrayList<>();
        for (Row r : rows) {
            String name = r.getString(0);
            long n1 = r.getLong(1);
            long n2 = all - n1;
            double p = n1 < 3 || n2 < 3 ? Double.NaN : mannWhitneyP(rankSums.get(name), n1, n2);
            long views = r.getLong(2);
            long saves = r.getLong(3);
            out.add(new Accounts.Summary(name, Math.toIntExact(n1), views, saves,
                    views == 0 ? Double.NaN : (double) saves / views, medians.get(name),
                    (Instant) r.get(4), (Instant) r.get(5), p));
        }
        out.sort(Comparator.comparingLong(Accounts.Summary::saves).reversed().thenComparing(Accounts.Summary::account));
        return out;
    }

    /** Two-sided p of the Mann–Whitney U test from the first sample's rank sum (normal approximation, no tie term). */
    static double mannWhitneyP(double rankSum, long n1, long n2) {
        double u1 = rankSum - (n1 * (n1 + 1)) / 2;
        double u2 = n1 * n2 - u1;
        double umin = n1 * n2 - Math.max(u1, u2);
        long product = n1 * n2;
        double mean = product / 2.0;
        double variance = product * (n1 + n2 + 1) / 12.0;
        double z = (umin - mean) / Math.sqrt(variance);
        return 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(z);
    }

    private static final String WEEKDAY = "cast(pmod(floor(unix_seconds(posted_at) / 86400) + 3, 7) as int)";
    private static final String HOUR = "cast(pmod(unix_seconds(posted_at), 86400) div 3600 as int)";

    /** {@link AudienceContext#postingGrid}: rated videos by UTC weekday and band of hours. */
    List<AudienceContext.PostingCell> postingGrid(int bandHours) {
        List<AudienceContext.PostingCell> out = new ArrayList<>();
        for (Row r : rated.filter(col(Canonical.POSTED_AT).isNotNull())
                .groupBy(expr(WEEKDAY).as("d"), expr(HOUR + " div " + bandHours).cast("int").as("b"))
                .agg(count(lit(1)), sum(Canonical.VIEWS), sum(Canonical.SAVES)).orderBy("d", "b").collectAsList()) {
            out.add(new AudienceContext.PostingCell(r.getInt(0) + 1, r.getInt(1) * bandHours,
                    Math.toIntExact(r.getLong(2)), (double) r.getLong(4) / r.getLong(3)));
        }
        return out;
    }

    /**
     * {@link AudienceContext#postingHours}: Spearman's rho as Pearson's r of mid-ranks, the activity's ranks
     * from its counts per hour (24 values at most) and the rates' from {@link MidRanks}; medians exact.
     */
    AudienceContext.PostingHours postingHours(double[] activeByHour) {
        double[] known = Arrays.stream(activeByHour).filter(d -> !Double.isNaN(d)).toArray();
        double cut = known.length == 0 ? Double.NaN : SaveRate.quantile(known, 0.75);
        List<Integer> busy = new ArrayList<>();
        List<Integer> withActivity = new ArrayList<>();
        StringBuilder activity = new StringBuilder("case");
        for (int h = 0; h < 24; h++) {
            if (!Double.isNaN(activeByHour[h])) {
                withActivity.add(h);
                activity.append(" when h = ").append(h).append(" then ").append(Double.toString(activeByHour[h]))
                        .append("D");
                if (activeByHour[h] >= cut) {
                    busy.add(h);
                }
            }
        }
        Dataset<Row> used = rated.filter(col(Canonical.POSTED_AT).isNotNull()).withColumn("h", expr(HOUR))
                .filter(col("h").isin(withActivity.toArray())).withColumn("x", expr(activity + " end"))
                .withColumn("busy", col("h").isin(busy.toArray())).select("x", "rate", "busy").cache();
        Map<Object, Long> sizes = new HashMap<>();
        for (Row r : used.groupBy("busy").count().collectAsList()) {
            sizes.put(r.get(0), r.getLong(1));
        }
        Map<Object, Double> medians = GroupQuantiles.within(used, "busy", "rate", 0.5);
        long n = sizes.values().stream().mapToLong(Long::longValue).sum();
        RankCorrelation rc = RankCorrelation.ofRho(Math.toIntExact(n), n < 4 ? Double.NaN : rankPearson(used, n));
        used.unpersist();
        return new AudienceContext.PostingHours(rc, busy, Math.toIntExact(sizes.getOrDefault(true, 0L)),
                Math.toIntExact(sizes.getOrDefault(false, 0L)), medians.getOrDefault(true, Double.NaN),
                medians.getOrDefault(false, Double.NaN));
    }

    /** Pearson's r of the mid-ranks of columns x and rate of {@code used}, centred on their mean rank. */
    private static double rankPearson(Dataset<Row> used, long n) {
        TreeMap<Double, Long> xCounts = new TreeMap<>();
        for (Row r : used.groupBy("x").count().collectAsList()) {
            xCounts.put(r.getDouble(0), r.getLong(1));
        }
        StringBuilder xRank = new StringBuilder("case");
        long seen = 0;
        for (var e : xCounts.entrySet()) {
            double rank = (seen + 1 + seen + e.getValue()) / 2.0;
            xRank.append(" when x = ").append(Double.toString(e.getKey())).append("D then ")
                    .append(Double.toString(rank)).append("D");
            seen += e.getValue();
        }
        Dataset<Row> yRanks = MidRanks.of(used.select(col("rate").as("v")));
        double mean = (n + 1) / 2.0;
        Column a = expr(xRank + " end").minus(lit(mean));
        Dataset<Row> joined = used.join(yRanks, used.col("rate").equalTo(yRanks.col("v")));
        Column b = col("rank").minus(lit(mean));
        Row r = joined.agg(sum(a.multiply(b)), sum(a.multiply(a)), sum(b.multiply(b))).first();
        double sab = r.getDouble(0);
        double saa = r.getDouble(1);
        double sbb = r.getDouble(2);
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    /** The distinct lower-case hashtags of a video as {@code RatedVideo.hashtagSet} splits them. */
    private static Column tags() {
        return expr("array_distinct(filter(split(lower(coalesce(hashtags, '')), '[ \\\\t\\\\n\\\\x0B\\\\f\\\\r#,]+'),"
                + " t -> t != ''))");
    }

    /** {@link Experiment#detect}: a variant column's values, else sibling hashtags counted in Spark. */
    List<Experiment.Arm> experimentArms() {
        if (List.of(videos.columns()).contains(VARIANT)) {
            List<Experiment.Arm> arms = new ArrayList<>();
            new java.util.TreeSet<String>(videos.select(col(VARIANT).cast("string")).distinct().collectAsList().stream()
                    .map(r -> String.valueOf(r.isNullAt(0) ? "" : r.getString(0)))
                    .filter(s -> !s.isBlank() && !s.equals("null")).toList())
                    .forEach(v -> arms.add(new Experiment.Arm(v, null, null, null, v)));
            if (arms.size() >= 2) {
                return arms;
            }
        }
        Dataset<Row> tagged = rated.select(col(SparkCorpus.ROW), org.apache.spark.sql.functions.explode(tags()).as("tag"));
        Map<String, Integer> tagCount = new TreeMap<>();
        for (Row r : tagged.groupBy("tag").count().filter(col("count").geq(Experiment.MIN_VIDEOS)
                .and(col("tag").rlike("^(.{2,}?)([a-d]|[1-4])$"))).collectAsList()) {
            tagCount.put(r.getString(0), Math.toIntExact(r.getLong(1)));
        }
        Map<String, List<String>> byStem = new TreeMap<>();
        tagCount.keySet().forEach(t -> byStem.computeIfAbsent(t.substring(0, t.length() - 1), k -> new ArrayList<>()).add(t));
        byStem.values().removeIf(tags -> tags.size() < 2);
        if (byStem.isEmpty()) {
            return List.of();
        }
        Map<String, String> stemOf = new HashMap<>();
        byStem.forEach((stem, tags) -> tags.forEach(t -> stemOf.put(t, stem)));
        StringBuilder stemCase = new StringBuilder("case");
        stemOf.forEach((t, stem) -> stemCase.append(" when tag = ").append(sqlText(t)).append(" then ").append(sqlText(stem)));
        Set<String> together = new java.util.HashSet<>();
        for (Row r : tagged.filter(col("tag").isin(stemOf.keySet().toArray())).withColumn("stem", expr(stemCase + " end"))
                .groupBy(SparkCorpus.ROW, "stem").count().filter(col("count").gt(1)).select("stem").distinct()
                .collectAsList()) {
            together.add(r.getString(0));
        }
        List<String> best = List.of();
        int bestVideos = 0;
        for (var e : byStem.entrySet()) {
            int videosTagged = e.getValue().stream().mapToInt(tagCount::get).sum();
            if (!together.contains(e.getKey()) && videosTagged > bestVideos) {
                best = e.getValue();
                bestVideos = videosTagged;
            }
        }
        return best.stream().map(t -> new Experiment.Arm("#" + t, t, null, null, null)).toList();
    }

    private static String sqlText(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * {@link Experiment#assign} in Spark, then {@link Experiment#outcome} here: the videos of the variants (a
     * tagged or dated subset) come to the driver, which resamples and permutes them as the local engine does.
     */
    Experiment.Outcome experiment(List<Experiment.Arm> arms) {
        boolean hasVariant = List.of(videos.columns()).contains(VARIANT);
        Column hits = lit(0);
        Column which = lit(-1);
        for (int a = arms.size() - 1; a >= 0; a--) {
            Column m = matches(arms.get(a), hasVariant);
            hits = hits.plus(when(m, lit(1)).otherwise(lit(0)));
            which = when(m, lit(a)).otherwise(which);
        }
        Dataset<Row> assigned = rated.withColumn("hits", hits).withColumn("arm", which).filter(col("hits").gt(0)).cache();
        long overlapping = assigned.filter(col("hits").gt(1)).count();
        Map<String, List<RatedVideo>> out = new LinkedHashMap<>();
        arms.forEach(a -> out.put(a.name(), new ArrayList<>()));
        for (Row r : assigned.filter(col("hits").equalTo(1)).orderBy(SparkCorpus.ROW)
                .select(col("arm"), col(Canonical.VIDEO_ID), col(Canonical.ACCOUNT), col(Canonical.POSTED_AT),
                        col(Canonical.VIEWS), col(Canonical.SAVES)).collectAsList()) {
            out.get(arms.get(r.getInt(0)).name()).add(new RatedVideo(text(r, 1), text(r, 2),
                    r.isNullAt(3) ? null : (Instant) r.get(3), r.getLong(4), r.getLong(5), Set.of(), ""));
        }
        assigned.unpersist();
        return Experiment.outcome(new Experiment.Assignment(out, Math.toIntExact(overlapping), ""));
    }

    private static Column matches(Experiment.Arm arm, boolean hasVariant) {
        if (arm.hashtag() != null) {
            return array_contains(tags(), arm.hashtag());
        }
        if (arm.variant() != null) {
            return hasVariant ? org.apache.spark.sql.functions.coalesce(col(VARIANT).cast("string").equalTo(arm.variant()),
                    lit(false)) : lit(false);
        }
        Column day = expr("to_date(posted_at)");
        return col(Canonical.POSTED_AT).isNotNull().and(day.geq(lit(arm.from()))).and(day.leq(lit(arm.to())));
    }
}
