package savescope.model;

import java.util.List;
import java.util.Optional;
import savescope.model.LoadReport;
import tech.tablesaw.api.Table;

/**
 * Everything one run loaded: the canonical per-video frame, the optional time series, channel-level
 * audience tables and comments, and the report of what was read, used and rejected.
 *
 * @param videos canonical per-video frame, one row per video with its latest counts
 *     ({@link Canonical#emptyVideos})
 * @param daily daily increments per video ({@link Canonical#emptyDaily}), possibly empty
 * @param snapshots per-video totals at several times ({@link Canonical#emptySnapshots}), possibly empty
 * @param channel channel-level Studio tables (see {@link ChannelTable} for their kinds and columns)
 * @param comments comment texts per video ({@link Canonical#emptyComments}) with no user fields, possibly
 *     empty
 * @param load what was read, used and rejected
 */
public record Dataset(Table videos, Table daily, Table snapshots, List<ChannelTable> channel, Table comments,
        LoadReport load) {

    public Dataset {
        channel = List.copyOf(channel);
    }

    /**
     * A channel-level Studio table. Kinds and their columns (dates are {@code LocalDate}, counts long,
     * shares double in [0, 1]; a value Studio wrote as {@code undefined} is missing):
     * <ul>
     *   <li>{@code Overview}: date, video_views, profile_views, likes, comments, shares, new_followers</li>
     *   <li>{@code FollowerHistory}: date, followers, difference (recomputed from followers)</li>
     *   <li>{@code FollowerActivity}: date, hour (int 0–23), active_followers</li>
     *   <li>{@code FollowerGender}: gender (string), share</li>
     *   <li>{@code FollowerTopTerritories}: territory (ISO-2 string), share</li>
     *   <li>{@code Viewers}: date, total_viewers, new_viewers, returning_viewers</li>
     *   <li>{@code Content}: the Studio Content.csv rows as videos (no saves), kept for reference beside
     *       per-video data; with no other per-video source they are the videos instead</li>
     * </ul>
     */
    public record ChannelTable(String kind, String file, Table table) {}

    public Optional<Table> channelTable(String kind) {
        return channel.stream().filter(c -> c.kind().equals(kind)).map(ChannelTable::table).findFirst();
    }

    /** A dataset of videos alone, as tests and notebooks build them. */
    public static Dataset ofVideos(Table videos, LoadReport load) {
        return new Dataset(videos, Canonical.emptyDaily("daily"), Canonical.emptySnapshots("snapshots"), List.of(),
                Canonical.emptyComments("comments"), load);
    }
}
