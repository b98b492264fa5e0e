package savescope.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import savescope.model.Canonical;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Warnings about the data itself, in the manner of profiling tools: zero-view videos, duplicate ids, counts
 * that cannot be right, heavy skew, rounded counts, and metrics missing from the source.
 */
public final class DataAlerts {
    /** Views skewness above this is called heavy (a few videos dominate the totals). */
    public static final double HEAVY_SKEW = 2.0;
    /** Below this many videos with a save rate, every statistic is fragile. */
    public static final int FEW_VIDEOS = 10;

    /**
     * One alert.
     *
     * @param code a stable key: {@code zero_views}, {@code duplicate_ids}, {@code saves_exceed_views},
     *     {@code skewed_views}, {@code rounded_counts}, {@code missing_metric}, {@code constant_metric},
     *     {@code few_videos}
     * @param severity {@code warning} (affects results) or {@code info}
     * @param count how many videos (or, for skew, 0)
     * @param value the measured value behind the alert (skewness, share rounded), or NaN
     * @param message what it is and what the report does about it
     */
    public record Alert(String code, String severity, long count, double value, String message) {}

    private DataAlerts() {}

    /**
     * What the alerts are decided from, counted over the videos: small whatever their number, so any engine can
     * count it and {@link #from} words the same alerts.
     *
     * @param videos how many videos
     * @param missing per count of {@link Canonical#COUNTS}, in that order: videos without it
     * @param constant per count: its one value when at least 3 videos all have the same, else null
     * @param zeroViews videos with zero views
     * @param savesAboveViews videos with more saves than views
     * @param withViews videos with a views count
     * @param bigViews videos with at least 10,000 views
     * @param roundViews of which a multiple of 100
     * @param duplicates rows whose non-blank id repeats an earlier row's
     * @param viewsSkewness {@link Stats#skewness} of the views counts present
     * @param withRate videos with a save rate
     */
    public record Profile(int videos, int[] missing, Double[] constant, int zeroViews, int savesAboveViews,
            int withViews, int bigViews, int roundViews, int duplicates, double viewsSkewness, int withRate) {}

    public static List<Alert> of(Table videos) {
        return of(new VideoColumns(videos));
    }

    /** {@link #of(Table)} from columns shared with other metrics. */
    public static List<Alert> of(VideoColumns columns) {
        return from(profile(columns));
    }

    /** The {@link Profile} of a canonical frame. */
    public static Profile profile(Table videos) {
        return profile(new VideoColumns(videos));
    }

    private static Profile profile(VideoColumns columns) {
        Table videos = columns.videos();
        int n = videos.rowCount();
        double[] views = columns.of(Canonical.VIEWS);
        double[] saves = columns.of(Canonical.SAVES);
        int[] missingOf = new int[Canonical.COUNTS.size()];
        Double[] constantOf = new Double[Canonical.COUNTS.size()];
        for (int m = 0; m < missingOf.length; m++) {
            String metric = Canonical.COUNTS.get(m);
            double[] v = metric.equals(Canonical.VIEWS) ? views : metric.equals(Canonical.SAVES) ? saves
                    : columns.of(metric);
            for (double x : v) {
                missingOf[m] += Double.isNaN(x) ? 1 : 0;
            }
            constantOf[m] = missingOf[m] == 0 && n >= 3 && constant(v) ? v[0] : null;
        }
        int zeroViews = 0;
        int savesAboveViews = 0;
        int present = 0;
        int bigViews = 0;
        int roundViews = 0;
        for (int i = 0; i < n; i++) {
            if (views[i] == 0) {
                zeroViews++;
            }
            if (!Double.isNaN(views[i]) && !Double.isNaN(saves[i]) && saves[i] > views[i]) {
                savesAboveViews++;
            }
            if (!Double.isNaN(views[i])) {
                present++;
                if (views[i] >= 10_000) {
                    bigViews++;
                    roundViews += views[i] % 100 == 0 ? 1 : 0;
                }
            }
        }
        return new Profile(n, missingOf, constantOf, zeroViews, savesAboveViews, present, bigViews, roundViews,
                duplicateIds(videos.stringColumn(Canonical.VIDEO_ID)), Stats.skewness(VideoValues.present(views)),
                VideoValues.present(columns.saveRates()).length);
    }

    /** The alerts a profile calls for, in a fixed order. */
    public static List<Alert> from(Profile p) {
        List<Alert> alerts = new ArrayList<>();
        int n = p.videos();
        for (int m = 0; m < Canonical.COUNTS.size(); m++) {
            String metric = Canonical.COUNTS.get(m);
            int missing = p.missing()[m];
            if (missing == n && n > 0) {
                alerts.add(new Alert("missing_metric", "warning", missing, Double.NaN, "No video has " + metric
                        + ": the sources loaded do not carry it, so every number that needs it is left out (not "
                        + "counted as zero)."));
            } else if (missing > 0) {
                alerts.add(new Alert("missing_metric", "warning", missing, Double.NaN, missing + " of " + n
                        + " videos have no " + metric + " count; numbers that need it use the other videos."));
            } else if (p.constant()[m] != null) {
                double value = p.constant()[m];
                alerts.add(new Alert("constant_metric", "info", n, value, "Every video has the same " + metric
                        + " (" + (long) value + "), so it cannot correlate with anything."));
            }
        }
        int zeroViews = p.zeroViews();
        if (zeroViews > 0) {
            alerts.add(new Alert("zero_views", "info", zeroViews, Double.NaN, zeroViews + (zeroViews == 1
                    ? " video has" : " videos have") + " zero views (just posted, private or removed); they have "
                    + "no save rate and are left out of per-video rates."));
        }
        int savesAboveViews = p.savesAboveViews();
        if (savesAboveViews > 0) {
            alerts.add(new Alert("saves_exceed_views", "warning", savesAboveViews, Double.NaN, savesAboveViews
                    + (savesAboveViews == 1 ? " video has" : " videos have") + " more saves than views, which "
                    + "cannot happen in one snapshot: the counts were probably taken at different times or the "
                    + "columns are mixed up."));
        }
        // Web sources round large counts (98400); if most large counts end in 00, say so.
        int bigViews = p.bigViews();
        int roundViews = p.roundViews();
        if (bigViews >= 5 && roundViews > 0.5 * bigViews) {
            double share = (double) roundViews / bigViews;
            alerts.add(new Alert("rounded_counts", "info", roundViews, share, String.format(Locale.ROOT,
                    "%d of %d view counts of 10,000 or more end in 00: the source rounds large counts, so rates "
                            + "of big videos are approximate.", roundViews, bigViews)));
        }
        int duplicates = p.duplicates();
        if (duplicates > 0) {
            alerts.add(new Alert("duplicate_ids", "warning", duplicates, Double.NaN, duplicates + " rows repeat "
                    + "a video id already seen; if the same video was loaded twice its counts are in the totals "
                    + "twice."));
        }
        double skew = p.viewsSkewness();
        if (skew > HEAVY_SKEW) {
            alerts.add(new Alert("skewed_views", "info", 0, skew, String.format(Locale.ROOT, "Views are heavily "
                    + "skewed (skewness %.1f): a few videos take most of the views, so totals and the overall save "
                    + "rate lean on them. Medians and rank correlations are more typical.", skew)));
        }
        int withRate = p.withRate();
        if (withRate < FEW_VIDEOS && p.withViews() > 0) {
            alerts.add(new Alert("few_videos", "warning", withRate, Double.NaN, "Only " + withRate + " videos "
                    + "have a save rate: every comparison and correlation here rests on very little data."));
        }
        return List.copyOf(alerts);
    }

    /** Rows whose id is not blank and repeats an id of an earlier row. */
    static int duplicateIds(StringColumn ids) {
        int n = ids.size();
        int repeatedNumbers = repeatedNumbers(ids);
        if (repeatedNumbers >= 0) {
            return repeatedNumbers;
        }
        // An open-addressing table of the ids themselves, at most half full: a set without an entry object
        // per video, which at a million videos is most of what a HashSet costs.
        int bits = 4;
        while ((1L << bits) < 2L * n) {
            bits++;
        }
        int capacity = 1 << bits;
        String[] table = new String[capacity];
        int[] hashes = new int[capacity];
        int mask = capacity - 1;
        int duplicates = 0;
        for (int i = 0; i < n; i++) {
            String id = ids.get(i);
            if (id == null || id.isBlank()) {
                continue;
            }
            int h = id.hashCode();
            // Fibonacci hashing: ids that count up give hash codes that count up, which would cluster.
            int slot = (h * 0x9E3779B9) >>> (32 - bits);
            while (true) {
                String there = table[slot];
                if (there == null) {
                    table[slot] = id;
                    hashes[slot] = h;
                    break;
                }
                if (hashes[slot] == h && there.equals(id)) {
                    duplicates++;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return duplicates;
    }

    /**
     * {@link #duplicateIds} when every id that is not blank is a plain number of up to 19 digits without a leading
     * zero (TikTok's ids, where two equal ids are two equal numbers): the numbers sorted, and equal neighbours
     * counted, which at a million ids takes a fraction of a set's time. −1 when some id is not such a number.
     */
    private static int repeatedNumbers(StringColumn ids) {
        int n = ids.size();
        long[] numbers = new long[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            long number = savescope.model.PlainNumbers.of(ids, i); // from packed bytes: no String per row
            if (number != savescope.model.PlainNumbers.NOT_PLAIN) {
                numbers[count++] = number;
                continue;
            }
            String id = ids.get(i);
            if (id == null || id.isBlank()) {
                continue;
            }
            if (!savescope.model.PlainNumbers.is(id)) {
                return -1;
            }
            long v = savescope.model.PlainNumbers.bits(id); // equal numbers, equal bits
            numbers[count++] = v;
        }
        java.util.Arrays.sort(numbers, 0, count);
        int duplicates = 0;
        for (int i = 1; i < count; i++) {
            if (numbers[i] == numbers[i - 1]) {
                duplicates++;
            }
        }
        return duplicates;
    }

    private static boolean constant(double[] v) {
        for (double x : v) {
            if (x != v[0]) {
                return false;
            }
        }
        return true;
    }
}
