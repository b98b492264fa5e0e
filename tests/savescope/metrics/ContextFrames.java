package savescope.metrics;

import java.time.Instant;
import java.time.LocalDate;
import savescope.model.Canonical;
import tech.tablesaw.api.Table;

/** Builds small canonical frames for the time-and-context tests. */
public final class ContextFrames {
    private final Table videos = Canonical.emptyVideos("videos");
    private final Table daily = Canonical.emptyDaily("daily");

    public ContextFrames video(String id, String account, String postedAt, Long views, Long saves, String hashtags) {
        videos.stringColumn(Canonical.VIDEO_ID).append(id);
        videos.stringColumn(Canonical.ACCOUNT).append(account);
        videos.stringColumn(Canonical.TITLE).append("Video " + id);
        if (postedAt == null) {
            videos.instantColumn(Canonical.POSTED_AT).appendMissing();
        } else {
            videos.instantColumn(Canonical.POSTED_AT).append(Instant.parse(postedAt));
        }
        videos.doubleColumn(Canonical.DURATION_S).append(30.0);
        count(videos, Canonical.VIEWS, views);
        count(videos, Canonical.LIKES, null);
        count(videos, Canonical.COMMENTS, null);
        count(videos, Canonical.SHARES, null);
        count(videos, Canonical.SAVES, saves);
        videos.stringColumn(Canonical.CONTENT_TYPE).append("");
        videos.stringColumn(Canonical.HASHTAGS).append(hashtags);
        videos.stringColumn(Canonical.LINK).append("");
        videos.stringColumn(Canonical.SOURCE).append("test");
        return this;
    }

    public ContextFrames video(String id, String postedAt, long views, long saves) {
        return video(id, "", postedAt, views, saves, "");
    }

    public ContextFrames day(String id, String date, long views, long saves) {
        daily.stringColumn(Canonical.VIDEO_ID).append(id);
        daily.dateColumn(Canonical.DATE).append(LocalDate.parse(date));
        daily.longColumn(Canonical.VIEWS).append(views);
        daily.longColumn(Canonical.LIKES).appendMissing();
        daily.longColumn(Canonical.COMMENTS).appendMissing();
        daily.longColumn(Canonical.SHARES).appendMissing();
        daily.longColumn(Canonical.SAVES).append(saves);
        return this;
    }

    private static void count(Table t, String column, Long v) {
        if (v == null) {
            t.longColumn(column).appendMissing();
        } else {
            t.longColumn(column).append(v);
        }
    }

    public Table videos() {
        return videos;
    }

    public Table daily() {
        return daily;
    }
}
