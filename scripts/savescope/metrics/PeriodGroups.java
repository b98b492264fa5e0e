package savescope.metrics;

import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import savescope.model.Canonical;
import tech.tablesaw.api.Table;

/**
 * The groups of a group table (content type, hashtag, duration, weekday, hour, account), each with its save rate
 * among the videos posted in a period and in the period compared with it ({@link PeriodRates}). A video belongs to
 * the groups the whole table puts it in: the same names, the same rules.
 */
public final class PeriodGroups {
    /** Accounts, as {@link Accounts} names them. */
    public static final String ACCOUNT = "account";
    public static final List<String> DIMENSIONS = List.of(GroupComparison.CONTENT_TYPE, GroupComparison.HASHTAG,
            GroupComparison.DURATION, GroupComparison.WEEKDAY, GroupComparison.HOUR, ACCOUNT);

    /** One group in both periods. */
    public record Row(String group, PeriodRates rates) {}

    private PeriodGroups() {}

    /** The names of a group table's groups, in its order: what {@link #of} is asked about. */
    public static List<String> names(GroupComparison.Result table) {
        return table.groups().stream().map(GroupComparison.Group::key).toList();
    }

    /**
     * Each of {@code groups} of {@code dimension} (one of {@link #DIMENSIONS}), in that order, over the videos of
     * {@code videos} posted in {@code period} against those posted in {@code comparison}.
     */
    public static List<Row> of(Table videos, String dimension, List<String> groups, Period period, Period comparison) {
        if (!DIMENSIONS.contains(dimension)) {
            throw new IllegalArgumentException("expected one of " + DIMENSIONS + ", found \"" + dimension + "\"");
        }
        Map<String, List<RatedVideo>> now = new HashMap<>();
        Map<String, List<RatedVideo>> before = new HashMap<>();
        Set<String> wanted = Set.copyOf(groups);
        double[] durations = VideoValues.of(videos, Canonical.DURATION_S);
        var types = videos.stringColumn(Canonical.CONTENT_TYPE);
        var tags = videos.stringColumn(Canonical.HASHTAGS);
        var ids = videos.stringColumn(Canonical.VIDEO_ID);
        var accounts = videos.stringColumn(Canonical.ACCOUNT);
        var posted = videos.instantColumn(Canonical.POSTED_AT);
        var views = videos.longColumn(Canonical.VIEWS);
        var saves = videos.longColumn(Canonical.SAVES);
        for (int i = 0; i < videos.rowCount(); i++) {
            if (posted.isMissing(i) || views.isMissing(i) || saves.isMissing(i) || views.getLong(i) <= 0) {
                continue;
            }
            Map<String, List<RatedVideo>> side = period.contains(posted.get(i)) ? now
                    : comparison.contains(posted.get(i)) ? before : null;
            if (side == null) {
                continue;
            }
            RatedVideo v = new RatedVideo(ids.get(i), accounts.get(i), posted.get(i), views.getLong(i),
                    saves.getLong(i), Set.of(), types.get(i));
            for (String g : groupsOf(dimension, v, durations[i], tags.get(i))) {
                if (wanted.contains(g)) {
                    side.computeIfAbsent(g, k -> new ArrayList<>()).add(v);
                }
            }
        }
        return groups.stream().map(g -> new Row(g, PeriodRates.of(now.getOrDefault(g, List.of()),
                before.getOrDefault(g, List.of())))).toList();
    }

    /** The groups a video is in, named as {@link GroupComparison} and {@link Accounts} name them. */
    static List<String> groupsOf(String dimension, RatedVideo v, double duration, String hashtags) {
        return switch (dimension) {
            case GroupComparison.CONTENT_TYPE -> List.of(v.contentType() == null || v.contentType().isBlank()
                    ? "unknown" : v.contentType().strip());
            case GroupComparison.HASHTAG -> List.of(GroupComparison.tagsOf(hashtags));
            case GroupComparison.DURATION -> {
                String bucket = GroupComparison.durationBucket(duration);
                yield bucket == null ? List.of() : List.of(bucket);
            }
            case GroupComparison.WEEKDAY -> List.of(v.postedAt().atOffset(ZoneOffset.UTC).getDayOfWeek()
                    .getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            case GroupComparison.HOUR -> List.of(String.format(Locale.ROOT, "%02d",
                    v.postedAt().atOffset(ZoneOffset.UTC).getHour()));
            default -> List.of(v.account() == null || v.account().isBlank() ? "(no account)" : v.account());
        };
    }
}
