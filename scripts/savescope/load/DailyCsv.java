package savescope.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.IntFunction;
import savescope.model.Canonical;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import savescope.model.SourceReport;
import savescope.model.Rejection;

/** Reads the canonical daily file: {@code video_id,date,views,likes,comments,shares,saves}, daily increments. */
final class DailyCsv {
    private DailyCsv() {}

    static boolean matches(List<String> header) {
        List<String> h = header.stream().map(Fields::normalize).toList();
        return h.contains("video_id") && h.contains("date") && !h.contains("title") && !h.contains("post_time")
                && h.stream().anyMatch(Canonical.COUNTS::contains);
    }

    static SourceReport read(Rows rows, Table daily) {
        String file = rows.file();
        List<String> header = rows.header().stream().map(Fields::normalize).toList();
        Table own = Canonical.emptyDaily(daily.name());
        RowReader reader = new RowReader(file, header, own);
        // Only text rows can be shifted by a separator inside a value; a sheet's extra cells are notes.
        reader.width = rows instanceof CsvRows ? header.size() : Integer.MAX_VALUE;
        if (rows instanceof CsvRows) {
            // As for per-video files: one thread parses the CSV while this one builds the columns.
            RowPipeline.run((CsvRows) rows, (row, line) -> reader.add(row, column -> line + ":" + (column + 1),
                    String.valueOf(line)));
        } else {
            String[] row;
            while ((row = rows.next()) != null) {
                reader.add(row, rows::cellPlace, rows.rowPlace());
            }
        }
        List<String> warnings = new ArrayList<>();
        int[] later = DailyRepeats.laterRepeatOf(reader.videoKeys, reader.days, (int) reader.used);
        if (later != null) {
            boolean lines = rows instanceof CsvRows;
            java.util.function.IntFunction<String> words = r -> (lines ? "line " : "") + reader.places.get(r);
            Table read = own;
            DailyRepeats.rejections(file, later, reader.places::get, words,
                    r -> "video " + read.stringColumn(Canonical.VIDEO_ID).get(r) + " on "
                            + read.dateColumn(Canonical.DATE).get(r)).forEach(reader.rejections::add);
            if (lines) {
                reader.rejections.listed().sort(java.util.Comparator.comparingLong(r -> leadingNumber(r.location())));
            }
            warnings.add(DailyRepeats.warning(later, words));
            int[] replaced = java.util.stream.IntStream.range(0, later.length).filter(r -> later[r] >= 0).toArray();
            own = own.dropRows(replaced);
            reader.used -= replaced.length;
        }
        daily.append(own);
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < reader.countAt.length; i++) {
            if (reader.countAt[i] < 0) {
                missing.add(Canonical.COUNTS.get(i));
            }
        }
        RejectionList r = reader.rejections;
        return new SourceReport(file, "daily series (canonical)", reader.read, reader.used, r.listed(), missing,
                warnings, SourceReport.DAILY, List.of(), List.of(), r.notListed(), r.reasons());
    }

    /** The line of a place such as {@code 14:3}. */
    private static long leadingNumber(String place) {
        int end = 0;
        while (end < place.length() && Character.isDigit(place.charAt(end))) {
            end++;
        }
        return end == 0 || end > 18 ? Long.MAX_VALUE : Long.parseLong(place.substring(0, end));
    }

    /** What a daily file gave, as both this reader and {@link DailyFastCsv} report it. */
    static SourceReport report(String file, long read, long used, List<Rejection> rejections, List<String> missing,
            List<String> warnings) {
        return new SourceReport(file, "daily series (canonical)", read, used, rejections, missing, warnings,
                SourceReport.DAILY);
    }

    /** Turns one record at a time into a daily row, or a rejection naming the cell. */
    private static final class RowReader {
        final String file;
        final int idAt;
        final int dateAt;
        final int[] countAt;
        final StringColumn ids;
        final DateColumn dates;
        final LongColumn[] counts;
        final RejectionList rejections = new RejectionList();
        final long[] values;
        final boolean[] present;
        int width = Integer.MAX_VALUE;
        long read;
        long used;
        /** Rows come grouped by video: the previous id and date, reused when a row repeats them. */
        String lastId;
        String lastRawDate;
        LocalDate lastDate;

        RowReader(String file, List<String> header, Table daily) {
            this.file = file;
            this.idAt = header.indexOf("video_id");
            this.dateAt = header.indexOf("date");
            this.countAt = Canonical.COUNTS.stream().mapToInt(header::indexOf).toArray();
            this.ids = daily.stringColumn(Canonical.VIDEO_ID);
            this.dates = daily.dateColumn(Canonical.DATE);
            this.counts = Canonical.COUNTS.stream().map(daily::longColumn).toArray(LongColumn[]::new);
            this.values = new long[countAt.length];
            this.present = new boolean[countAt.length];
        }

        /** Per kept row: its video numbered by first appearance, its day packed, its place. */
        int[] videoKeys = new int[1024];
        int[] days = new int[1024];
        final List<String> places = new ArrayList<>();
        final it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap<String> keyOf =
                new it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap<>();
        int lastKey;

        void add(String[] row, IntFunction<String> cellPlace, String rowPlace) {
            read++;
            String extra = Rows.extraFields(row, width);
            if (extra != null) {
                rejections.add(new Rejection(file, rowPlace, extra));
                return;
            }
            String id = idAt < row.length && row[idAt] != null ? row[idAt].strip() : "";
            if (id.isEmpty()) {
                rejections.add(new Rejection(file, cellPlace.apply(idAt), "column \"video_id\": expected a video id, found nothing"));
                return;
            }
            String rawDate = dateAt < row.length ? row[dateAt] : null;
            LocalDate date;
            if (rawDate != null && rawDate.equals(lastRawDate)) {
                date = lastDate;
            } else {
                date = rawDate == null ? null : Values.localDate(rawDate);
                lastRawDate = rawDate;
                lastDate = date;
            }
            if (date == null) {
                rejections.add(new Rejection(file, cellPlace.apply(dateAt),
                        "column \"date\": expected a date like 2026-03-14, found \"" + (rawDate == null ? "" : rawDate) + "\""));
                return;
            }
            for (int i = 0; i < countAt.length; i++) {
                present[i] = false;
                if (countAt[i] < 0 || countAt[i] >= row.length) {
                    continue;
                }
                String cell = row[countAt[i]];
                long plain = Values.plainDigits(cell);
                if (plain >= 0) {
                    present[i] = true;
                    values[i] = plain;
                    continue;
                }
                try {
                    OptionalLong v = Values.count(cell);
                    present[i] = v.isPresent();
                    values[i] = v.orElse(0);
                } catch (BadValueException e) {
                    rejections.add(new Rejection(file, cellPlace.apply(countAt[i]),
                            "column \"" + Canonical.COUNTS.get(i) + "\": " + e.getMessage()));
                    return;
                }
            }
            // The same String instance as the row before: its hash is cached and the dictionary's equals is ==.
            if (id.equals(lastId)) {
                id = lastId;
            } else {
                lastId = id;
                lastKey = keyOf.getOrDefault(id, -1);
                if (lastKey < 0) {
                    lastKey = keyOf.size();
                    keyOf.put(id, lastKey);
                }
            }
            int r = (int) used;
            if (r == days.length) {
                days = java.util.Arrays.copyOf(days, r * 2);
                videoKeys = java.util.Arrays.copyOf(videoKeys, r * 2);
            }
            videoKeys[r] = lastKey;
            days[r] = tech.tablesaw.columns.dates.PackedLocalDate.pack(date);
            places.add(rowPlace);
            ids.append(id);
            dates.append(date);
            for (int i = 0; i < counts.length; i++) {
                if (present[i]) {
                    counts[i].append(values[i]);
                } else {
                    counts[i].appendMissing();
                }
            }
            used++;
        }
    }
}
