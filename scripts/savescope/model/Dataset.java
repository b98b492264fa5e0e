package savescope.model;

import java.util.List;
import java.util.Optional;
import savescope.load.LoadReport;
import tech.tablesaw.api.Table;

/**
 * Everything one run loaded: the canonical per-video frame, optional daily series and channel-level
 * audience data, and the report of what was read, used and rejected.
 *
 * @param videos canonical per-video frame (see {@link Canonical#emptyVideos})
 * @param daily canonical daily increments per video, possibly empty
 * @param channel channel-level tables (Overview, FollowerHistory, ...), keyed by their Studio name
 * @param load what was read, used and rejected
 */
public record Dataset(Table videos, Table daily, List<ChannelTable> channel, LoadReport load) {

    /** A channel-level Studio table such as {@code Overview} or {@code FollowerGender}. */
    public record ChannelTable(String kind, String file, Table table) {}

    public Optional<Table> channelTable(String kind) {
        return channel.stream().filter(c -> c.kind().equals(kind)).map(ChannelTable::table).findFirst();
    }
}
