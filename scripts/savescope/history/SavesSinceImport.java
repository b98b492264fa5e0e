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
 */
public record SavesSinceImport(Instant since, long gained, int videos, int firstSeen, List<VideoGain> top) {
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
        return between(before.videos(), now.videos(), m.imports().get(previous).importedAt());
    }

    /** The gain from the per-video frame {@code before} to {@code now}; empty when {@code now} has no saves. */
    static Optional<SavesSinceImport> between(Table before, Table now, Instant since) {
        Map<String, Long> earlier = new HashMap<>();
        StringColumn beforeIds = before.stringColumn(Canonical.VIDEO_ID);
        LongColumn beforeSaves = before.longColumn(Canonical.SAVES);
        for (int r = 0; r < before.rowCount(); r++) {
            if (!beforeSaves.isMissing(r)) {
                earlier.put(beforeIds.get(r), beforeSaves.getLong(r));
            }
        }
        StringColumn ids = now.stringColumn(Canonical.VIDEO_ID);
        StringColumn titles = now.stringColumn(Canonical.TITLE);
        LongColumn saves = now.longColumn(Canonical.SAVES);
        List<VideoGain> gains = new ArrayList<>();
        long total = 0;
        int withSaves = 0;
        for (int r = 0; r < now.rowCount(); r++) {
            if (saves.isMissing(r)) {
                continue;
            }
            withSaves++;
            Long was = earlier.get(ids.get(r));
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
        return Optional.of(new SavesSinceImport(since, total, gaining, first, top));
    }

    /** The sentence with the number, for the top of the findings. */
    public String headline() {
        String videosPart = top.isEmpty() ? "" : top.size() == 1 ? ", most of them from one video"
                : ", most of them from " + top.size() + " videos";
        return "Saves gained since the last import (" + day(since) + "): " + signed(gained) + videosPart + ".";
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
