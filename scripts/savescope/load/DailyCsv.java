package savescope.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import savescope.model.Canonical;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

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
        int idAt = header.indexOf("video_id");
        int dateAt = header.indexOf("date");
        int[] countAt = Canonical.COUNTS.stream().mapToInt(header::indexOf).toArray();
        StringColumn ids = daily.stringColumn(Canonical.VIDEO_ID);
        DateColumn dates = daily.dateColumn(Canonical.DATE);
        LongColumn[] counts = Canonical.COUNTS.stream().map(daily::longColumn).toArray(LongColumn[]::new);
        List<Rejection> rejections = new ArrayList<>();
        long read = 0;
        long used = 0;
        String[] row;
        long[] values = new long[countAt.length];
        boolean[] present = new boolean[countAt.length];
        rows:
        while ((row = rows.next()) != null) {
            read++;
            String id = idAt < row.length && row[idAt] != null ? row[idAt].strip() : "";
            if (id.isEmpty()) {
                rejections.add(new Rejection(file, rows.cellPlace(idAt), "column \"video_id\": expected a video id, found nothing"));
                continue;
            }
            String rawDate = dateAt < row.length ? row[dateAt] : null;
            LocalDate date = rawDate == null ? null : Values.localDate(rawDate);
            if (date == null) {
                rejections.add(new Rejection(file, rows.cellPlace(dateAt),
                        "column \"date\": expected a date like 2026-03-14, found \"" + (rawDate == null ? "" : rawDate) + "\""));
                continue;
            }
            for (int i = 0; i < countAt.length; i++) {
                present[i] = false;
                if (countAt[i] < 0 || countAt[i] >= row.length) {
                    continue;
                }
                try {
                    OptionalLong v = Values.count(row[countAt[i]]);
                    present[i] = v.isPresent();
                    values[i] = v.orElse(0);
                } catch (BadValueException e) {
                    rejections.add(new Rejection(file, rows.cellPlace(countAt[i]),
                            "column \"" + Canonical.COUNTS.get(i) + "\": " + e.getMessage()));
                    continue rows;
                }
            }
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
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < countAt.length; i++) {
            if (countAt[i] < 0) {
                missing.add(Canonical.COUNTS.get(i));
            }
        }
        return new SourceReport(file, "daily series (canonical)", read, used, rejections, missing, List.of(),
                SourceReport.DAILY);
    }

}
