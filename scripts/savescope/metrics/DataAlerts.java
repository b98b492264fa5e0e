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

    public static List<Alert> of(Table videos) {
        List<Alert> alerts = new ArrayList<>();
        int n = videos.rowCount();
        double[] views = VideoValues.of(videos, Canonical.VIEWS);
        double[] saves = VideoValues.of(videos, Canonical.SAVES);

        for (String metric : Canonical.COUNTS) {
            double[] v = metric.equals(Canonical.VIEWS) ? views : metric.equals(Canonical.SAVES) ? saves
                    : VideoValues.of(videos, metric);
            int missing = 0;
            for (double x : v) {
                missing += Double.isNaN(x) ? 1 : 0;
            }
            if (missing == n && n > 0) {
                alerts.add(new Alert("missing_metric", "warning", missing, Double.NaN, "No video has " + metric
                        + ": the sources loaded do not carry it, so every number that needs it is left out (not "
                        + "counted as zero)."));
            } else if (missing > 0) {
                alerts.add(new Alert("missing_metric", "warning", missing, Double.NaN, missing + " of " + n
                        + " videos have no " + metric + " count; numbers that need it use the other videos."));
            } else if (n >= 3 && constant(v)) {
                alerts.add(new Alert("constant_metric", "info", n, v[0], "Every video has the same " + metric
                        + " (" + (long) v[0] + "), so it cannot correlate with anything."));
            }
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
        if (zeroViews > 0) {
            alerts.add(new Alert("zero_views", "info", zeroViews, Double.NaN, zeroViews + (zeroViews == 1
                    ? " video has" : " videos have") + " zero views (just posted, private or removed); they have "
                    + "no save rate and are left out of per-video rates."));
        }
        if (savesAboveViews > 0) {
            alerts.add(new Alert("saves_exceed_views", "warning", savesAboveViews, Double.NaN, savesAboveViews
                    + (savesAboveViews == 1 ? " video has" : " videos have") + " more saves than views, which "
                    + "cannot happen in one snapshot: the counts were probably taken at different times or the "
                    + "columns are mixed up."));
        }
        // Web sources round large counts (98400); if most large counts end in 00, say so.
        if (bigViews >= 5 && roundViews > 0.5 * bigViews) {
            double share = (double) roundViews / bigViews;
            alerts.add(new Alert("rounded_counts", "info", roundViews, share, String.format(Locale.ROOT,
                    "%d of %d view counts of 10,000 or more end in 00: the source rounds large counts, so rates "
                            + "of big videos are approximate.", roundViews, bigViews)));
        }

        int duplicates = duplicateIds(videos.stringColumn(Canonical.VIDEO_ID));
        if (duplicates > 0) {
            alerts.add(new Alert("duplicate_ids", "warning", duplicates, Double.NaN, duplicates + " rows repeat "
                    + "a video id already seen; if the same video was loaded twice its counts are in the totals "
                    + "twice."));
        }

        double[] presentViews = VideoValues.present(views);
        double skew = Stats.skewness(presentViews);
        if (skew > HEAVY_SKEW) {
            alerts.add(new Alert("skewed_views", "info", 0, skew, String.format(Locale.ROOT, "Views are heavily "
                    + "skewed (skewness %.1f): a few videos take most of the views, so totals and the overall save "
                    + "rate lean on them. Medians and rank correlations are more typical.", skew)));
        }
        int withRate = VideoValues.present(VideoValues.ratio(saves, views)).length;
        if (withRate < FEW_VIDEOS && present > 0) {
            alerts.add(new Alert("few_videos", "warning", withRate, Double.NaN, "Only " + withRate + " videos "
                    + "have a save rate: every comparison and correlation here rests on very little data."));
        }
        return List.copyOf(alerts);
    }

    /** Rows whose id is not blank and repeats an id of an earlier row. */
    static int duplicateIds(StringColumn ids) {
        int n = ids.size();
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

    private static boolean constant(double[] v) {
        for (double x : v) {
            if (x != v[0]) {
                return false;
            }
        }
        return true;
    }
}
