package savescope.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import savescope.model.Canonical;
import tech.tablesaw.api.Table;

/**
 * One video that has both views (above zero) and a saves count, the unit most time and context metrics
 * work on.
 *
 * @param id video id
 * @param account the account, or empty
 * @param postedAt posting time, or null when unknown
 * @param views views
 * @param saves saves
 * @param hashtags lower-case hashtags without {@code #}
 * @param contentType content type, or empty
 */
public record RatedVideo(String id, String account, Instant postedAt, long views, long saves, Set<String> hashtags,
        String contentType) {

    public double rate() {
        return (double) saves / views;
    }

    /** The videos of a canonical frame that have views above zero and a saves count, in row order. */
    public static List<RatedVideo> of(Table videos) {
        List<RatedVideo> out = new ArrayList<>();
        var ids = videos.stringColumn(Canonical.VIDEO_ID);
        var acc = videos.stringColumn(Canonical.ACCOUNT);
        var posted = videos.instantColumn(Canonical.POSTED_AT);
        var views = videos.longColumn(Canonical.VIEWS);
        var saves = videos.longColumn(Canonical.SAVES);
        var tags = videos.stringColumn(Canonical.HASHTAGS);
        var type = videos.stringColumn(Canonical.CONTENT_TYPE);
        for (int i = 0; i < videos.rowCount(); i++) {
            if (views.isMissing(i) || saves.isMissing(i) || views.getLong(i) <= 0) {
                continue;
            }
            Set<String> t = Arrays.stream(tags.get(i).toLowerCase(java.util.Locale.ROOT).split("[\\s#,]+"))
                    .filter(s -> !s.isBlank()).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
            out.add(new RatedVideo(ids.get(i), acc.get(i), posted.isMissing(i) ? null : posted.get(i), views.getLong(i),
                    saves.getLong(i), t, type.get(i)));
        }
        return out;
    }

    /** Total saves over total views; NaN when there are no views. */
    public static double ratioOfSums(List<RatedVideo> videos) {
        long v = 0;
        long s = 0;
        for (RatedVideo r : videos) {
            v += r.views();
            s += r.saves();
        }
        return v == 0 ? Double.NaN : (double) s / v;
    }

    /** Median of per-video rates; NaN when empty. */
    public static double medianRate(List<RatedVideo> videos) {
        return videos.isEmpty() ? Double.NaN
                : SaveRate.quantile(videos.stream().mapToDouble(RatedVideo::rate).toArray(), 0.5);
    }
}
