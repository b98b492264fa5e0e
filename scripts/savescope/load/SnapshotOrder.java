package savescope.load;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * When each file's counts were taken, so that the newer of two snapshots of a video wins: the export time in a
 * file or ZIP name, else a scrape-time column, else the Studio download beside it, else the modification time;
 * and the sentence that tells the user which of these decided.
 */
final class SnapshotOrder {
    /** Where a file's snapshot time came from, most trusted first. */
    enum Basis {
        ZIP_NAME("the export time in its ZIP's name"),
        FILE_NAME("the date in its name"),
        SCRAPE_COLUMN("its rows' scrape times"),
        STUDIO_EXPORT("the export time of the Studio download beside it"),
        MODIFIED("its modification time"),
        UNKNOWN("no known time");

        final String words;

        Basis(String words) {
            this.words = words;
        }

        /** Whether a row's own scrape time is better than this. */
        boolean rowTimeWins() {
            return this != ZIP_NAME && this != FILE_NAME;
        }
    }

    /** What to tell the user about the order: an assumption, and a warning when the order is really unknown. */
    record Statement(String assumption, List<String> warnings) {}

    /** {@code 2025-07-31}, {@code 2025_07_31}, {@code 2025.07.31}, optionally with a time {@code _01-55-06}. */
    private static final Pattern SEPARATED = Pattern.compile("(?<!\\d)(20\\d{2})([-_.])(\\d{2})\\2(\\d{2})"
            + "(?:[T _-](\\d{2})([-.:h])(\\d{2})(?:\\6(\\d{2}))?)?(?!\\d)");
    /** {@code 20250731}, optionally with a time {@code _015506} or {@code T0155}. */
    private static final Pattern COMPACT = Pattern.compile("(?<!\\d)(20\\d{2})(\\d{2})(\\d{2})"
            + "(?:[T_-]?(\\d{2})(\\d{2})(\\d{2})?)?(?!\\d)");
    /** Scrape-time headers as their letters in lower case: {@code vid_scrapeTime} ends with {@code scrapetime}. */
    private static final List<String> SCRAPE_HEADERS = List.of("scrapetime", "scrapedat", "scrapedate", "scrapedtime",
            "scrapetimestamp", "collectedat", "collectiontime", "crawledat", "crawltime", "fetchedat", "fetchtime",
            "downloadedat", "retrievedat", "extractedat", "snapshottime", "snapshotat", "snapshotdate", "takenat");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private SnapshotOrder() {}

    /**
     * The export time a file name carries ({@code videos_2026-10-23.csv}, {@code scrape_2025-07-31_01-55-06.json},
     * {@code export-20250731.csv}), read as UTC; null when it has none.
     */
    static Instant timeInName(String fileName) {
        Matcher m = SEPARATED.matcher(fileName);
        if (m.find()) {
            Instant t = at(m.group(1), m.group(3), m.group(4), m.group(5), m.group(7), m.group(8));
            if (t != null) {
                return t;
            }
        }
        m = COMPACT.matcher(fileName);
        while (m.find()) {
            Instant t = at(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6));
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private static Instant at(String y, String mo, String d, String h, String mi, String s) {
        try {
            long day = LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d)).toEpochDay();
            int hour = h == null ? 0 : Integer.parseInt(h);
            int minute = mi == null ? 0 : Integer.parseInt(mi);
            int second = s == null ? 0 : Integer.parseInt(s);
            if (hour > 23 || minute > 59 || second > 59) {
                return Instant.ofEpochSecond(day * 86_400);
            }
            return Instant.ofEpochSecond(day * 86_400 + hour * 3600L + minute * 60L + second);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The index of the scrape-time column among these headers (or JSON keys, read for every item), or -1. */
    static int scrapeColumn(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            for (String h : SCRAPE_HEADERS) {
                if (endsWithLetters(header.get(i), h)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Whether the ASCII letters of {@code key}, in lower case, end with {@code letters}; without copying the key. */
    private static boolean endsWithLetters(String key, String letters) {
        int i = key.length() - 1;
        for (int j = letters.length() - 1; j >= 0; j--, i--) {
            while (i >= 0 && !isAsciiLetter(key.charAt(i))) {
                i--;
            }
            if (i < 0 || (key.charAt(i) | 0x20) != letters.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * How the files that hold snapshots of the same videos were put in order, oldest first; null when no video
     * was seen in two files or at two scrape times.
     */
    static Statement describe(List<VideoFrameBuilder> files) {
        if (files.isEmpty() || (files.size() == 1 && files.get(0).snapshotBasis() != Basis.SCRAPE_COLUMN)) {
            return null;
        }
        List<VideoFrameBuilder> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparingLong(SnapshotOrder::sortKey));
        Set<Basis> bases = sorted.stream().map(VideoFrameBuilder::snapshotBasis)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Basis.class)));
        String order = sorted.stream().map(b -> name(b.file())).collect(Collectors.joining(" < "));
        String assumption;
        if (bases.equals(EnumSet.of(Basis.FILE_NAME)) || bases.equals(EnumSet.of(Basis.ZIP_NAME))) {
            assumption = "snapshot order: from the " + (bases.contains(Basis.ZIP_NAME) ? "export times in the ZIP names"
                    : "dates in the file names") + " (" + order + ")";
        } else if (bases.equals(EnumSet.of(Basis.SCRAPE_COLUMN))) {
            assumption = "snapshot order: from each row's scrape time (" + sorted.stream()
                    .map(b -> name(b.file()) + ": " + scrapeSpan(b)).collect(Collectors.joining("; ")) + ")";
        } else if (bases.equals(EnumSet.of(Basis.MODIFIED))) {
            assumption = "snapshot order: from the files' modification times (" + order + "); a date in each file "
                    + "name (videos_2025-07-31.csv) would make it certain";
        } else {
            assumption = "snapshot order: " + sorted.stream().map(SnapshotOrder::described)
                    .collect(Collectors.joining(" < "));
        }
        return new Statement(assumption, ties(sorted));
    }

    /** A warning for each run of files that carry the same time, whose order is then only their load order. */
    private static List<String> ties(List<VideoFrameBuilder> sorted) {
        List<String> warnings = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int j = i + 1;
            while (j < sorted.size() && sortKey(sorted.get(j)) == sortKey(sorted.get(i))
                    && sorted.get(j).snapshotBasis() != Basis.SCRAPE_COLUMN) {
                j++;
            }
            if (j - i >= 2 && sorted.get(i).snapshotBasis() != Basis.SCRAPE_COLUMN) {
                List<VideoFrameBuilder> tied = sorted.subList(i, j);
                boolean modified = tied.stream().allMatch(b -> b.snapshotBasis() == Basis.MODIFIED);
                warnings.add("The order of the snapshots " + tied.stream().map(b -> name(b.file()))
                        .collect(Collectors.joining(", ")) + " is unknown: "
                        + (modified ? "they carry no export time (none in their names, no scrape-time column) and "
                                + "share one modification time (as files checked out by git do)"
                                : "they carry the same time (" + tied.get(0).snapshotBasis().words + ")")
                        + "; the one loaded last was taken as the newest. Put the export date in each file name "
                        + "(videos_2025-07-31.csv) to set the order.");
            }
            i = j;
        }
        return warnings;
    }

    /** The time a file sorts by: its latest scrape time, else its own time; unknown sorts first, as in merging. */
    private static long sortKey(VideoFrameBuilder b) {
        Instant t = b.snapshotBasis() == Basis.SCRAPE_COLUMN ? b.lastScraped() : b.fileTakenAt();
        return t == null ? Long.MIN_VALUE : t.toEpochMilli();
    }

    private static String described(VideoFrameBuilder b) {
        Basis basis = b.snapshotBasis();
        if (basis == Basis.SCRAPE_COLUMN) {
            return name(b.file()) + " (" + scrapeSpan(b) + ")";
        }
        Instant t = b.fileTakenAt();
        return name(b.file()) + " (" + basis.words + (t == null || basis == Basis.FILE_NAME ? "" : ", " + SHOWN.format(t))
                + ")";
    }

    private static String scrapeSpan(VideoFrameBuilder b) {
        String column = b.rawHeader(VideoFrameBuilder.SCRAPED_AT);
        String first = SHOWN.format(b.firstScraped());
        String last = SHOWN.format(b.lastScraped());
        String span = first.equals(last) ? first : first + " to " + last;
        return "column \"" + (column == null ? "scrape time" : column) + "\", " + span;
    }

    /** A file's name without its folders (a ZIP entry keeps its ZIP's name), short enough for one sentence. */
    static String name(String file) {
        int bang = file.indexOf("!/");
        String outer = bang < 0 ? file : file.substring(0, bang);
        int slash = Math.max(outer.lastIndexOf('/'), outer.lastIndexOf('\\'));
        return outer.substring(slash + 1) + (bang < 0 ? "" : file.substring(bang));
    }
}
