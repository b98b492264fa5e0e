package savescope.metrics;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.util.CombinatoricsUtils;
import savescope.UserError;
import savescope.model.Canonical;
import tech.tablesaw.api.Table;

/**
 * Compares the save rates of variants in a posting experiment (videos marked by a hashtag, a date range or a
 * variant column): the difference with a bootstrap interval over videos, a permutation p-value over videos,
 * the videos per variant a conclusive answer would need, and a verdict that never claims more than the
 * numbers allow. Videos, not views, are the unit: views of one video are not independent trials.
 */
public final class Experiment {
    /** Fewer videos than this in a variant and nothing is concluded. */
    public static final int MIN_VIDEOS = 3;
    public static final int BOOTSTRAP = 2000;
    public static final int PERMUTATIONS = 10000;
    /** Up to this many ways to split the videos, every split is tried and the p-value is exact. */
    public static final int EXACT_LIMIT = 20000;
    public static final long SEED = 20240601L;

    private Experiment() {}

    /**
     * Which videos belong to a variant.
     *
     * @param name the variant's name
     * @param hashtag a hashtag (lower case, no #), or null
     * @param from first posting day (UTC) of a date range, or null
     * @param to last posting day of the range, inclusive
     * @param variant a value of the {@code variant} column, or null
     */
    public record Arm(String name, String hashtag, LocalDate from, LocalDate to, String variant) {
        /** {@code NAME=#tag}, {@code NAME=YYYY-MM-DD..YYYY-MM-DD} or {@code NAME=variant:VALUE}. */
        public static Arm parse(String spec) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new UserError("--compare \"" + spec + "\": expected NAME=#hashtag, "
                        + "NAME=YYYY-MM-DD..YYYY-MM-DD or NAME=variant:VALUE, e.g. --compare A=#hookA");
            }
            String name = spec.substring(0, eq).strip();
            String rule = spec.substring(eq + 1).strip();
            if (name.isEmpty()) {
                throw new UserError("--compare \"" + spec + "\": the variant name before \"=\" is empty");
            }
            if (rule.startsWith("#") && rule.length() > 1) {
                String tag = rule.substring(1).strip();
                if (tag.isEmpty() || tag.chars().anyMatch(c -> Character.isWhitespace(c) || c == '#' || c == ',')) {
                    throw new UserError("--compare \"" + spec + "\": expected one hashtag after \"=\", "
                            + "found \"" + rule + "\"; give each variant one rule");
                }
                return new Arm(name, tag.toLowerCase(Locale.ROOT), null, null, null);
            }
            if (rule.startsWith("variant:") && rule.length() > 8) {
                return new Arm(name, null, null, null, rule.substring(8));
            }
            int dots = rule.indexOf("..");
            if (dots > 0) {
                try {
                    LocalDate from = LocalDate.parse(rule.substring(0, dots).strip());
                    LocalDate to = LocalDate.parse(rule.substring(dots + 2).strip());
                    if (to.isBefore(from)) {
                        throw new UserError("--compare \"" + spec + "\": the range ends (" + to
                                + ") before it starts (" + from + ")");
                    }
                    return new Arm(name, null, from, to, null);
                } catch (DateTimeParseException e) {
                    throw new UserError("--compare \"" + spec + "\": expected dates like 2026-03-14 in "
                            + "FROM..TO, found \"" + rule + "\"");
                }
            }
            throw new UserError("--compare \"" + spec + "\": expected #hashtag, FROM..TO dates or "
                    + "variant:VALUE after \"=\", found \"" + rule + "\"");
        }

        /**
         * Every {@code --compare} in order; two variants may not share a name or a rule (the second would be
         * empty or take the first's place), and one variant alone has nothing to be compared with.
         */
        public static List<Arm> parseAll(List<String> specs) {
            return checkAll(specs, specs.stream().map(Arm::parse).toList());
        }

        /**
         * {@code arms}, each parsed from the {@code --compare} value at the same place of {@code specs}, checked
         * together: two variants may not share a name or a rule, and one variant alone is refused.
         */
        public static List<Arm> checkAll(List<String> specs, List<Arm> arms) {
            Map<String, String> byName = new HashMap<>();
            Map<String, String> byRule = new HashMap<>();
            for (int i = 0; i < arms.size(); i++) {
                Arm arm = arms.get(i);
                String spec = specs.get(i);
                String sameName = byName.putIfAbsent(arm.name(), spec);
                if (sameName != null) {
                    throw new UserError("--compare \"" + spec + "\": the variant name \"" + arm.name()
                            + "\" is already used by --compare \"" + sameName + "\"; give each variant its own name");
                }
                String sameRule = byRule.putIfAbsent(arm.rule(), spec);
                if (sameRule != null) {
                    throw new UserError("--compare \"" + spec + "\": the rule " + arm.rule()
                            + " is already variant \"" + sameRule.substring(0, sameRule.indexOf('=')).strip()
                            + "\" (--compare \"" + sameRule + "\"); every video would match both");
                }
            }
            if (arms.size() == 1) {
                throw new UserError("--compare \"" + specs.get(0) + "\": one variant alone has nothing "
                        + "to be compared with; name at least two (the first is the baseline)");
            }
            return List.copyOf(arms);
        }

        boolean matches(RatedVideo v, String variantValue) {
            if (hashtag != null) {
                return v.hashtags().contains(hashtag);
            }
            if (variant != null) {
                return variant.equals(variantValue);
            }
            if (v.postedAt() == null) {
                return false;
            }
            LocalDate d = v.postedAt().atZone(ZoneOffset.UTC).toLocalDate();
            return !d.isBefore(from) && !d.isAfter(to);
        }

        public String rule() {
            return hashtag != null ? "#" + hashtag : variant != null ? "variant " + variant : from + " to " + to;
        }
    }

    /**
     * The videos of each variant; videos matching two variants are left out of both and counted.
     *
     * @param arms variant → its videos, in the order given
     * @param overlapping videos that matched more than one variant
     * @param source how the variants were chosen, in words
     */
    public record Assignment(Map<String, List<RatedVideo>> arms, int overlapping, String source) {}

    public static Assignment assign(Table videos, List<Arm> arms, String source) {
        return assign(videos, RatedVideo.of(videos), arms, source);
    }

    /** {@link #assign(Table, List, String)} with {@code rated} = {@link RatedVideo#of} of {@code videos}. */
    public static Assignment assign(Table videos, List<RatedVideo> rated, List<Arm> arms, String source) {
        Map<String, String> variants = new HashMap<>();
        if (videos.columnNames().contains("variant")) {
            var ids = videos.stringColumn(Canonical.VIDEO_ID);
            var col = videos.column("variant");
            for (int i = 0; i < videos.rowCount(); i++) {
                variants.put(ids.get(i), col.getString(i));
            }
        }
        Map<String, List<RatedVideo>> out = new LinkedHashMap<>();
        arms.forEach(a -> out.put(a.name(), new ArrayList<>()));
        int overlapping = 0;
        for (RatedVideo v : rated) {
            List<Arm> hit = arms.stream().filter(a -> a.matches(v, variants.get(v.id()))).toList();
            if (hit.size() == 1) {
                out.get(hit.get(0).name()).add(v);
            } else if (hit.size() > 1) {
                overlapping++;
            }
        }
        return new Assignment(out, overlapping, source);
    }

    private static final Pattern VARIANT_TAG = Pattern.compile("(.{2,}?)([a-d]|[1-4])");

    /**
     * Variants read from the data when none were named: a {@code variant} column, or sibling hashtags that
     * differ only in a last letter or digit (#hooka / #hookb, #thumb1 / #thumb2), each on at least
     * {@link #MIN_VIDEOS} videos and never together on one video. Empty when there is none.
     */
    public static List<Arm> detect(Table videos) {
        return detect(videos, RatedVideo.of(videos));
    }

    /** {@link #detect(Table)} with {@code rated} = {@link RatedVideo#of} of {@code videos}. */
    public static List<Arm> detect(Table videos, List<RatedVideo> rated) {
        if (videos.columnNames().contains("variant")) {
            List<Arm> arms = new ArrayList<>();
            var col = videos.column("variant");
            new java.util.TreeSet<String>(col.asList().stream().map(String::valueOf)
                    .filter(s -> !s.isBlank() && !s.equals("null")).toList())
                    .forEach(v -> arms.add(new Arm(v, null, null, null, v)));
            if (arms.size() >= 2) {
                return arms;
            }
        }
        // Videos with the same hashtags share one set (RatedVideo.of): each distinct set is looked at once, with
        // its number of videos, instead of every video's tags (a million sorted-map updates at a million videos).
        // Counted in an int each (merging Integers boxed one per video past the first 127 of a set: 17 MB at a million).
        Map<java.util.Set<String>, int[]> videosPerTagSet = new java.util.IdentityHashMap<>();
        for (RatedVideo v : rated) {
            videosPerTagSet.computeIfAbsent(v.hashtags(), k -> new int[1])[0]++;
        }
        Map<String, Integer> tagCount = new TreeMap<>();
        videosPerTagSet.forEach((tags, count) -> tags.forEach(t -> tagCount.merge(t, count[0], Integer::sum)));
        Map<String, List<String>> byStem = new TreeMap<>();
        tagCount.forEach((tag, n) -> {
            Matcher m = VARIANT_TAG.matcher(tag);
            if (n >= MIN_VIDEOS && m.matches()) {
                byStem.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(tag);
            }
        });
        // Which stems have two of their tags on one video: each tag set looked at once, its tags by their stem (a
        // stem's tags against every set took minutes where captions carry thousands of numbered tags).
        Map<String, String> stemOf = new java.util.HashMap<>();
        byStem.forEach((stem, tags) -> {
            if (tags.size() >= 2) {
                tags.forEach(t -> stemOf.put(t, stem));
            }
        });
        java.util.Set<String> together = new java.util.HashSet<>();
        java.util.Set<String> stemsOfSet = new java.util.HashSet<>();
        for (java.util.Set<String> set : videosPerTagSet.keySet()) {
            stemsOfSet.clear();
            for (String t : set) {
                String stem = stemOf.get(t);
                if (stem != null && !stemsOfSet.add(stem)) {
                    together.add(stem);
                }
            }
        }
        List<String> best = List.of();
        int bestVideos = 0;
        for (Map.Entry<String, List<String>> e : byStem.entrySet()) {
            List<String> tags = e.getValue();
            if (tags.size() < 2) {
                continue;
            }
            int videosTagged = tags.stream().mapToInt(tagCount::get).sum();
            if (!together.contains(e.getKey()) && videosTagged > bestVideos) {
                best = tags;
                bestVideos = videosTagged;
            }
        }
        return best.stream().map(t -> new Arm("#" + t, t, null, null, null)).toList();
    }

    /**
     * One variant against the baseline.
     *
     * @param baseline the first variant's name
     * @param variant this variant's name
     * @param nBaseline videos in the baseline
     * @param nVariant videos in this variant
     * @param rateBaseline baseline saves / views (ratio of sums)
     * @param rateVariant variant saves / views
     * @param difference rateVariant - rateBaseline
     * @param low 2.5th percentile of the bootstrapped difference (videos resampled within each variant)
     * @param high 97.5th percentile
     * @param baselineLow 2.5th percentile of the bootstrapped baseline rate
     * @param baselineHigh 97.5th percentile of the bootstrapped baseline rate
     * @param variantLow 2.5th percentile of the bootstrapped variant rate
     * @param variantHigh 97.5th percentile of the bootstrapped variant rate
     * @param medianBaseline median per-video rate in the baseline
     * @param medianVariant median per-video rate in the variant
     * @param p two-sided permutation p-value of the difference (labels shuffled over videos)
     * @param exact whether every split was tried (else {@link #PERMUTATIONS} seeded random ones)
     * @param sdPooled pooled standard deviation of per-video rates
     * @param meanDifference difference of the mean per-video rates (the effect in the power formula)
     * @param neededPerArm videos per variant for 80% power at a two-sided 5% level, for the mean difference
     *     seen: 2 (z_0.975 + z_0.8)^2 sd^2 / d^2; -1 when there is no difference
     * @param verdict the answer in words
     * @param level {@code moderate}, {@code weak} or {@code info}
     */
    public record Comparison(String baseline, String variant, int nBaseline, int nVariant, double rateBaseline,
            double rateVariant, double difference, double low, double high, double baselineLow, double baselineHigh,
            double variantLow, double variantHigh, double medianBaseline, double medianVariant, double p, boolean exact,
            double sdPooled, double meanDifference, long neededPerArm, String verdict, String level) {}

    /** Each variant after the first against the first. */
    public static List<Comparison> compare(Assignment a) {
        List<String> names = new ArrayList<>(a.arms().keySet());
        List<Comparison> out = new ArrayList<>();
        for (int i = 1; i < names.size(); i++) {
            out.add(compare(names.get(0), a.arms().get(names.get(0)), names.get(i), a.arms().get(names.get(i))));
        }
        return out;
    }

    public static Comparison compare(String nameA, List<RatedVideo> a, String nameB, List<RatedVideo> b) {
        double ra = RatedVideo.ratioOfSums(a);
        double rb = RatedVideo.ratioOfSums(b);
        double diff = rb - ra;
        double[] ci = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        double p = Double.NaN;
        boolean exact = false;
        if (!a.isEmpty() && !b.isEmpty()) {
            ci = bootstrap(a, b);
            long splits = splits(a.size() + b.size(), a.size());
            exact = splits <= EXACT_LIMIT;
            p = exact ? exactPermutationP(a, b) : randomPermutationP(a, b);
        }
        double[] va = a.stream().mapToDouble(RatedVideo::rate).toArray();
        double[] vb = b.stream().mapToDouble(RatedVideo::rate).toArray();
        double sd = pooledSd(va, vb);
        double meanDiff = mean(vb) - mean(va);
        long needed = neededPerArm(sd, meanDiff);
        String[] verdict = verdict(nameA, nameB, a.size(), b.size(), ra, rb, ci[0], ci[1], p, needed);
        return new Comparison(nameA, nameB, a.size(), b.size(), ra, rb, diff, ci[0], ci[1], ci[2], ci[3], ci[4], ci[5],
                RatedVideo.medianRate(a), RatedVideo.medianRate(b), p, exact, sd, meanDiff, needed, verdict[0],
                verdict[1]);
    }

    /**
     * One variant's videos summed up.
     *
     * @param name the variant's name
     * @param videos its videos with a save rate
     * @param saveRate their saves / views (ratio of sums), NaN without videos
     * @param medianRate the median per-video rate, NaN without videos
     * @param low 2.5th percentile of the bootstrapped rate (from its comparison with the baseline), NaN without one
     * @param high 97.5th percentile of the bootstrapped rate
     */
    public record ArmSummary(String name, int videos, double saveRate, double medianRate, double low, double high) {}

    /**
     * What a test of variants found: each variant, then each variant after the first against the first.
     *
     * @param arms the variants in the order given
     * @param overlapping videos that matched more than one variant (left out of all)
     * @param comparisons each variant after the first against the first
     */
    public record Outcome(List<ArmSummary> arms, int overlapping, List<Comparison> comparisons) {
        public Outcome {
            arms = List.copyOf(arms);
            comparisons = List.copyOf(comparisons);
        }
    }

    /**
     * {@link #compare(Assignment)} with each variant's rate, median and bootstrapped interval; the baseline's
     * interval is the one bootstrapped in its comparison with the second variant.
     */
    public static Outcome outcome(Assignment a) {
        List<Comparison> comparisons = compare(a);
        List<ArmSummary> arms = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<RatedVideo>> arm : a.arms().entrySet()) {
            List<RatedVideo> vs = arm.getValue();
            Comparison c = comparisons.isEmpty() ? null : comparisons.get(Math.max(0, i - 1));
            double low = c == null ? Double.NaN : i == 0 ? c.baselineLow() : c.variantLow();
            double high = c == null ? Double.NaN : i == 0 ? c.baselineHigh() : c.variantHigh();
            arms.add(new ArmSummary(arm.getKey(), vs.size(), RatedVideo.ratioOfSums(vs), RatedVideo.medianRate(vs), low,
                    high));
            i++;
        }
        return new Outcome(arms, a.overlapping(), comparisons);
    }

    /** Videos per arm for 80% power, two-sided 5%: ceil(2 (z_0.975 + z_0.8)^2 sd^2 / d^2); -1 when d is 0 or NaN. */
    public static long neededPerArm(double sd, double difference) {
        if (Double.isNaN(sd) || Double.isNaN(difference) || difference == 0) {
            return -1;
        }
        NormalDistribution z = new NormalDistribution();
        double k = z.inverseCumulativeProbability(0.975) + z.inverseCumulativeProbability(0.8);
        return (long) Math.ceil(2 * k * k * sd * sd / (difference * difference));
    }

    /** Pooled sample standard deviation: sqrt(((na-1) sa^2 + (nb-1) sb^2) / (na + nb - 2)). */
    static double pooledSd(double[] a, double[] b) {
        int df = a.length + b.length - 2;
        if (df <= 0) {
            return Double.NaN;
        }
        return Math.sqrt((ss(a) + ss(b)) / df);
    }

    private static double ss(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    static long splits(int n, int k) {
        try {
            return CombinatoricsUtils.binomialCoefficient(n, k);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Difference interval, then each arm's rate interval, from resampling videos within each arm. */
    static double[] bootstrap(List<RatedVideo> a, List<RatedVideo> b) {
        Random rnd = new Random(SEED);
        double[] d = new double[BOOTSTRAP];
        double[] ra = new double[BOOTSTRAP];
        double[] rb = new double[BOOTSTRAP];
        for (int r = 0; r < BOOTSTRAP; r++) {
            ra[r] = resampledRate(a, rnd);
            rb[r] = resampledRate(b, rnd);
            d[r] = rb[r] - ra[r];
        }
        return new double[] {SaveRate.quantile(d, 0.025), SaveRate.quantile(d, 0.975), SaveRate.quantile(ra, 0.025),
            SaveRate.quantile(ra, 0.975), SaveRate.quantile(rb, 0.025), SaveRate.quantile(rb, 0.975)};
    }

    private static double resampledRate(List<RatedVideo> v, Random rnd) {
        long views = 0;
        long saves = 0;
        for (int i = 0; i < v.size(); i++) {
            RatedVideo x = v.get(rnd.nextInt(v.size()));
            views += x.views();
            saves += x.saves();
        }
        return (double) saves / views;
    }

    /** Share of all splits of the pooled videos into groups of the arms' sizes with a gap at least as large. */
    static double exactPermutationP(List<RatedVideo> a, List<RatedVideo> b) {
        List<RatedVideo> all = new ArrayList<>(a);
        all.addAll(b);
        double observed = Math.abs(RatedVideo.ratioOfSums(b) - RatedVideo.ratioOfSums(a));
        long[] count = new long[2];
        long totalViews = all.stream().mapToLong(RatedVideo::views).sum();
        long totalSaves = all.stream().mapToLong(RatedVideo::saves).sum();
        choose(all, a.size(), 0, 0, 0, 0, totalViews, totalSaves, observed, count);
        return (double) count[0] / count[1];
    }

    private static void choose(List<RatedVideo> all, int k, int start, int chosen, long views, long saves,
            long totalViews, long totalSaves, double observed, long[] count) {
        if (chosen == k) {
            double gap = Math.abs((double) (totalSaves - saves) / (totalViews - views) - (double) saves / views);
            count[0] += gap >= observed - 1e-12 ? 1 : 0;
            count[1]++;
            return;
        }
        for (int i = start; i <= all.size() - (k - chosen); i++) {
            RatedVideo v = all.get(i);
            choose(all, k, i + 1, chosen + 1, views + v.views(), saves + v.saves(), totalViews, totalSaves, observed,
                    count);
        }
    }

    /** (1 + shuffles with a gap at least as large) / (1 + shuffles), so the p-value is never zero. */
    static double randomPermutationP(List<RatedVideo> a, List<RatedVideo> b) {
        List<RatedVideo> all = new ArrayList<>(a);
        all.addAll(b);
        double observed = Math.abs(RatedVideo.ratioOfSums(b) - RatedVideo.ratioOfSums(a));
        Random rnd = new Random(SEED);
        int hits = 0;
        for (int r = 0; r < PERMUTATIONS; r++) {
            Collections.shuffle(all, rnd);
            double gap = Math.abs(RatedVideo.ratioOfSums(all.subList(a.size(), all.size()))
                    - RatedVideo.ratioOfSums(all.subList(0, a.size())));
            hits += gap >= observed - 1e-12 ? 1 : 0;
        }
        return (hits + 1.0) / (PERMUTATIONS + 1.0);
    }

    static String[] verdict(String nameA, String nameB, int na, int nb, double ra, double rb, double low, double high,
            double p, long needed) {
        // The names come from the data; set apart, they cannot reorder the sentence around them.
        nameA = savescope.UserText.isolated(nameA);
        nameB = savescope.UserText.isolated(nameB);
        if (na < MIN_VIDEOS || nb < MIN_VIDEOS) {
            return new String[] {"Too few videos to compare " + nameB + " with " + nameA + " (" + na + " and " + nb
                    + "; at least " + MIN_VIDEOS + " each are needed). Keep posting both variants.", "info"};
        }
        String higher = rb > ra ? "higher" : "lower";
        String rates = pct(rb) + " against " + pct(ra) + " (difference " + points(rb - ra) + ", 95% interval "
                + points(low) + " to " + points(high) + "; permutation p = " + String.format(Locale.ROOT, "%.3f", p) + ")";
        String need = needed < 0 ? "" : String.format(Locale.ROOT, " To detect a gap of this size reliably (80%% power) "
                + "takes about %,d videos per variant; this test had %,d and %,d.", needed, na, nb);
        if (p < 0.05 && (low > 0 || high < 0)) {
            return new String[] {"In this test " + nameB + " had a " + higher + " save rate than " + nameA + ": " + rates
                    + ". A gap this large rarely comes from chance alone, but it is one test on " + (na + nb)
                    + " videos; repeat it before making it a rule.", "moderate"};
        }
        if (p < 0.10) {
            return new String[] {"A hint that " + nameB + " has a " + higher + " save rate than " + nameA + ", not a "
                    + "conclusion: " + rates + "." + need, "weak"};
        }
        return new String[] {"No clear difference between " + nameB + " and " + nameA + ": " + rates + ". This test "
                + "cannot tell the variants apart; it does not show they are equal either." + need, "info"};
    }

    private static String pct(double r) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * r);
    }

    /** A difference of rates in percentage points. */
    static String points(double d) {
        return String.format(Locale.ROOT, "%+.2f points", 100 * d);
    }
}
