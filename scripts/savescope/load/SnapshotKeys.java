package savescope.load;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import savescope.model.Canonical;
import savescope.model.PackedTimes;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Matches rows without a video id across sources by what a hand-kept sheet does carry: the same account (as
 * {@link AccountNames} compares them), posting time (to the minute) and title are one video seen in two snapshots,
 * as long as no source holds two rows with that account, time and title. Rows of one source are never matched
 * with each other, and a row without a posting time or a title never is.
 */
public final class SnapshotKeys {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** Places listed per warning; the rest are counted. */
    private static final int LISTED = 3;

    /**
     * The groups of rows (indexes into the joined table, in load order) that are one video each, and one warning per
     * source whose rows alike in account, time and title kept rows of other sources from being matched.
     */
    record Found(List<List<Integer>> groups, List<String> warnings) {
        static final Found NONE = new Found(List.of(), List.of());
    }

    private SnapshotKeys() {}

    /**
     * The key of row {@code row} of a canonical per-video frame: its account's handle, its posting time's minute and
     * its title; null when it has no posting time or no title.
     */
    public static String of(Table videos, int row) {
        return of(videos.stringColumn(Canonical.ACCOUNT), videos.instantColumn(Canonical.POSTED_AT),
                videos.stringColumn(Canonical.TITLE), row);
    }

    private static String of(StringColumn accounts, InstantColumn posted, StringColumn titles, int row) {
        long second = PackedTimes.epochSecond(posted, row);
        String title = titles.get(row);
        if (second == Long.MIN_VALUE || title == null || title.isBlank()) {
            return null;
        }
        return accountAndMinute(accounts, row, second) + '\u0001' + sameText(title);
    }

    /** Row {@code row}'s account as a handle and the minute of its posting time ({@code second}, known). */
    private static String accountAndMinute(StringColumn accounts, int row, long second) {
        String account = accounts.get(row);
        return AccountNames.key(account == null ? "" : account) + '\u0001' + Math.floorDiv(second, 60);
    }

    /**
     * A title in one Unicode form (NFC): "é" typed as one character or as "e" and a combining accent (as macOS and
     * some spreadsheets save it) is the same title, shown alike.
     */
    private static String sameText(String title) {
        return java.text.Normalizer.isNormalized(title, java.text.Normalizer.Form.NFC) ? title
                : java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFC);
    }

    /**
     * Whether {@code id} is a row's own id ({@code Content.csv#14}, made from its place because the row has no
     * video id) of one of {@code files}, the sources of a load.
     */
    public static boolean isRowsOwnId(String id, Set<String> files) {
        for (int hash = id.indexOf('#'); hash > 0; hash = id.indexOf('#', hash + 1)) {
            if (files.contains(id.substring(0, hash))) {
                return true;
            }
        }
        return false;
    }

    /** The files a load read per-video rows from, for {@link #isRowsOwnId}. */
    public static Set<String> sourceFiles(Collection<savescope.model.SourceReport> sources) {
        Set<String> files = new java.util.HashSet<>();
        sources.forEach(s -> files.add(s.file()));
        return files;
    }

    /**
     * Finds the rows without a real id of {@code all} (the rows of {@code builders} one after another) that are
     * one video in several sources, leaving out the rows {@code skipped} (repeats read once).
     */
    static Found find(Table all, List<VideoFrameBuilder> builders, int[] builderOf, int[] rowInBuilder, boolean[] real,
            List<Integer> skipped) {
        if (builders.size() < 2 || !RepeatedRows.twoSourcesWithoutIds(builderOf, real)) {
            return Found.NONE;
        }
        StringColumn accounts = all.stringColumn(Canonical.ACCOUNT);
        InstantColumn posted = all.instantColumn(Canonical.POSTED_AT);
        StringColumn titles = all.stringColumn(Canonical.TITLE);
        BitSet left = new BitSet();
        skipped.forEach(left::set);
        // Per key: its rows in load order (each source's rows one after another), with or without an id, so that
        // a key two rows of one source share is seen whatever ids they have.
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int r = 0; r < real.length; r++) {
            String key = of(accounts, posted, titles, r);
            if (key != null) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>(2)).add(r);
            }
        }
        List<List<Integer>> groups = new ArrayList<>();
        Map<Integer, List<List<Integer>>> alikeBySource = new LinkedHashMap<>();
        BitSet warned = new BitSet(); // rows of a key some source holds twice: the warning about those names them
        for (List<Integer> rows : byKey.values()) {
            if (rows.size() < 2 || builderOf[rows.get(0)] == builderOf[rows.get(rows.size() - 1)]) {
                continue; // in one source only: nothing to match
            }
            List<Integer> group = new ArrayList<>(rows.size());
            for (int r : rows) {
                if (!real[r] && !left.get(r)) {
                    group.add(r);
                }
            }
            if (group.size() < 2 || builderOf[group.get(0)] == builderOf[group.get(group.size() - 1)]) {
                continue;
            }
            Map<Integer, List<Integer>> perSource = new HashMap<>();
            for (int r : rows) {
                perSource.computeIfAbsent(builderOf[r], k -> new ArrayList<>(1)).add(r);
            }
            boolean alike = false;
            for (Map.Entry<Integer, List<Integer>> e : perSource.entrySet()) {
                if (e.getValue().size() > 1) {
                    alike = true;
                    alikeBySource.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
                }
            }
            if (!alike) {
                groups.add(group);
            } else {
                rows.forEach(warned::set);
            }
        }
        List<String> warnings = new ArrayList<>();
        String apart = keepSourcesApart(byKey, groups, builders, builderOf, rowInBuilder, real, warned, all);
        if (apart != null) {
            warnings.add(apart);
        }
        for (Map.Entry<Integer, List<List<Integer>>> e : alikeBySource.entrySet()) {
            warnings.add(alikeWarning(builders.get(e.getKey()), e.getValue(), rowInBuilder, all));
        }
        BitSet settled = (BitSet) left.clone();
        settled.or(warned);
        groups.forEach(g -> g.forEach(settled::set));
        List<List<Integer>> retitled = retitled(all, builderOf, real, settled, groups,
                overlap(byKey, real, builderOf, builders.size()));
        if (!retitled.isEmpty()) {
            groups.addAll(retitled);
            retitled.forEach(g -> g.forEach(settled::set));
            warnings.add(retitledWarning(all, builders, builderOf, rowInBuilder, retitled));
        }
        String unmatched = unmatchedWarning(all, builders, builderOf, rowInBuilder, real, settled);
        if (unmatched != null) {
            warnings.add(unmatched);
        }
        String untitled = untitledWarning(all, builders, builderOf, rowInBuilder, real, settled);
        if (untitled != null) {
            warnings.add(untitled);
        }
        return groups.isEmpty() && warnings.isEmpty() ? Found.NONE : new Found(groups, warnings);
    }

    /**
     * Leaves unmatched the groups whose sources have too little in common to be snapshots of one sheet: two sources are
     * taken for exports of the same videos only when they share at least two keys (account, posting minute, title) of
     * rows without an id, and at least half of the keys of the one that has fewer. Two creators' sheets without an
     * account column, each with a "Part 2" posted the same day, share that one key and nothing else: their two videos
     * stay two. Weekly copies of one sheet share nearly every key. Returns the warning about the groups left, or null.
     */
    private static String keepSourcesApart(Map<String, List<Integer>> byKey, List<List<Integer>> groups,
            List<VideoFrameBuilder> builders, int[] builderOf, int[] rowInBuilder, boolean[] real, BitSet warned,
            Table all) {
        if (groups.isEmpty()) {
            return null;
        }
        Overlap overlap = overlap(byKey, real, builderOf, builders.size());
        List<List<Integer>> apart = new ArrayList<>();
        java.util.Iterator<List<Integer>> it = groups.iterator();
        while (it.hasNext()) {
            List<Integer> group = it.next();
            for (int k = 1; k < group.size(); k++) {
                int a = builderOf[group.get(k - 1)];
                int b = builderOf[group.get(k)];
                if (a != b && !overlap.sameVideos(a, b)) {
                    apart.add(group);
                    group.forEach(warned::set);
                    it.remove();
                    break;
                }
            }
        }
        if (apart.isEmpty()) {
            return null;
        }
        List<String> shown = new ArrayList<>();
        for (List<Integer> group : apart.subList(0, Math.min(LISTED, apart.size()))) {
            int first = group.get(0);
            shown.add("\"" + all.stringColumn(Canonical.TITLE).get(first) + "\" at " + String.join(", ",
                    group.stream().map(r -> place(builders.get(builderOf[r]), rowInBuilder[r])).toList()));
        }
        long rows = apart.stream().mapToLong(List::size).sum();
        return rows + " rows without a video id share their account, posting time and title with a row of another file ("
                + String.join("; ", shown) + (apart.size() > LISTED ? "; ..." : "") + "), but those files have too few "
                + "such videos in common to be exports of the same videos (at least two, and half of the smaller file's, "
                + "are needed), so each row is counted as a video of its own. An account column or video ids in the "
                + "exports would tell them apart.";
    }

    /**
     * How many keys (account, posting minute, title) of rows without an id each source has, and each pair of sources
     * shares: two sources are exports of the same videos when they share at least two, and at least half of the keys
     * of the one that has fewer.
     */
    private record Overlap(int[] keys, Map<Long, Integer> shared) {
        boolean sameVideos(int a, int b) {
            int common = shared.getOrDefault((long) Math.min(a, b) * keys.length + Math.max(a, b), 0);
            return common >= 2 && 2 * common >= Math.min(keys[a], keys[b]);
        }
    }

    private static Overlap overlap(Map<String, List<Integer>> byKey, boolean[] real, int[] builderOf, int sources) {
        int[] keys = new int[sources];
        Map<Long, Integer> shared = new HashMap<>();
        for (List<Integer> rows : byKey.values()) {
            java.util.TreeSet<Integer> in = new java.util.TreeSet<>();
            for (int r : rows) {
                if (!real[r]) {
                    in.add(builderOf[r]);
                }
            }
            in.forEach(b -> keys[b]++);
            for (int a : in) {
                for (int b : in.tailSet(a, false)) {
                    shared.merge((long) a * sources + b, 1, Integer::sum);
                }
            }
        }
        return new Overlap(keys, shared);
    }

    /**
     * Rows without an id, matched with nothing, that are one video retitled between exports: titled rows of sources
     * that are exports of the same videos ({@link Overlap}), alike in account and posting minute, where each source
     * holds that account and minute on one row only (matched rows and rows with ids included). A posting time at
     * midnight to the minute is taken for a day without a time, too coarse to tell videos apart, and never matched.
     * A row already matched by its title to rows of other exports (the new title kept in a third weekly file, or the
     * old one given back) joins with them: such a group is taken out of {@code groups} and returned whole, merged.
     */
    private static List<List<Integer>> retitled(Table all, int[] builderOf, boolean[] real, BitSet settled,
            List<List<Integer>> groups, Overlap overlap) {
        Map<Integer, Integer> groupOf = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (int r : groups.get(g)) {
                groupOf.put(r, g);
            }
        }
        StringColumn accounts = all.stringColumn(Canonical.ACCOUNT);
        InstantColumn posted = all.instantColumn(Canonical.POSTED_AT);
        StringColumn titles = all.stringColumn(Canonical.TITLE);
        Map<String, Integer> perSource = new HashMap<>();
        Map<String, List<Integer>> candidates = new LinkedHashMap<>();
        for (int r = 0; r < real.length; r++) {
            long second = PackedTimes.epochSecond(posted, r);
            if (second == Long.MIN_VALUE || Math.floorMod(second, 86_400) < 60) {
                continue;
            }
            String time = accountAndMinute(accounts, r, second);
            perSource.merge(builderOf[r] + "\u0001" + time, 1, Integer::sum);
            String title = titles.get(r);
            if (!real[r] && (!settled.get(r) || groupOf.containsKey(r)) && title != null && !title.isBlank()) {
                candidates.computeIfAbsent(time, k -> new ArrayList<>(2)).add(r);
            }
        }
        List<List<Integer>> merged = new ArrayList<>();
        java.util.Set<Integer> absorbed = new java.util.HashSet<>();
        for (Map.Entry<String, List<Integer>> e : candidates.entrySet()) {
            List<Integer> rows = e.getValue();
            // Two rows at least, not all of one group already matched by title: two titles to join.
            if (rows.size() < 2 || (groupOf.containsKey(rows.get(0))
                    && rows.stream().allMatch(r -> groupOf.get(rows.get(0)).equals(groupOf.get(r))))) {
                continue;
            }
            boolean one = true;
            for (int k = 0; k < rows.size() && one; k++) {
                int source = builderOf[rows.get(k)];
                one = perSource.get(source + "\u0001" + e.getKey()) == 1
                        && (k == 0 || (source != builderOf[rows.get(k - 1)] && overlap.sameVideos(builderOf[rows.get(k - 1)], source)));
            }
            if (one) {
                merged.add(rows);
                rows.stream().map(groupOf::get).filter(java.util.Objects::nonNull).forEach(absorbed::add);
            }
        }
        if (!absorbed.isEmpty()) {
            List<List<Integer>> kept = new ArrayList<>(groups.size() - absorbed.size());
            for (int g = 0; g < groups.size(); g++) {
                if (!absorbed.contains(g)) {
                    kept.add(groups.get(g));
                }
            }
            groups.clear();
            groups.addAll(kept);
        }
        return merged;
    }

    /** Names the videos matched by account and posting time alone, with the titles they had. */
    private static String retitledWarning(Table all, List<VideoFrameBuilder> builders, int[] builderOf, int[] rowInBuilder,
            List<List<Integer>> groups) {
        StringColumn titles = all.stringColumn(Canonical.TITLE);
        List<Integer> first = groups.get(0);
        List<String> seen = first.stream().limit(LISTED).map(r -> "\"" + titles.get(r) + "\" at "
                + place(builders.get(builderOf[r]), rowInBuilder[r])).toList();
        return groups.size() + (groups.size() == 1 ? " video" : " videos") + " without a video id had another title in "
                + "another file and " + (groups.size() == 1 ? "was" : "were") + " matched by account and posting time "
                + "(to the minute), which no other row of "
                + "those files shares (the first: " + String.join(", then ", seen) + (first.size() > LISTED ? ", ..." : "")
                + "): each is counted once, as a video retitled between exports, with the newest export's title.";
    }

    /**
     * Says how many rows without a video id, matched with nothing, share their title with such rows of other sources:
     * one video seen in two exports that differ in its posting time (none, only the day, another zone) or account
     * (a column added later) is then counted once per export. Null when there are none. {@code settled}: the rows
     * matched, repeated or already warned about.
     */
    private static String unmatchedWarning(Table all, List<VideoFrameBuilder> builders, int[] builderOf,
            int[] rowInBuilder, boolean[] real, BitSet settled) {
        StringColumn titles = all.stringColumn(Canonical.TITLE);
        Map<String, List<Integer>> byTitle = new LinkedHashMap<>();
        for (int r = 0; r < real.length; r++) {
            if (real[r] || settled.get(r)) {
                continue;
            }
            String title = titles.get(r);
            if (title != null && !title.isBlank()) {
                byTitle.computeIfAbsent(sameText(title), k -> new ArrayList<>(2)).add(r);
            }
        }
        Spread spread = Spread.of(byTitle.values(), builderOf);
        if (spread == null) {
            return null;
        }
        long rows = spread.rows();
        List<Integer> example = spread.example();
        List<String> places = spread.places(builders, builderOf, rowInBuilder);
        return rows + " rows without a video id share their title with such rows of other files but not their account "
                + "and posting time to the minute (the first: \"" + titles.get(example.get(0)) + "\" at "
                + String.join(", ", places) + (example.size() > LISTED ? ", ..." : "") + "), so nothing tells whether "
                + "they are one video seen in several exports: each row is counted as a video of its own (a video may "
                + "be counted more than once). A posting time and account given alike in every export, or a video id "
                + "or link, would let them be matched.";
    }

    /**
     * Says how many rows without a video id or title share their account and posting time (to the minute) with such
     * rows of other sources: never matched, each is counted as a video, so one video may be counted once per export.
     * Null when there are none.
     */
    private static String untitledWarning(Table all, List<VideoFrameBuilder> builders, int[] builderOf,
            int[] rowInBuilder, boolean[] real, BitSet settled) {
        StringColumn accounts = all.stringColumn(Canonical.ACCOUNT);
        InstantColumn posted = all.instantColumn(Canonical.POSTED_AT);
        StringColumn titles = all.stringColumn(Canonical.TITLE);
        Map<String, List<Integer>> byTime = new LinkedHashMap<>();
        for (int r = 0; r < real.length; r++) {
            if (real[r] || settled.get(r)) {
                continue;
            }
            long second = PackedTimes.epochSecond(posted, r);
            String title = titles.get(r);
            if (second == Long.MIN_VALUE || (title != null && !title.isBlank())) {
                continue;
            }
            byTime.computeIfAbsent(accountAndMinute(accounts, r, second), k -> new ArrayList<>(2)).add(r);
        }
        Spread spread = Spread.of(byTime.values(), builderOf);
        if (spread == null) {
            return null;
        }
        long rows = spread.rows();
        List<Integer> example = spread.example();
        List<String> places = spread.places(builders, builderOf, rowInBuilder);
        return rows + " rows without a video id or title share their account and posting time (to the minute) with such "
                + "rows of other files (the first: posted " + SHOWN.format(PackedTimes.instant(posted, example.get(0)))
                + " at " + String.join(", ", places) + (example.size() > LISTED ? ", ..." : "") + "), so nothing tells "
                + "whether they are one video seen in several exports: each row is counted as a video of its own (a "
                + "video may be counted more than once). A title, video id or link in the exports would let them be "
                + "matched.";
    }

    /** Names the rows of one source that share their account, posting time and title, and what that cost. */
    private static String alikeWarning(VideoFrameBuilder b, List<List<Integer>> sets, int[] rowInBuilder, Table all) {
        long rows = sets.stream().mapToLong(List::size).sum();
        List<String> shown = new ArrayList<>();
        for (List<Integer> set : sets.subList(0, Math.min(LISTED, sets.size()))) {
            int first = set.get(0);
            List<String> places = set.stream().map(r -> place(b, rowInBuilder[r])).toList();
            shown.add("\"" + all.stringColumn(Canonical.TITLE).get(first) + "\" posted "
                    + SHOWN.format(PackedTimes.instant(all.instantColumn(Canonical.POSTED_AT), first)) + " at "
                    + String.join(", ", places));
        }
        return b.sourceName() + ": " + rows + " rows share their account, posting time and title with another row of "
                + "the same source (" + String.join("; ", shown) + (sets.size() > LISTED ? "; ..." : "") + "), so "
                + "which is which in the other exports cannot be told: these videos were not matched with their "
                + "snapshots in other files by account, posting time and title, and each row is counted as a video of "
                + "its own (a video may be counted more than once). A video id or link in the export would tell them "
                + "apart.";
    }

    private static String place(VideoFrameBuilder b, int row) {
        String place = b.placeWithoutId(row);
        return b.file() + ":" + (place != null ? place : "row " + (row + 1));
    }

    /**
     * Of sets of rows, those whose rows come from more than one source: how many rows they hold, and the first such
     * set, shown as the example. Null when there is none.
     */
    private record Spread(long rows, List<Integer> example) {
        /** The places of the example's first {@link #LISTED} rows. */
        List<String> places(List<VideoFrameBuilder> builders, int[] builderOf, int[] rowInBuilder) {
            return example.stream().limit(LISTED).map(r -> place(builders.get(builderOf[r]), rowInBuilder[r])).toList();
        }

        static Spread of(Collection<List<Integer>> sets, int[] builderOf) {
            long rows = 0;
            List<Integer> example = null;
            for (List<Integer> same : sets) {
                if (builderOf[same.get(0)] != builderOf[same.get(same.size() - 1)]) {
                    rows += same.size();
                    if (example == null) {
                        example = same;
                    }
                }
            }
            return example == null ? null : new Spread(rows, example);
        }
    }
}
