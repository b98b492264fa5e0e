package savescope.load;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import savescope.model.Dataset.ChannelTable;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import savescope.model.Rejection;

/**
 * Reads TikTok Studio's channel-level tables (Overview, FollowerHistory, FollowerActivity, FollowerGender,
 * FollowerTopTerritories, Viewers) into the columns {@link ChannelTable} documents. Their dates usually have
 * no year, so rows are held until the export time is known.
 */
final class ChannelTables {
    enum Type { DATE, COUNT, SHARE, TEXT, HOUR }

    record Col(String name, String header, Type type) {}

    /** A kind of table, told from the headers it must have. */
    record Kind(String name, List<Col> columns, List<String> required) {}

    static final List<Kind> KINDS = List.of(
            new Kind("Overview", List.of(new Col("date", "date", Type.DATE),
                    new Col("video_views", "video views", Type.COUNT), new Col("profile_views", "profile views", Type.COUNT),
                    new Col("likes", "likes", Type.COUNT), new Col("comments", "comments", Type.COUNT),
                    new Col("shares", "shares", Type.COUNT), new Col("new_followers", "new followers", Type.COUNT)),
                    List.of("date", "video views", "profile views")),
            new Kind("FollowerHistory", List.of(new Col("date", "date", Type.DATE),
                    new Col("followers", "followers", Type.COUNT)),
                    List.of("date", "followers")),
            new Kind("FollowerActivity", List.of(new Col("date", "date", Type.DATE), new Col("hour", "hour", Type.HOUR),
                    new Col("active_followers", "active followers", Type.COUNT)),
                    List.of("date", "hour", "active followers")),
            new Kind("FollowerGender", List.of(new Col("gender", "gender", Type.TEXT),
                    new Col("share", "distribution", Type.SHARE)),
                    List.of("gender", "distribution")),
            new Kind("FollowerTopTerritories", List.of(new Col("territory", "top territories", Type.TEXT),
                    new Col("share", "distribution", Type.SHARE)),
                    List.of("top territories", "distribution")),
            new Kind("Viewers", List.of(new Col("date", "date", Type.DATE),
                    new Col("total_viewers", "total viewers", Type.COUNT), new Col("new_viewers", "new viewers", Type.COUNT),
                    new Col("returning_viewers", "returning viewers", Type.COUNT)),
                    List.of("date", "total viewers")));

    private ChannelTables() {}

    /** The kind of channel table with these headers, or null. */
    static Kind kindOf(List<String> header) {
        List<String> h = header.stream().map(Fields::normalize).toList();
        for (Kind k : KINDS) {
            if (h.containsAll(k.required())) {
                return k;
            }
        }
        return null;
    }

    /** A channel table read but not yet finished: its dates wait for the export time. */
    static final class Pending {
        final Kind kind;
        final String file;
        final Instant zipExportTime;
        final List<Object[]> rows = new ArrayList<>();
        final List<StudioDates.Parsed> dates = new ArrayList<>();
        final boolean[] present;
        boolean yearless;

        Pending(Kind kind, String file, Instant zipExportTime, boolean[] present) {
            this.kind = kind;
            this.file = file;
            this.zipExportTime = zipExportTime;
            this.present = present;
        }

        /** Builds the table, giving year-less dates their years from {@code exportTime}. */
        ChannelTable finish(Instant exportTime) {
            Table t = Table.create(kind.name());
            for (Col c : kind.columns()) {
                t.addColumns(switch (c.type()) {
                    case DATE -> DateColumn.create(c.name());
                    case COUNT -> LongColumn.create(c.name());
                    case SHARE -> DoubleColumn.create(c.name());
                    case TEXT -> StringColumn.create(c.name());
                    case HOUR -> IntColumn.create(c.name());
                });
            }
            if (kind.name().equals("FollowerHistory")) {
                t.addColumns(LongColumn.create("difference"));
            }
            LocalDate[] resolved = StudioDates.resolveSeries(dates.toArray(StudioDates.Parsed[]::new), exportTime);
            for (int r = 0; r < rows.size(); r++) {
                Object[] row = rows.get(r);
                for (int c = 0; c < row.length; c++) {
                    Column<?> col = t.column(c);
                    Object v = kind.columns().get(c).type() == Type.DATE ? resolved[r] : row[c];
                    if (v == null) {
                        col.appendMissing();
                    } else if (col instanceof LongColumn lc) {
                        lc.append((Long) v);
                    } else if (col instanceof DoubleColumn dc) {
                        dc.append((Double) v);
                    } else if (col instanceof IntColumn ic) {
                        ic.append((Integer) v);
                    } else if (col instanceof DateColumn date) {
                        date.append((LocalDate) v);
                    } else {
                        ((StringColumn) col).append((String) v);
                    }
                }
            }
            if (kind.name().equals("FollowerHistory")) {
                // Studio's own difference column is shifted by a day; recompute it from the totals.
                LongColumn followers = t.longColumn("followers");
                LongColumn diff = t.longColumn("difference");
                for (int r = 0; r < t.rowCount(); r++) {
                    if (r == 0 || followers.isMissing(r) || followers.isMissing(r - 1)) {
                        diff.appendMissing();
                    } else {
                        diff.append(followers.getLong(r) - followers.getLong(r - 1));
                    }
                }
            }
            return new ChannelTable(kind.name(), file, t);
        }
    }

    /** Reads every row, rejecting those with a value that cannot be read. */
    static Pending read(Rows rows, Kind kind, Instant zipExportTime, List<Rejection> rejections, long[] readCount) {
        Map<String, Integer> index = new java.util.HashMap<>();
        List<String> header = rows.header();
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(Fields.normalize(header.get(i)), i);
        }
        int[] at = new int[kind.columns().size()];
        boolean[] present = new boolean[at.length];
        for (int c = 0; c < at.length; c++) {
            Integer i = index.get(kind.columns().get(c).header());
            at[c] = i == null ? -1 : i;
            present[c] = i != null;
        }
        Pending p = new Pending(kind, rows.file(), zipExportTime, present);
        String[] row;
        rows:
        while ((row = rows.next()) != null) {
            readCount[0]++;
            String extra = rows instanceof CsvRows ? Rows.extraFields(row, header.size()) : null;
            if (extra != null) {
                rejections.add(new Rejection(rows.file(), rows.rowPlace(), extra));
                continue;
            }
            Object[] values = new Object[at.length];
            StudioDates.Parsed date = null;
            for (int c = 0; c < at.length; c++) {
                if (at[c] < 0) {
                    continue;
                }
                Col col = kind.columns().get(c);
                String raw = at[c] < row.length ? row[at[c]] : null;
                try {
                    switch (col.type()) {
                        case DATE -> {
                            date = date(raw);
                            if (date == null) {
                                throw new BadValueException("expected a date (like \"September 25\", \"2024-09-25\" or "
                                        + "\"25/09/24\"), found \"" + (raw == null ? "" : raw.strip()) + "\"");
                            }
                            p.yearless |= date.year() == 0;
                        }
                        case COUNT -> {
                            OptionalLong v = Values.count(raw);
                            values[c] = v.isPresent() ? v.getAsLong() : null;
                        }
                        case SHARE -> {
                            OptionalDouble v = Values.share(raw);
                            values[c] = v.isPresent() ? v.getAsDouble() : null;
                        }
                        case HOUR -> {
                            OptionalLong v = Values.count(raw);
                            if (v.isPresent() && v.getAsLong() > 23) {
                                throw new BadValueException("expected an hour from 0 to 23, found \"" + raw.strip() + "\"");
                            }
                            values[c] = v.isPresent() ? (int) v.getAsLong() : null;
                        }
                        case TEXT -> values[c] = raw == null || Values.isMissing(raw) ? null : raw.strip();
                    }
                } catch (BadValueException e) {
                    rejections.add(new Rejection(rows.file(), rows.cellPlace(at[c]),
                            "column \"" + header.get(at[c]) + "\": " + e.getMessage()));
                    continue rows;
                }
            }
            p.rows.add(values);
            p.dates.add(date);
        }
        return p;
    }

    /** A full numeric date, or a Studio date with a month name (year optional). */
    static StudioDates.Parsed date(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        LocalDate full = Values.localDate(raw);
        if (full != null) {
            return new StudioDates.Parsed(full.getYear(), full.getMonthValue(), full.getDayOfMonth());
        }
        return StudioDates.parse(raw);
    }
}
