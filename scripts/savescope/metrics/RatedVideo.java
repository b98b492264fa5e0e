package savescope.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import savescope.model.Canonical;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One video that has both views (above zero) and a saves count, the unit most time and context metrics
 * work on. A value like a record of its seven parts (equal when they are), but one read from a frame keeps
 * only its row for the id and the posting time: at a million videos the ids as strings were two million more
 * objects that lived through the whole metrics stage, and young collections copied each of them into the old
 * generation; the times as {@code Instant}s were another million (28 MB).
 */
public final class RatedVideo {
    private final String id;
    private final StringColumn idColumn;
    private final int row;
    private final String account;
    private final Instant postedAt;
    /**
     * For a video made by {@link #of}: its posting time in milliseconds since the epoch, as the frame keeps it
     * ({@link Long#MIN_VALUE} when unknown), made into an {@code Instant} when asked.
     */
    private final long postedMillis;
    private final long views;
    private final long saves;
    private final Set<String> hashtags;
    private final String contentType;

    /**
     * @param id video id
     * @param account the account, or empty
     * @param postedAt posting time, or null when unknown
     * @param views views
     * @param saves saves
     * @param hashtags lower-case hashtags without {@code #}
     * @param contentType content type, or empty
     */
    public RatedVideo(String id, String account, Instant postedAt, long views, long saves, Set<String> hashtags,
            String contentType) {
        this(id, null, Long.MIN_VALUE, -1, account, postedAt, views, saves, hashtags, contentType);
    }

    private RatedVideo(String id, StringColumn idColumn, long postedMillis, int row, String account,
            Instant postedAt, long views, long saves,
            Set<String> hashtags, String contentType) {
        this.id = id;
        this.idColumn = idColumn;
        this.row = row;
        this.account = account;
        this.postedAt = postedAt;
        this.postedMillis = postedMillis;
        this.views = views;
        this.saves = saves;
        this.hashtags = hashtags;
        this.contentType = contentType;
    }

    /** The video id (read from its frame each time, for a video made by {@link #of}). */
    public String id() {
        return idColumn == null ? id : idColumn.get(row);
    }

    public String account() {
        return account;
    }

    public Instant postedAt() {
        if (idColumn == null) {
            return postedAt;
        }
        return postedMillis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(postedMillis);
    }

    /** Seconds since the epoch of the posting time (rounded down), or {@link Long#MIN_VALUE} when unknown. */
    public long postedSecond() {
        if (idColumn == null) {
            return postedAt == null ? Long.MIN_VALUE : postedAt.getEpochSecond();
        }
        return postedMillis == Long.MIN_VALUE ? Long.MIN_VALUE : Math.floorDiv(postedMillis, 1000L);
    }

    public long views() {
        return views;
    }

    public long saves() {
        return saves;
    }

    public Set<String> hashtags() {
        return hashtags;
    }

    public String contentType() {
        return contentType;
    }

    public double rate() {
        return (double) saves / views;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RatedVideo v && views == v.views && saves == v.saves && Objects.equals(id(), v.id())
                && Objects.equals(account, v.account) && Objects.equals(postedAt(), v.postedAt())
                && Objects.equals(hashtags, v.hashtags) && Objects.equals(contentType, v.contentType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id(), account, postedAt(), views, saves, hashtags, contentType);
    }

    @Override
    public String toString() {
        return "RatedVideo[id=" + id() + ", account=" + account + ", postedAt=" + postedAt() + ", views=" + views
                + ", saves=" + saves + ", hashtags=" + hashtags + ", contentType=" + contentType + "]";
    }

    /**
     * The videos of a canonical frame that have views above zero and a saves count, in row order. They read
     * their ids from the frame, which must not change while they are in use.
     */
    public static List<RatedVideo> of(Table videos) {
        List<RatedVideo> out = new ArrayList<>();
        var ids = videos.stringColumn(Canonical.VIDEO_ID);
        var acc = videos.stringColumn(Canonical.ACCOUNT);
        var posted = videos.instantColumn(Canonical.POSTED_AT);
        var views = videos.longColumn(Canonical.VIEWS);
        var saves = videos.longColumn(Canonical.SAVES);
        var tags = videos.stringColumn(Canonical.HASHTAGS);
        var type = videos.stringColumn(Canonical.CONTENT_TYPE);
        // Exports reuse a small set of hashtag strings across many videos; the sets are never modified.
        Map<String, Set<String>> tagSets = new HashMap<>();
        for (int i = 0, n = videos.rowCount(); i < n; i++) {
            if (views.isMissing(i) || saves.isMissing(i) || views.getLong(i) <= 0) {
                continue;
            }
            Set<String> t = tagSets.computeIfAbsent(tags.get(i), RatedVideo::hashtagSet);
            out.add(new RatedVideo(null, ids, savescope.model.PackedTimes.epochMilli(posted, i), i, acc.get(i), null,
                    views.getLong(i), saves.getLong(i), t, type.get(i)));
        }
        return out;
    }

    /**
     * The distinct tags of a hashtags cell, lower-cased, split on whitespace, {@code #} and commas (so a
     * loosely written {@code "#a,#b"} still gives two tags), in order of first appearance.
     */
    static Set<String> hashtagSet(String cell) {
        String s = cell.toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSeparator(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSeparator(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                String tag = s.substring(start, i);
                if (!tag.isBlank()) {
                    out.add(tag);
                }
            }
        }
        return Collections.unmodifiableSet(out);
    }

    // The characters of the regex class [\s#,]: \s is ASCII whitespace only, as in java.util.regex.
    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '#' || c == ',';
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
