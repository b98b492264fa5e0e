package savescope.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import savescope.model.Canonical;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * Joins the per-video rows of every source into one row per video: rows with the same real id are the same
 * video seen at different times, so the latest counts win and the earlier ones become a series of snapshots.
 * Rows without a real id (mangled or missing) are never merged.
 */
final class VideoMerge {
    /**
     * The merged frame, the snapshots series, how many rows were earlier counts of a video kept, and the sources
     * whose rows were put in time order against other rows of the same video (in load order).
     */
    record Result(Table videos, Table snapshots, long superseded, List<VideoFrameBuilder> compared) {}

    private VideoMerge() {}

    static Result merge(List<VideoFrameBuilder> builders) {
        Table all;
        long[] taken;
        boolean[] real;
        int total = builders.stream().mapToInt(b -> b.table().rowCount()).sum();
        taken = new long[total];
        real = new boolean[total];
        if (builders.size() == 1) {
            all = builders.get(0).table();
        } else {
            all = Canonical.emptyVideos("videos");
            for (VideoFrameBuilder b : builders) {
                all.append(b.table());
            }
        }
        int at = 0;
        int[] source = new int[total];
        for (int bi = 0; bi < builders.size(); bi++) {
            VideoFrameBuilder b = builders.get(bi);
            java.util.Arrays.fill(source, at, at + b.table().rowCount(), bi);
            for (int r = 0; r < b.table().rowCount(); r++, at++) {
                var t = b.takenAt(r);
                taken[at] = t == null ? Long.MIN_VALUE : t.toEpochMilli();
                real[at] = b.hasRealId(r);
            }
        }
        List<String> ids = new ArrayList<>(total);
        for (VideoFrameBuilder b : builders) {
            ids.addAll(b.ids());
        }
        Map<String, Integer> first = new HashMap<>(Math.max(16, total * 2));
        Map<String, List<Integer>> repeated = new HashMap<>();
        for (int r = 0; r < total; r++) {
            if (!real[r]) {
                continue;
            }
            String id = ids.get(r);
            Integer prev = first.putIfAbsent(id, r);
            if (prev != null) {
                repeated.computeIfAbsent(id, k -> new ArrayList<>(List.of(prev))).add(r);
            }
        }
        Table snapshots = Canonical.emptySnapshots("snapshots");
        if (repeated.isEmpty()) {
            all.setName("videos");
            return new Result(all, snapshots, 0, List.of());
        }
        LongColumn[] counts = Canonical.COUNTS.stream().map(all::longColumn).toArray(LongColumn[]::new);
        List<Integer> drop = new ArrayList<>();
        List<String> order = new ArrayList<>(repeated.keySet());
        order.sort(null);
        java.util.BitSet compared = new java.util.BitSet();
        for (String id : order) {
            List<Integer> rows = repeated.get(id);
            if (rows.stream().mapToLong(r -> taken[r]).distinct().count() > 1
                    || rows.stream().mapToInt(r -> source[r]).distinct().count() > 1) {
                rows.forEach(r -> compared.set(source[r]));
            }
            // Oldest first; rows of the same time keep their load order, so the later file wins a tie.
            rows.sort((a, b) -> taken[a] != taken[b] ? Long.compare(taken[a], taken[b]) : Integer.compare(a, b));
            int keep = rows.get(rows.size() - 1);
            for (LongColumn c : counts) {
                // A metric the latest source lacks comes from the latest source that has it.
                for (int k = rows.size() - 2; k >= 0 && c.isMissing(keep); k--) {
                    if (!c.isMissing(rows.get(k))) {
                        c.set(keep, c.getLong(rows.get(k)));
                    }
                }
            }
            long distinctTimes = rows.stream().mapToLong(r -> taken[r]).filter(t -> t != Long.MIN_VALUE).distinct().count();
            for (int k = 0; k < rows.size(); k++) {
                int r = rows.get(k);
                boolean lastOfItsTime = k == rows.size() - 1 || taken[rows.get(k + 1)] != taken[r];
                if (distinctTimes >= 2 && taken[r] != Long.MIN_VALUE && lastOfItsTime) {
                    addSnapshot(snapshots, id, taken[r], all, r);
                }
                if (r != keep) {
                    drop.add(r);
                }
            }
        }
        Table videos = all.dropRows(drop.stream().mapToInt(Integer::intValue).toArray());
        videos.setName("videos");
        return new Result(videos, snapshots, drop.size(), compared.stream().mapToObj(builders::get).toList());
    }

    private static void addSnapshot(Table snapshots, String id, long takenMillis, Table all, int row) {
        snapshots.stringColumn(Canonical.VIDEO_ID).append(id);
        InstantColumn when = snapshots.instantColumn(Canonical.TAKEN_AT);
        when.append(java.time.Instant.ofEpochMilli(takenMillis));
        for (String m : Canonical.COUNTS) {
            LongColumn from = all.longColumn(m);
            LongColumn to = snapshots.longColumn(m);
            if (from.isMissing(row)) {
                to.appendMissing();
            } else {
                to.append(from.getLong(row));
            }
        }
    }
}
