package savescope.spark;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.special.Gamma;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import savescope.metrics.GroupComparison;
import savescope.metrics.GroupComparison.Group;
import savescope.metrics.Histogram;
import savescope.metrics.Intervals;
import savescope.metrics.Intervals.Interval;
import savescope.metrics.Quadrants;
import savescope.metrics.Rankings;
import savescope.metrics.Rates;
import savescope.metrics.Totals;
import savescope.model.Canonical;

/**
 * Computes {@link Aggregates} in Spark: sums and counts as SQL aggregates, quantiles and bootstrap intervals
 * from one distributed sort ({@link OrderStatistics}), ranks for the Kruskal–Wallis test from sorted runs of
 * ties ({@link MidRanks}); only a few thousand numbers come back to the driver. Every definition is the
 * local metrics' (see the class named beside each step), so the two engines agree.
 */
public final class SparkAggregates {
    // Dimensions of the one sort that serves every quantile.
    private static final int RATE = 0;
    private static final int VIEWS = 1;
    private static final int ELIGIBLE = 2;
    private static final int TYPE = 3;
    private static final int DURATION = 4;
    private static final int WEEKDAY = 5;
    private static final int HOUR = 6;
    private static final int HASHTAG = 7;

    private SparkAggregates() {}

    /**
     * @param minViews videos need this many views to be ranked ({@code --min-views})
     * @param followers the account's follower count, or null
     */
    public static Aggregates compute(SparkCorpus corpus, long minViews, Long followers) {
        long t0 = System.nanoTime();
        Dataset<Row> videos = corpus.videos();
        Totals totals = totals(videos);
        Dataset<Row> rated = videos.filter(col(Canonical.VIEWS).gt(0).and(col(Canonical.SAVES).isNotNull()))
                .withColumn("rate", col(Canonical.SAVES).cast("double").divide(col(Canonical.VIEWS).cast("double")));
        List<String> types = contentTypes(rated);
        List<String> hashtags = topHashtags(rated);
        Dataset<Row> keyed = withGroupKeys(rated, types, hashtags, minViews);
        Quantiles qs = orderStatistics(rated, keyed);
        tick("orderstats", t0);
        Rates rates = rates(videos, qs, followers);
        Interval medianCi = qs.has(RATE, 0) ? qs.bootstrap(RATE, 0) : null;
        Map<String, GroupComparison.Result> groups = new LinkedHashMap<>();
        groups.put(GroupComparison.CONTENT_TYPE, groups(GroupComparison.CONTENT_TYPE, TYPE, types, false, true, qs, keyed));
        groups.put(GroupComparison.HASHTAG, groups(GroupComparison.HASHTAG, HASHTAG, hashtags, false, false, qs, keyed));
        groups.put(GroupComparison.DURATION, groups(GroupComparison.DURATION, DURATION,
                GroupComparison.DURATION_BUCKETS, true, true, qs, keyed));
        groups.put(GroupComparison.WEEKDAY, groups(GroupComparison.WEEKDAY, WEEKDAY, weekdays(), true, true, qs, keyed));
        groups.put(GroupComparison.HOUR, groups(GroupComparison.HOUR, HOUR, hours(), true, true, qs, keyed));
        tick("groups", t0);
        Quadrants.Summary quadrants = quadrants(rated, qs);
        Rankings rankings = SparkRankings.of(rated, minViews, 10, qs.has(ELIGIBLE, 0) ? qs.n(ELIGIBLE, 0) : 0,
                qs.has(ELIGIBLE, 0) && qs.n(ELIGIBLE, 0) >= 4 ? new double[] {qs.q(ELIGIBLE, 0, 0.25),
                    qs.q(ELIGIBLE, 0, 0.5), qs.q(ELIGIBLE, 0, 0.75)} : null);
        tick("rankings", t0);
        var correlations = new SparkCorrelations(videos);
        var counts = correlations.counts();
        tick("count correlations", t0);
        var rateCorrelations = correlations.rates();
        tick("rate correlations", t0);
        var partial = correlations.partialWithSaves();
        tick("partial correlations", t0);
        var daily = daily(corpus.daily());
        Row posted = videos.agg(min(Canonical.POSTED_AT), max(Canonical.POSTED_AT)).first();
        Map<String, Double> perView = new LinkedHashMap<>();
        for (List<String> names : Aggregates.PER_VIEW) {
            perView.put(Aggregates.perViewKey(names), perView(videos, names));
        }
        tick("daily and context", t0);
        return new Aggregates(totals, rates, medianCi, groups, quadrants, rankings, counts, rateCorrelations, partial,
                daily, accounts(videos), iso(posted, 0), iso(posted, 1),
                histogram(keyed, qs, Aggregates.HISTOGRAM_BINS), perView, corpus.load());
    }

    /** With {@code -Dsavescope.timing=true}, says on stderr when each step ended, for measuring big runs. */
    static void tick(String step, long t0) {
        if (Boolean.getBoolean("savescope.timing")) {
            System.err.printf(Locale.ROOT, "spark: %s done at %.1f s%n", step, (System.nanoTime() - t0) / 1e9);
        }
    }

    private static long key(int dim, int group) {
        return RateWalk.key(dim, group);
    }

    private static double[] quantilesOf(int dim) {
        return switch (dim) {
            case RATE -> new double[] {0.1, 0.5, 0.9};
            case VIEWS -> new double[] {0.5};
            case ELIGIBLE -> new double[] {0.25, 0.5, 0.75};
            default -> new double[] {0.5};
        };
    }

    /** {@link Totals#of}: a sum is null when no video has the count. */
    static Totals totals(Dataset<Row> videos) {
        Row r = videos.agg(count(lit(1)), sum(Canonical.VIEWS), sum(Canonical.LIKES), sum(Canonical.COMMENTS),
                sum(Canonical.SHARES), sum(Canonical.SAVES)).first();
        return new Totals(r.getLong(0), boxed(r, 1), boxed(r, 2), boxed(r, 3), boxed(r, 4), boxed(r, 5));
    }

    private static Long boxed(Row r, int i) {
        return r.isNullAt(i) ? null : ((Number) r.get(i)).longValue();
    }

    /** {@link Rates#of}: each ratio of sums over the videos that have every count it needs. */
    static Rates rates(Dataset<Row> videos, Quantiles qs, Long followers) {
        Column v = col(Canonical.VIEWS);
        Column l = col(Canonical.LIKES);
        Column c = col(Canonical.COMMENTS);
        Column sh = col(Canonical.SHARES);
        Column s = col(Canonical.SAVES);
        Column vs = v.isNotNull().and(s.isNotNull());
        Column ls = l.isNotNull().and(s.isNotNull());
        Column four = ls.and(c.isNotNull()).and(sh.isNotNull());
        Column five = four.and(v.isNotNull());
        Column eng = l.plus(c).plus(sh).plus(s);
        Row r = videos.agg(sum(when(vs, v)), sum(when(vs, s)), sum(when(ls, s)), sum(when(ls, l)),
                sum(when(four, eng)), sum(when(four, s)), sum(when(five, eng)), sum(when(five, v)),
                count(when(five, lit(1))), count(when(vs, lit(1)))).first();
        double sumViewsS = num(r, 0);
        double sumSavesV = num(r, 1);
        double sumSavesL = num(r, 2);
        double sumLikesS = num(r, 3);
        double sumEng4 = num(r, 4);
        double sumSaves4 = num(r, 5);
        double sumEng5 = num(r, 6);
        double sumViews5 = num(r, 7);
        long videos5 = r.getLong(8);
        Double overall = sumViewsS > 0 ? sumSavesV / sumViewsS : null;
        Double byFollowers = followers != null && followers > 0 && videos5 > 0 ? sumEng5 / videos5 / followers : null;
        boolean any = qs.has(RATE, 0);
        return new Rates(overall, any ? qs.q(RATE, 0, 0.5) : null, any ? qs.q(RATE, 0, 0.1) : null,
                any ? qs.q(RATE, 0, 0.9) : null, any ? Math.toIntExact(qs.n(RATE, 0)) : 0,
                overall == null ? null : overall * 1000, sumLikesS > 0 ? sumSavesL / sumLikesS : null,
                sumEng4 > 0 ? sumSaves4 / sumEng4 : null, sumViews5 > 0 ? sumEng5 / sumViews5 : null, byFollowers,
                followers, Math.round(sumSavesV), Math.round(sumViewsS), Math.toIntExact(r.getLong(9)));
    }

    private static double num(Row r, int i) {
        return r.isNullAt(i) ? 0 : ((Number) r.get(i)).doubleValue();
    }

    /** Content type names as {@code GroupComparison.byContentType} keys them: blank is "unknown". */
    private static Column typeKey() {
        Column stripped = expr("regexp_replace(content_type, '^\\\\s+|\\\\s+$', '')");
        return when(col(Canonical.CONTENT_TYPE).isNull().or(stripped.equalTo("")), lit("unknown")).otherwise(stripped);
    }

    private static List<String> contentTypes(Dataset<Row> rated) {
        List<String> out = new ArrayList<>();
        for (Row r : rated.groupBy(typeKey().as("k")).count().collectAsList()) {
            out.add(r.getString(0));
        }
        out.sort(null);
        return out;
    }

    private static Column tagArray() {
        return array_distinct(expr("filter(split(coalesce(hashtags, ''), '\\\\s+'), t -> t != '')"));
    }

    /** The {@link GroupComparison#TOP_HASHTAGS} hashtags on the most rated videos, ties by name. */
    private static List<String> topHashtags(Dataset<Row> rated) {
        List<String> out = new ArrayList<>();
        for (Row r : rated.select(explode(tagArray()).as("tag")).groupBy("tag").count()
                .orderBy(col("count").desc(), col("tag").asc()).limit(GroupComparison.TOP_HASHTAGS).collectAsList()) {
            out.add(r.getString(0));
        }
        return out;
    }

    private static List<String> weekdays() {
        List<String> out = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            out.add(d.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        }
        return out;
    }

    private static List<String> hours() {
        List<String> out = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            out.add(String.format(Locale.ROOT, "%02d", h));
        }
        return out;
    }

    /** Each rated video with its group index in every dimension (−1: none) and its hashtag indexes. */
    private static Dataset<Row> withGroupKeys(Dataset<Row> rated, List<String> types, List<String> hashtags,
            long minViews) {
        Column d = col(Canonical.DURATION_S);
        Column bucket = when(d.isNull().or(d.isNaN()).or(d.lt(0)), lit(-1)).when(d.equalTo(0), lit(0))
                .when(d.lt(15), lit(1)).when(d.lt(30), lit(2)).when(d.lt(60), lit(3)).when(d.lt(180), lit(4))
                .otherwise(lit(5));
        Column seconds = expr("unix_seconds(posted_at)");
        Column weekday = when(seconds.isNull(), lit(-1)).otherwise(expr("pmod(floor(unix_seconds(posted_at) / 86400) + 3, 7)").cast("int"));
        Column hour = when(seconds.isNull(), lit(-1)).otherwise(expr("pmod(unix_seconds(posted_at), 86400) div 3600").cast("int"));
        StructType typeSchema = new StructType().add("_type", DataTypes.StringType).add("type_g", DataTypes.IntegerType);
        List<Row> typeRows = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            typeRows.add(RowFactory.create(types.get(i), i));
        }
        Dataset<Row> typeIndex = rated.sparkSession().createDataFrame(typeRows, typeSchema);
        Column tagIndex = hashtags.isEmpty() ? expr("cast(array() as array<int>)")
                : expr("cast(filter(transform(" + tagArraySql() + ", t -> array_position(array(" + quoted(hashtags)
                        + "), t) - 1), i -> i >= 0) as array<int>)");
        return rated.withColumn("_type", typeKey()).join(broadcast(typeIndex), "_type")
                .withColumn("duration_g", bucket).withColumn("weekday_g", weekday).withColumn("hour_g", hour)
                .withColumn("tag_g", tagIndex).withColumn("eligible", col(Canonical.VIEWS).geq(minViews));
    }

    private static String tagArraySql() {
        return "array_distinct(filter(split(coalesce(hashtags, ''), '\\\\s+'), t -> t != ''))";
    }

    private static String quoted(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            out.add("'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'");
        }
        return String.join(", ", out);
    }

    /**
     * Every order statistic the report reads, from one sort by rate ({@link RateWalk}) and one by views (the
     * quadrants' median views); each group's bootstrap positions are drawn here, as the local engine draws them.
     */
    private static Quantiles orderStatistics(Dataset<Row> rated, Dataset<Row> keyed) {
        RateWalk walk = new RateWalk(RATE, new int[] {TYPE, DURATION, WEEKDAY, HOUR, HASHTAG, ELIGIBLE});
        JavaRDD<Row> sorted = RateWalk.sorted(keyed);
        List<Map<Long, long[]>> perPartition = walk.count(sorted);
        Map<Long, long[]> sizes = new HashMap<>();
        List<Map<Long, Long>> before = new ArrayList<>();
        for (Map<Long, long[]> part : perPartition) {
            Map<Long, Long> b = new HashMap<>();
            sizes.forEach((k, s) -> b.put(k, s[0]));
            before.add(b);
            part.forEach((k, s) -> {
                long[] t = sizes.computeIfAbsent(k, x -> new long[3]);
                for (int i = 0; i < 3; i++) {
                    t[i] += s[i];
                }
            });
        }
        Map<Long, BootstrapPlan> plans = new HashMap<>();
        Map<Long, long[]> wanted = new HashMap<>();
        for (var e : sizes.entrySet()) {
            long k = e.getKey();
            long n = e.getValue()[0];
            Set<Long> at = new TreeSet<>();
            for (double q : quantilesOf(RateWalk.dim(k))) {
                OrderStatistics.quantilePositions(0, n, q, at);
            }
            if (RateWalk.dim(k) == RATE) {
                at.add(p99Position(n));
            }
            if (RateWalk.dim(k) != ELIGIBLE) {
                BootstrapPlan plan = BootstrapPlan.draw(Math.toIntExact(n));
                plan.positions(0, at);
                plans.put(k, plan);
            }
            wanted.put(k, at.stream().mapToLong(Long::longValue).toArray());
        }
        Set<Long> judged = judgedGroups(sizes);
        List<Map<Long, long[]>> wantedPerPartition = new ArrayList<>();
        List<Map<Integer, Long>> judgedBefore = new ArrayList<>();
        for (int p = 0; p < perPartition.size(); p++) {
            Map<Long, long[]> w = new HashMap<>();
            Map<Integer, Long> j = new HashMap<>();
            for (var e : perPartition.get(p).entrySet()) {
                long k = e.getKey();
                long from = before.get(p).getOrDefault(k, 0L);
                long to = from + e.getValue()[0];
                long[] inside = java.util.Arrays.stream(wanted.get(k)).filter(x -> x >= from && x < to).toArray();
                if (inside.length > 0) {
                    w.put(k, inside);
                }
            }
            for (long k : judged) {
                j.merge(RateWalk.dim(k), before.get(p).getOrDefault(k, 0L), Long::sum);
            }
            wantedPerPartition.add(w);
            judgedBefore.add(j);
        }
        Map<Long, Map<Long, Double>> values = new HashMap<>();
        Map<Integer, MidRanks.Sums> kruskal = new HashMap<>();
        for (RateWalk.Found f : walk.fetch(sorted, wantedPerPartition, before, judged, judgedBefore)) {
            f.values.forEach((k, m) -> values.computeIfAbsent(k, x -> new HashMap<>()).putAll(m));
            f.kruskal.forEach((d, s) -> kruskal.computeIfAbsent(d, x -> new MidRanks.Sums()).add(s));
        }
        if (sizes.containsKey(key(RATE, 0))) {
            long n = sizes.get(key(RATE, 0))[0];
            Set<Long> mid = new TreeSet<>();
            OrderStatistics.quantilePositions(0, n, 0.5, mid);
            values.put(key(VIEWS, 0), OrderStatistics.at(rated.select(col(Canonical.VIEWS).cast("double").as("v")),
                    mid.stream().mapToLong(Long::longValue).toArray()));
            sizes.put(key(VIEWS, 0), sizes.get(key(RATE, 0)));
        }
        return new Quantiles(sizes, values, plans, kruskal);
    }

    /** The groups large enough to judge, in the exclusive dimensions that have at least two of them. */
    private static Set<Long> judgedGroups(Map<Long, long[]> sizes) {
        Set<Long> out = new java.util.HashSet<>();
        for (int dim : new int[] {TYPE, DURATION, WEEKDAY, HOUR}) {
            List<Long> groups = new ArrayList<>();
            sizes.forEach((k, s) -> {
                if (RateWalk.dim(k) == dim && !tooSmall(s)) {
                    groups.add(k);
                }
            });
            if (groups.size() >= 2) {
                out.addAll(groups);
            }
        }
        return out;
    }

    /** The order statistics fetched, read as quantiles and bootstrap intervals of one group. */
    record Quantiles(Map<Long, long[]> sizes, Map<Long, Map<Long, Double>> values, Map<Long, BootstrapPlan> plans,
            Map<Integer, MidRanks.Sums> kruskal) {
        boolean has(int dim, int g) {
            return sizes.containsKey(key(dim, g));
        }

        long n(int dim, int g) {
            return sizes.get(key(dim, g))[0];
        }

        double q(int dim, int g, double q) {
            return OrderStatistics.quantile(values.get(key(dim, g)), 0, n(dim, g), q);
        }

        Interval bootstrap(int dim, int g) {
            return plans.get(key(dim, g)).interval(values.get(key(dim, g)), 0);
        }
    }

    private static boolean tooSmall(long[] size) {
        return size[0] < GroupComparison.MIN_VIDEOS || size[1] < GroupComparison.MIN_VIEWS;
    }

    /** One dimension's groups as {@code GroupComparison} builds them. */
    private static GroupComparison.Result groups(String name, int dim, List<String> names, boolean natural,
            boolean exclusive, Quantiles qs, Dataset<Row> keyed) {
        List<Group> groups = new ArrayList<>();
        List<Integer> judged = new ArrayList<>();
        for (int g = 0; g < names.size(); g++) {
            long k = key(dim, g);
            long[] s = qs.sizes().get(k);
            if (s == null) {
                continue;
            }
            boolean small = tooSmall(s);
            groups.add(new Group(names.get(g), Math.toIntExact(s[0]), s[1], s[2], (double) s[2] / s[1],
                    Intervals.wilson(s[2], s[1], Intervals.Z95), qs.q(dim, g, 0.5),
                    qs.bootstrap(dim, g), small));
            if (!small) {
                judged.add(g);
            }
        }
        if (!natural) {
            groups.sort(Comparator.comparingLong(Group::views).reversed().thenComparing(Group::key));
        }
        GroupComparison.Test test = null;
        MidRanks.Sums sums = qs.kruskal().get(dim);
        if (exclusive && judged.size() >= 2 && sums != null) {
            test = kruskalWallis(sums, judged);
        }
        return new GroupComparison.Result(name, List.copyOf(groups), test, withoutGroup(keyed, dim, qs));
    }

    /** {@code GroupComparison.kruskalWallisFrom}: H tie-corrected, p from the chi-square upper tail. */
    private static GroupComparison.Test kruskalWallis(MidRanks.Sums sums, List<Integer> judged) {
        double sum = 0;
        for (int g : judged) {
            double r = sums.rankSum.get(g);
            sum += r * r / sums.size.get(g);
        }
        double n = sums.n;
        double h = 12.0 / (n * (n + 1)) * sum - 3.0 * (n + 1);
        double correction = 1 - sums.tieSum / (n * n * n - n);
        if (correction <= 0) {
            return null;
        }
        h /= correction;
        int df = judged.size() - 1;
        double p = Gamma.regularizedGammaQ(df / 2.0, Math.max(0, h) / 2);
        return new GroupComparison.Test(h, df, p, judged.size(), Math.toIntExact(sums.n));
    }

    /** Rated videos in no group of the dimension: what the exclusive groups leave, or no top hashtag. */
    private static int withoutGroup(Dataset<Row> keyed, int dim, Quantiles qs) {
        if (dim == HASHTAG) {
            return Math.toIntExact(keyed.filter(expr("size(tag_g) = 0")).count());
        }
        long grouped = 0;
        for (var e : qs.sizes().entrySet()) {
            grouped += RateWalk.dim(e.getKey()) == dim ? e.getValue()[0] : 0;
        }
        return qs.has(RATE, 0) ? Math.toIntExact(qs.n(RATE, 0) - grouped) : 0;
    }

    /** {@link Quadrants#of}: split at the medians of views and save rate; a video on a median counts as high. */
    private static Quadrants.Summary quadrants(Dataset<Row> rated, Quantiles qs) {
        if (!qs.has(RATE, 0)) {
            return new Quadrants.Summary(Double.NaN, Double.NaN, List.of());
        }
        double medianViews = qs.q(VIEWS, 0, 0.5);
        double medianRate = qs.q(RATE, 0, 0.5);
        Column many = col(Canonical.VIEWS).cast("double").geq(medianViews);
        Column kept = col("rate").geq(medianRate);
        Column q = when(many, when(kept, lit(0)).otherwise(lit(1))).otherwise(when(kept, lit(2)).otherwise(lit(3)));
        long[][] by = new long[4][3];
        for (Row r : rated.groupBy(q.as("q")).agg(count(lit(1)), sum(Canonical.VIEWS), sum(Canonical.SAVES))
                .collectAsList()) {
            by[r.getInt(0)] = new long[] {r.getLong(1), r.getLong(2), r.getLong(3)};
        }
        List<Quadrants.Quadrant> list = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            list.add(Quadrants.quadrant(i, Math.toIntExact(by[i][0]), by[i][1], by[i][2]));
        }
        return new Quadrants.Summary(medianViews, medianRate, List.copyOf(list));
    }

    private static String iso(Row r, int i) {
        return r.isNullAt(i) ? null : ((Instant) r.get(i)).toString();
    }

    /** {@code LocalAnalytics.accounts}: distinct, sorted, blanks left out. */
    private static List<String> accounts(Dataset<Row> videos) {
        List<String> out = new ArrayList<>();
        for (Row r : videos.select(Canonical.ACCOUNT).distinct().collectAsList()) {
            if (!r.isNullAt(0) && !r.getString(0).isBlank()) {
                out.add(r.getString(0));
            }
        }
        out.sort(null);
        return List.copyOf(out);
    }

    /** {@code LocalAnalytics.perView}: the counts' sum over the sum of views, videos with views and all counts. */
    static Double perView(Dataset<Row> videos, List<String> counts) {
        Column all = col(Canonical.VIEWS).isNotNull();
        Column sum = lit(0L);
        for (String c : counts) {
            all = all.and(col(c).isNotNull());
            sum = sum.plus(col(c));
        }
        Row r = videos.agg(sum(when(all, col(Canonical.VIEWS))), sum(when(all, sum))).first();
        long views = r.isNullAt(0) ? 0 : r.getLong(0);
        return views == 0 ? null : (double) (r.isNullAt(1) ? 0 : r.getLong(1)) / views;
    }

    /**
     * {@link Histogram#ofRates}: bins of a round width up to the 99th percentile (an order statistic from the
     * sort by rate), counted in Spark with the same bin rule.
     */
    private static Histogram histogram(Dataset<Row> keyed, Quantiles qs, int maxBins) {
        if (!qs.has(RATE, 0)) {
            return null;
        }
        long n = qs.n(RATE, 0);
        return histogram(keyed, n, qs.values().get(key(RATE, 0)).get(p99Position(n)), maxBins);
    }

    /** The histogram of the {@code n} rates (column {@code rate}) of {@code rated}, whose 99th percentile is {@code p99}. */
    static Histogram histogram(Dataset<Row> rated, long n, double p99, int maxBins) {
        int bins = Math.min(maxBins, Math.max(5, (int) Math.ceil(2 * Math.cbrt(n))));
        double topPercent = 100 * Math.max(p99, 1e-4);
        BigDecimal width = Histogram.niceStep(topPercent / bins);
        int count = Math.max(1, (int) Math.ceil(topPercent / width.doubleValue()));
        Column bin = expr("least(" + (count - 1) + ", greatest(0, cast(floor(100 * rate / " + width.doubleValue()
                + "D + 1e-9D) as int)))");
        long[] counts = new long[count];
        for (Row r : rated.groupBy(bin.as("bin")).count().collectAsList()) {
            counts[r.getInt(0)] = r.getLong(1);
        }
        return new Histogram(width, counts, n);
    }

    /** The position {@link Histogram#ofRates} reads its top from. */
    static long p99Position(long n) {
        return (long) Math.floor(0.99 * (n - 1));
    }

    /** The daily table summed per day. */
    static List<Aggregates.DailyTotal> daily(Dataset<Row> daily) {
        List<Aggregates.DailyTotal> out = new ArrayList<>();
        for (Row r : daily.filter(col(Canonical.DATE).isNotNull()).groupBy(col(Canonical.DATE).cast("string").as("d"))
                .agg(countDistinct(Canonical.VIDEO_ID), sum(Canonical.VIEWS), sum(Canonical.LIKES),
                        sum(Canonical.COMMENTS), sum(Canonical.SHARES), sum(Canonical.SAVES))
                .orderBy("d").collectAsList()) {
            out.add(new Aggregates.DailyTotal(r.getString(0), r.getLong(1), boxed(r, 2), boxed(r, 3), boxed(r, 4),
                    boxed(r, 5), boxed(r, 6)));
        }
        return out;
    }

    static Column present(Column c) {
        return coalesce(c.isNotNull(), lit(false));
    }
}
