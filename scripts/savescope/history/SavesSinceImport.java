package savescope.history;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import savescope.load.Loader;
import savescope.load.SnapshotKeys;
import savescope.model.Canonical;
import savescope.model.Dataset;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Saves gained between the two latest imports that brought new exports: per video, its saves in everything
 * imported now minus its saves in everything imported before the latest such import.
 *
 * @param since when the earlier of the two imports ran
 * @param gained the sum over videos (a count that went down, as TikTok sometimes corrects, counts negative)
 * @param videos how many videos gained at least one save
 * @param firstSeen videos first seen in the latest import (all their saves count as gained)
 * @param top the videos that gave most of the gain, largest first: the fewest that together give half of it,
 *     at most {@value #TOP}
 * @param leftOut videos without a video id left out of the gain: nothing told whether they were imported before
 *     (they have no posting time or title, or share them with another video)
 */
public record SavesSinceImport(Instant since, long gained, int videos, int firstSeen, List<VideoGain> top,
        int leftOut) {
    static final int TOP = 3;

    public SavesSinceImport {
        top = List.copyOf(top);
    }

    /** One video's gain. */
    public record VideoGain(String videoId, String title, long gained, boolean firstSeen) {}

    /**
     * The gain since the previous import with new content, or empty when the history has fewer than two such
     * imports or no saves.
     *
     * @param options the options of the report, under those each export was imported with
     * @param now the dataset of everything imported
     */
    public static Optional<SavesSinceImport> of(History history, Loader.Options options, Dataset now) {
        Manifest m = history.manifest();
        List<Integer> withContent = new ArrayList<>();
        for (int i = 0; i < m.imports().size(); i++) {
            if (m.imports().get(i).addedContent()) {
                withContent.add(i);
            }
        }
        if (withContent.size() < 2) {
            return Optional.empty();
        }
        int latest = withContent.get(withContent.size() - 1);
        int previous = withContent.get(withContent.size() - 2);
        Dataset before = Loader.loadStored(history.storedFiles(m, latest, options), options);
        return between(before, now, m.imports().get(previous).importedAt());
    }

    /**
     * The gain from the per-video frame of {@code earlier} to that of {@code now}; empty when {@code now} has no
     * saves. Videos are joined by id; a video without an id has the id of its oldest row in both, and one whose id
     * {@code earlier} lacks is looked for there by account, posting time and title, and left out when it may have
     * been imported before but cannot be told apart.
     */
    static Optional<SavesSinceImport> between(Dataset earlierData, Dataset nowData, Instant since) {
        Table before = earlierData.videos();
        Table now = nowData.videos();
        Map<String, Long> earlier = new HashMap<>();
        StringColumn beforeIds = before.stringColumn(Canonical.VIDEO_ID);
        LongColumn beforeSaves = before.longColumn(Canonical.SAVES);
        for (int r = 0; r < before.rowCount(); r++) {
            if (!beforeSaves.isMissing(r)) {
                earlier.put(beforeIds.get(r), beforeSaves.getLong(r));
            }
        }
        WithoutIds withoutIds = new WithoutIds(earlierData, nowData);
        StringColumn ids = now.stringColumn(Canonical.VIDEO_ID);
        StringColumn titles = now.stringColumn(Canonical.TITLE);
        LongColumn saves = now.longColumn(Canonical.SAVES);
        List<VideoGain> gains = new ArrayList<>();
        long total = 0;
        int withSaves = 0;
        int leftOut = 0;
        for (int r = 0; r < now.rowCount(); r++) {
            if (saves.isMissing(r)) {
                continue;
            }
            Long was = earlier.get(ids.get(r));
            if (was == null && withoutIds.isRowsOwnId(ids.get(r))) {
                String match = withoutIds.earlierOf(r);
                if (match == WithoutIds.UNKNOWN) {
                    leftOut++;
                    continue;
                }
                was = match == null ? null : earlier.get(match);
            }
            withSaves++;
            long gain = saves.getLong(r) - (was == null ? 0 : was);
            total += gain;
            gains.add(new VideoGain(ids.get(r), titles.get(r), gain, was == null));
        }
        if (withSaves == 0) {
            return Optional.empty();
        }
        gains.sort(Comparator.comparingLong(VideoGain::gained).reversed().thenComparing(VideoGain::videoId));
        List<VideoGain> top = new ArrayList<>();
        long covered = 0;
        for (VideoGain g : gains) {
            if (g.gained() <= 0 || top.size() == TOP || (total > 0 && covered * 2 >= total)) {
                break;
            }
            top.add(g);
            covered += g.gained();
        }
        int gaining = (int) gains.stream().filter(g -> g.gained() > 0).count();
        int first = (int) gains.stream().filter(VideoGain::firstSeen).count();
        return Optional.of(new SavesSinceImport(since, total, gaining, first, top, leftOut));
    }

    /**
     * Finds the earlier counterpart of a video without a video id whose id the earlier load lacks (its oldest row
     * came in later than the earlier import, as an older export imported late does): the one earlier video with
     * its account, posting time and title that the latest load no longer has.
     */
    private static final class WithoutIds {
        /** Said of a video that may have been imported before, under a row that cannot be told apart. */
        static final String UNKNOWN = new String("unknown");
        private final java.util.Set<String> nowFiles;
        private final Table now;
        private final Map<String, List<String>> earlierByKey = new HashMap<>();
        private final java.util.Set<String> nowIds = new java.util.HashSet<>();
        private final boolean earlierWithoutKey;

        WithoutIds(Dataset earlier, Dataset now) {
            this.now = now.videos();
            this.nowFiles = SnapshotKeys.sourceFiles(now.load().sources());
            java.util.Set<String> earlierFiles = SnapshotKeys.sourceFiles(earlier.load().sources());
            Table before = earlier.videos();
            StringColumn ids = before.stringColumn(Canonical.VIDEO_ID);
            boolean keyless = false;
            for (int r = 0; r < before.rowCount(); r++) {
                String key = SnapshotKeys.of(before, r);
                if (key != null) {
                    earlierByKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(ids.get(r));
                } else if (SnapshotKeys.isRowsOwnId(ids.get(r), earlierFiles)) {
                    keyless = true;
                }
            }
            this.earlierWithoutKey = keyless;
            this.now.stringColumn(Canonical.VIDEO_ID).forEach(nowIds::add);
        }

        boolean isRowsOwnId(String id) {
            return SnapshotKeys.isRowsOwnId(id, nowFiles);
        }

        /**
         * The id of row {@code r}'s video in the earlier load, null when it was not there, or {@link #UNKNOWN}
         * when it may have been but nothing tells which it was.
         */
        String earlierOf(int r) {
            String key = SnapshotKeys.of(now, r);
            if (key == null) {
                return earlierWithoutKey ? UNKNOWN : null;
            }
            List<String> alike = earlierByKey.get(key);
            if (alike == null) {
                return null;
            }
            List<String> gone = alike.stream().filter(id -> !nowIds.contains(id)).toList();
            return alike.size() == 1 && gone.size() == 1 ? gone.get(0) : UNKNOWN;
        }
    }

    /** The sentence with the number, for the top of the findings. */
    public String headline() {
        String videosPart = top.isEmpty() ? "" : top.size() == 1 ? ", most of them from one video"
                : ", most of them from " + top.size() + " videos";
        return "Saves gained since the last import (" + day(since) + "): " + signed(gained) + videosPart
                + (leftOut == 0 ? "" : "; " + leftOut + (leftOut == 1 ? " video" : " videos") + " without a video id "
                        + "left out") + ".";
    }

    /** Which videos, and how the number was counted. */
    public String detail() {
        StringBuilder s = new StringBuilder();
        if (!top.isEmpty()) {
            List<String> parts = new ArrayList<>();
            long covered = 0;
            for (VideoGain g : top) {
                parts.add("\u201C" + shortTitle(g) + "\u201D " + signed(g.gained()) + (g.firstSeen() ? " (first seen now)" : ""));
                covered += g.gained();
            }
            s.append(String.join("; ", parts)).append(". ");
            if (gained > 0 && top.size() > 1) {
                s.append("Together ").append(Math.round(100.0 * covered / gained)).append("% of the gain. ");
            } else if (gained > 0) {
                s.append(Math.round(100.0 * covered / gained)).append("% of the gain. ");
            }
        }
        s.append(videos).append(videos == 1 ? " video" : " videos").append(" gained saves. Counted per video: its "
                + "saves in the latest exports minus its saves in those imported before ").append(day(since))
                .append(firstSeen == 0 ? "." : "; " + firstSeen + (firstSeen == 1 ? " video" : " videos")
                        + " first seen in the latest import count all their saves.");
        if (leftOut > 0) {
            s.append(" Left out: ").append(leftOut).append(leftOut == 1 ? " video" : " videos").append(" without a "
                    + "video id that could not be told apart from videos imported before (no posting time or title, or "
                    + "the same account, posting time and title as another video), so whether their saves are new "
                    + "is unknown.");
        }
        return s.toString();
    }

    private static String shortTitle(VideoGain g) {
        String t = g.title() == null || g.title().isBlank() ? "video " + g.videoId() : g.title().strip();
        return t.length() <= 60 ? t : t.substring(0, 59) + "\u2026";
    }

    private static String signed(long n) {
        return (n >= 0 ? "+" : "\u2212") + String.format(Locale.ROOT, "%,d", Math.abs(n));
    }

    private static String day(Instant t) {
        return DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(t.atOffset(ZoneOffset.UTC));
    }
}
