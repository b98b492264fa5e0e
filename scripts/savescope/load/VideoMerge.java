package savescope.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import savescope.model.Canonical;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Joins the per-video rows of every source into one row per video: rows with the same real id are the same
 * video seen at different times, so the latest counts win and the earlier ones become a series of snapshots.
 * Rows without a real id (rounded or missing) are never merged by id, nor are rows whose video links name
 * different videos, whatever their id cells say; a row without an id that another source repeats in every field is
 * left out ({@link RepeatedRows}), and rows without an id that other sources hold under the same account, posting
 * time and title are snapshots of one video ({@link SnapshotKeys}), merged as rows of one id are.
 */
final class VideoMerge {
    /**
     * The merged frame, the snapshots series, how many rows were earlier counts of a video kept, the sources
     * whose rows were put in time order against other rows of the same video (in load order), and what the user
     * should know about merges refused. {@code matchedWithoutId} is the part of {@code superseded} that rows
     * without an id gave, matched by account, posting time and title.
     */
    record Result(Table videos, Table snapshots, long superseded, long matchedWithoutId,
            List<VideoFrameBuilder> compared, List<String> warnings, RepeatedRows.Found repeats) {}

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
        int[] builderOf = new int[total];
        int[] rowInBuilder = new int[total];
        for (int bi = 0; bi < builders.size(); bi++) {
            VideoFrameBuilder b = builders.get(bi);
            for (int r = 0; r < b.table().rowCount(); r++, at++) {
                builderOf[at] = bi;
                rowInBuilder[at] = r;
                taken[at] = b.takenAtMillis(r);
                real[at] = b.hasRealId(r);
            }
        }
        // Rows without an id are never merged by id; those a second source repeats field for field are left out.
        RepeatedRows.Found repeats = RepeatedRows.find(all, builders, builderOf, rowInBuilder, real);
        // Rows without an id that other sources hold under the same account, posting time and title: one video each.
        SnapshotKeys.Found matched = SnapshotKeys.find(all, builders, builderOf, rowInBuilder, real, repeats.rows());
        // Every row's id read from its source's column as needed: a list of them all would be a million strings
        // at a million videos, for the collector to copy while they live.
        List<List<String>> idsOf = builders.stream().map(VideoFrameBuilder::ids).toList();
        List<String> ids = new java.util.AbstractList<>() {
            @Override
            public String get(int row) {
                return idsOf.get(builderOf[row]).get(rowInBuilder[row]);
            }

            @Override
            public int size() {
                return total;
            }
        };
        long[] numbers = numbersOf(real, row -> builders.get(builderOf[row]).idNumber(rowInBuilder[row]));
        if (matched.groups().isEmpty() && numbers != null && distinct(numbers, real)) {
            return new Result(without(all, repeats.rows()), Canonical.emptySnapshots("snapshots"), 0, 0, List.of(),
                    matched.warnings(), repeats);
        }
        Map<String, List<Integer>> repeated = new HashMap<>();
        java.util.function.Predicate<String> isId;
        if (numbers != null) {
            // Every real id is a plain number (TikTok's are): grouped as numbers, without a string and a map entry per
            // row, which at two exports of 100,000 videos doubled the collector's work. The same number is the same
            // text, since no id has a leading zero here.
            it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap firstOf =
                    new it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap(Math.max(16, total));
            firstOf.defaultReturnValue(-1);
            Map<Long, List<Integer>> byNumber = new HashMap<>();
            for (int r = 0; r < total; r++) {
                if (real[r]) {
                    int prev = firstOf.putIfAbsent(numbers[r], r);
                    if (prev >= 0) {
                        byNumber.computeIfAbsent(numbers[r], k -> new ArrayList<>(List.of(prev))).add(r);
                    }
                }
            }
            byNumber.values().forEach(rows -> repeated.put(ids.get(rows.get(0)), rows));
            isId = text -> savescope.model.PlainNumbers.is(text) && firstOf.containsKey(savescope.model.PlainNumbers.bits(text));
        } else {
            Map<String, Integer> first = new HashMap<>(Math.max(16, total * 2));
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
            isId = first::containsKey;
        }
        Table snapshots = Canonical.emptySnapshots("snapshots");
        if (repeated.isEmpty() && matched.groups().isEmpty()) {
            return new Result(without(all, repeats.rows()), snapshots, 0, 0, List.of(), matched.warnings(), repeats);
        }
        LongColumn[] counts = Canonical.COUNTS.stream().map(all::longColumn).toArray(LongColumn[]::new);
        List<Integer> drop = new ArrayList<>();
        List<String> order = new ArrayList<>(repeated.keySet());
        order.sort(null);
        List<Map.Entry<String, List<Integer>>> groups = new ArrayList<>();
        List<String> warnings = new ArrayList<>(matched.warnings());
        java.util.BitSet compared = new java.util.BitSet();
        StringColumn idColumn = all.stringColumn(Canonical.VIDEO_ID);
        for (String id : order) {
            Map<String, List<Integer>> split = byLink(id, repeated.get(id), all, isId);
            for (Map.Entry<String, List<Integer>> g : split.entrySet()) {
                if (!g.getKey().equals(id)) {
                    g.getValue().forEach(r -> idColumn.set(r, g.getKey()));
                }
                groups.add(g);
            }
            if (split.size() > 1) {
                warnings.add(conflict(id, repeated.get(id), all, builders, builderOf, rowInBuilder, split.size()));
            }
        }
        // A group without an id takes the id of its oldest row (which stays the same as later exports are added, so
        // the saves gained since an import can be counted per video).
        matched.groups().forEach(g -> groups.add(new java.util.AbstractMap.SimpleEntry<>(null, g)));
        long matchedWithoutId = 0;
        for (Map.Entry<String, List<Integer>> group : groups) {
            String id = group.getKey();
            boolean byKey = id == null;
            List<Integer> rows = group.getValue();
            if (rows.size() < 2) {
                continue;
            }
            if (rows.stream().mapToLong(r -> taken[r]).distinct().count() > 1
                    || rows.stream().mapToInt(r -> builderOf[r]).distinct().count() > 1) {
                rows.forEach(r -> compared.set(builderOf[r]));
            }
            // Oldest first; rows of the same time keep their load order, so the later file wins a tie.
            rows.sort((a, b) -> taken[a] != taken[b] ? Long.compare(taken[a], taken[b]) : Integer.compare(a, b));
            int keep = rows.get(rows.size() - 1);
            if (byKey) {
                id = idColumn.get(rows.get(0));
                idColumn.set(keep, id);
                matchedWithoutId += rows.size() - 1;
            }
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
        long superseded = drop.size();
        drop.addAll(repeats.rows());
        return new Result(without(all, drop), snapshots, superseded, matchedWithoutId,
                compared.stream().mapToObj(builders::get).toList(), warnings, repeats);
    }

    /**
     * {@code all} without the rows {@code drop} lists, named "videos" (links may have split every repeated id into
     * videos of one row each, and then nothing is dropped).
     */
    /**
     * The frame without the rows {@code drop}. Ids and titles stay packed ({@link Canonical#packedTextColumn}):
     * Tablesaw's own {@code dropRows} would copy them into dictionary columns, a string and a map entry per row,
     * while the packed frame is still held (at two exports of 100,000 videos merged, 90 MB more peak memory).
     */
    private static Table without(Table all, List<Integer> drop) {
        if (drop.isEmpty()) {
            all.setName("videos");
            return all;
        }
        java.util.BitSet gone = new java.util.BitSet(all.rowCount());
        drop.forEach(gone::set);
        int[] kept = java.util.stream.IntStream.range(0, all.rowCount()).filter(r -> !gone.get(r)).toArray();
        Table videos = Table.create("videos");
        for (tech.tablesaw.columns.Column<?> c : all.columns()) {
            if (c.name().equals(Canonical.VIDEO_ID) || c.name().equals(Canonical.TITLE)) {
                StringColumn from = (StringColumn) c;
                StringColumn to = Canonical.packedTextColumn(c.name(), kept.length);
                for (int r : kept) {
                    to.append(from.get(r));
                }
                videos.addColumns(to);
            } else {
                videos.addColumns(c.subset(kept));
            }
        }
        return videos;
    }

    /**
     * Each real id as a number, when every one is a plain number of 1 to 19 digits without a leading zero (then equal
     * numbers are equal texts); else null. Rows without a real id get 0, never read.
     */
    static long[] numbersOf(List<String> ids, boolean[] real) {
        return numbersOf(real, row -> {
            String id = ids.get(row);
            return savescope.model.PlainNumbers.is(id) ? savescope.model.PlainNumbers.bits(id)
                    : savescope.model.PlainNumbers.NOT_PLAIN;
        });
    }

    /** {@link #numbersOf(List, boolean[])} with each row's number from {@code number} ({@link savescope.model.PlainNumbers#of}). */
    static long[] numbersOf(boolean[] real, java.util.function.IntToLongFunction number) {
        long[] numbers = new long[real.length];
        for (int r = 0; r < numbers.length; r++) {
            if (real[r]) {
                long n = number.applyAsLong(r);
                if (n == savescope.model.PlainNumbers.NOT_PLAIN) {
                    return null;
                }
                numbers[r] = n;
            }
        }
        return numbers;
    }

    /**
     * True when every real id is a number of at most 19 digits and no two are equal: then nothing merges, which
     * a sort of the numbers shows without a map entry per row (a million of them cost more than the sort).
     * False sends the caller to the exact grouping, also for an id with a leading zero ("012" beside "12").
     */
    static boolean distinctNumbers(List<String> ids, boolean[] real) {
        long[] numbers = numbersOf(ids, real);
        return numbers != null && distinct(numbers, real);
    }

    /** Whether no two rows with a real id have the same number: a sort shows it without a map entry per row. */
    private static boolean distinct(long[] numbers, boolean[] real) {
        long[] keys = new long[numbers.length];
        int n = 0;
        for (int r = 0; r < numbers.length; r++) {
            if (real[r]) {
                keys[n++] = numbers[r] ^ Long.MIN_VALUE; // unsigned order, 19 digits included
            }
        }
        java.util.Arrays.sort(keys, 0, n);
        for (int i = 1; i < n; i++) {
            if (keys[i] == keys[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The rows of one id split by the video their links name: rows whose links agree (or that have none) stay
     * under the id; each other video's rows go under the video their link names, so two different videos are
     * never merged because a spreadsheet or a scraper gave them the same id. The id's own group comes first.
     */
    private static Map<String, List<Integer>> byLink(String id, List<Integer> rows, Table all,
            java.util.function.Predicate<String> isId) {
        StringColumn links = all.stringColumn(Canonical.LINK);
        Map<String, List<Integer>> byVideo = new LinkedHashMap<>();
        List<Integer> unlinked = new ArrayList<>();
        for (int r : rows) {
            String video = VideoIds.ofLink(links.get(r));
            if (video == null) {
                unlinked.add(r);
            } else {
                byVideo.computeIfAbsent(video, k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        if (byVideo.size() <= 1) {
            out.put(id, rows);
            return out;
        }
        // The id keeps the rows of the video it names itself, else those of its first linked row.
        String own = byVideo.containsKey(id) ? id : byVideo.keySet().iterator().next();
        List<Integer> kept = new ArrayList<>(byVideo.remove(own));
        kept.addAll(unlinked);
        kept.sort(null);
        out.put(id, kept);
        for (Map.Entry<String, List<Integer>> e : byVideo.entrySet()) {
            String video = e.getKey();
            // A link code that is also another row's id is still this row's own video: keep the two apart.
            String newId = isId.test(video) || out.containsKey(video) ? id + "~" + video : video;
            out.put(newId, e.getValue());
        }
        return out;
    }

    /** Names the rows whose links named different videos under one id, so the user can look at them. */
    private static String conflict(String id, List<Integer> rows, Table all, List<VideoFrameBuilder> builders,
            int[] builderOf, int[] rowInBuilder, int videos) {
        StringColumn links = all.stringColumn(Canonical.LINK);
        List<String> places = new ArrayList<>();
        for (int r : rows) {
            VideoFrameBuilder b = builders.get(builderOf[r]);
            String place = b.linkedRowPlace(rowInBuilder[r]);
            String video = VideoIds.ofLink(links.get(r));
            if (places.size() < 5) {
                places.add(b.file() + ":" + (place == null ? "row " + (rowInBuilder[r] + 1) : place)
                        + (video == null ? " (no video in its link)" : " (video " + video + ")"));
            }
        }
        return rows.size() + " rows share the id " + id + " but their links name " + videos + " different videos; only "
                + "rows of the same video were merged: " + String.join(", ", places)
                + (rows.size() > places.size() ? ", ..." : "") + ".";
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
