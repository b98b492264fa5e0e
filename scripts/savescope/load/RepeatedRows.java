package savescope.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import savescope.model.Canonical;
import savescope.model.Rejection;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Rows without a real id that are the same in every field as a row of another source: the same videos read
 * twice (a file downloaded twice, a sheet copied into another sheet). Each is kept once; rows of one source are
 * never compared with each other, since two videos of one sheet may well look alike.
 */
final class RepeatedRows {
    /**
     * What one source repeated: how many of its rows, the first {@link RejectionList#LISTED} as rejections naming
     * the row each repeats, their reasons tallied, and the warning that names the source.
     */
    record Source(VideoFrameBuilder builder, long rows, List<Rejection> rejections, Map<String, Long> reasons,
            String warning) {}

    /** The rows to leave out (indexes into the joined table, ascending) and what each source repeated. */
    record Found(List<Integer> rows, List<Source> sources) {
        static final Found NONE = new Found(List.of(), List.of());
    }

    private RepeatedRows() {}

    /**
     * Finds the repeats among {@code all}, the rows of {@code builders} one after another ({@code builderOf} and
     * {@code rowInBuilder} say whose each row is; {@code real} whether it has a real id).
     */
    static Found find(Table all, List<VideoFrameBuilder> builders, int[] builderOf, int[] rowInBuilder, boolean[] real) {
        if (builders.size() < 2 || !twoSourcesWithoutIds(builderOf, real)) {
            return Found.NONE;
        }
        List<Column<?>> fields = all.columns().stream()
                .filter(c -> !c.name().equals(Canonical.VIDEO_ID) && !c.name().equals(Canonical.SOURCE)).toList();
        Map<String, Integer> first = new HashMap<>();
        Map<Integer, Tally> byBuilder = new LinkedHashMap<>();
        List<Integer> rows = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        for (int r = 0; r < real.length; r++) {
            if (real[r]) {
                continue;
            }
            key.setLength(0);
            for (Column<?> c : fields) {
                appendCell(key, c, r);
            }
            Integer f = first.putIfAbsent(key.toString(), r);
            if (f == null || builderOf[f] == builderOf[r]) {
                continue;
            }
            rows.add(r);
            VideoFrameBuilder seenIn = builders.get(builderOf[f]);
            VideoFrameBuilder b = builders.get(builderOf[r]);
            byBuilder.computeIfAbsent(builderOf[r], k -> new Tally()).add(b, rowInBuilder[r], seenIn, rowInBuilder[f]);
        }
        List<Source> sources = new ArrayList<>();
        byBuilder.forEach((bi, t) -> sources.add(t.source(builders.get(bi))));
        return new Found(rows, sources);
    }

    /** Appends cell {@code r} of {@code c} exactly (numbers and times by their bits, not as formatted text). */
    private static void appendCell(StringBuilder key, Column<?> c, int r) {
        if (c.isMissing(r)) {
            key.append('\u0000');
        } else if (c instanceof DoubleColumn d) {
            key.append(Double.doubleToLongBits(d.getDouble(r)));
        } else if (c instanceof LongColumn l) {
            key.append(l.getLong(r));
        } else if (c instanceof InstantColumn t) {
            key.append(t.getLongInternal(r));
        } else if (c.name().equals(Canonical.ACCOUNT)) {
            // "@Lena" and "lena" are one account (AccountNames): the same row under both is one video.
            key.append(AccountNames.key(c.getString(r)));
        } else {
            key.append(c.getString(r));
        }
        key.append('\u0001');
    }

    /** Whether rows without a real id come from at least two sources: else nothing can repeat across sources. */
    static boolean twoSourcesWithoutIds(int[] builderOf, boolean[] real) {
        int seen = -1;
        for (int r = 0; r < real.length; r++) {
            if (!real[r]) {
                if (seen >= 0 && builderOf[r] != seen) {
                    return true;
                }
                seen = builderOf[r];
            }
        }
        return false;
    }

    /** One source's repeats as they are found. */
    private static final class Tally {
        long rows;
        final List<Rejection> listed = new ArrayList<>();
        final Map<String, Long> reasons = new LinkedHashMap<>();
        final Set<String> firstSources = new LinkedHashSet<>();

        void add(VideoFrameBuilder b, int row, VideoFrameBuilder seenIn, int seenRow) {
            rows++;
            firstSources.add(seenIn.sourceName());
            if (listed.size() < RejectionList.LISTED) {
                listed.add(new Rejection(b.file(), place(b, row), "the same row as " + seenIn.file() + ":"
                        + place(seenIn, seenRow) + " in every field, without a video id: read once"));
            }
            reasons.merge("the same row as one of " + seenIn.sourceName() + " in every field, without a video id: "
                    + "read once", 1L, Long::sum);
        }

        Source source(VideoFrameBuilder b) {
            String warning = b.sourceName() + ": " + rows + (rows == 1 ? " row" : " rows") + " without a video id "
                    + (rows == 1 ? "is" : "are") + " the same in every field as rows of " + String.join(", ", firstSources)
                    + " (a video unchanged between two exports, or one export read twice); each video was read once, and "
                    + "the repeats are counted as rejected.";
            return new Source(b, rows, listed, reasons, warning);
        }

        private static String place(VideoFrameBuilder b, int row) {
            String place = b.placeWithoutId(row);
            return place != null ? place : "row " + (row + 1);
        }
    }
}
