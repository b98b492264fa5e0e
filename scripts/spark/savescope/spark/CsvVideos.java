package savescope.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import savescope.load.BadValueException;
import savescope.load.CellRules;
import savescope.load.Values;
import savescope.model.Canonical;
import savescope.model.FieldGap;
import savescope.model.LoadReport;
import savescope.model.Rejection;
import savescope.model.SourceReport;

/**
 * Reads the rows of a canonical per-video CSV with the local loader's own cell rules ({@link CellRules},
 * {@link Values}): the same counts, durations and posting times, the same rows rejected and fields left missing
 * (with the same places and words), and the same ids taken as real, rounded or the row's own.
 */
final class CsvVideos {
    /** The cells a row gives, by canonical field; the raw header names them. */
    private static final List<String> FIELDS = List.of(Canonical.VIDEO_ID, Canonical.TITLE, Canonical.POSTED_AT,
            Canonical.DURATION_S, Canonical.VIEWS, Canonical.LIKES, Canonical.COMMENTS, Canonical.SHARES,
            Canonical.SAVES, Canonical.CONTENT_TYPE);
    /** The column Spark fills with the whole record of a row whose width differs from the header's. */
    static final String OTHER_WIDTH = "_other_width";
    private static final int ID = 0, TITLE = 1, POSTED = 2, DURATION = 3, VIEWS = 4, TYPE = 9;
    /** Fields that can be left missing in a kept row, in the loader's order of them. */
    private static final List<String> GAP_FIELDS = List.of(Canonical.POSTED_AT, Canonical.DURATION_S,
            Canonical.VIEWS, Canonical.LIKES, Canonical.COMMENTS, Canonical.SHARES, Canonical.SAVES);
    /** As many rejections as the loader lists with their places. */
    private static final int LISTED = 1000;

    private static final StructType PARSED = new StructType()
            .add("_line", DataTypes.LongType)
            .add("_reject", DataTypes.StringType)
            .add("_reject_place", DataTypes.StringType)
            .add("_id_raw", DataTypes.StringType)
            .add("_id_kind", DataTypes.IntegerType)
            .add("_id19", DataTypes.BooleanType)
            .add(Canonical.VIDEO_ID, DataTypes.StringType)
            .add(Canonical.TITLE, DataTypes.StringType)
            .add(Canonical.POSTED_AT, DataTypes.TimestampType)
            .add("_p_kind", DataTypes.IntegerType)
            .add("_p_day_first", DataTypes.TimestampType)
            .add("_p_month_first", DataTypes.TimestampType)
            .add("_p_evidence", DataTypes.IntegerType)
            .add("_p_yearless", DataTypes.BooleanType)
            .add("_p_cell", DataTypes.StringType)
            .add(Canonical.DURATION_S, DataTypes.DoubleType)
            .add(Canonical.VIEWS, DataTypes.LongType)
            .add(Canonical.LIKES, DataTypes.LongType)
            .add(Canonical.COMMENTS, DataTypes.LongType)
            .add(Canonical.SHARES, DataTypes.LongType)
            .add(Canonical.SAVES, DataTypes.LongType)
            .add(Canonical.CONTENT_TYPE, DataTypes.StringType)
            .add("_gap_" + Canonical.POSTED_AT, DataTypes.StringType)
            .add("_gap_" + Canonical.DURATION_S, DataTypes.StringType)
            .add("_gap_" + Canonical.VIEWS, DataTypes.StringType)
            .add("_gap_" + Canonical.LIKES, DataTypes.StringType)
            .add("_gap_" + Canonical.COMMENTS, DataTypes.StringType)
            .add("_gap_" + Canonical.SHARES, DataTypes.StringType)
            .add("_gap_" + Canonical.SAVES, DataTypes.StringType)
            .add("_zero_byte", DataTypes.LongType)
            .add("_not_utf8", DataTypes.LongType);

    private CsvVideos() {}

    /**
     * The videos of {@code raw} (every cell a string, columns named by canonical field, read by Spark's
     * multi-line CSV reader, which reads a file as one partition in order, so a running count gives each row
     * its line) and the report of them.
     *
     * @param headers the file's own header name of each canonical field it has
     * @param columns the 1-based column of each canonical field it has
     */
    static SparkInputs.Read read(SparkSession spark, String path, Dataset<Row> raw, Map<String, String> headers,
            Map<String, Integer> columns, char separator) {
        Instant anchor = modified(spark, path);
        Dataset<Row> parsed = raw.mapPartitions(parser(raw.columns(), headers, columns, anchor, separator),
                        Encoders.row(PARSED))
                .withColumn(SparkCorpus.ROW, monotonically_increasing_id()).cache();
        Dataset<Row> kept = parsed.filter(col("_reject").isNull());
        List<Column> sums = new ArrayList<>(List.of(count(lit(1)), count(col("_reject")), kinds("_id_kind",
                CellRules.ID_SUSPECT), kinds("_id_kind", CellRules.ID_ROUNDED), sum(when(col("_id19"), 1).otherwise(0))));
        for (int k : new int[] {CellRules.BEFORE_EARLIEST, CellRules.TIME_WITHOUT_DAY, CellRules.EITHER_ORDER}) {
            sums.add(kinds("_p_kind", k));
        }
        sums.add(kinds("_p_evidence", 0));
        sums.add(kinds("_p_evidence", 1));
        sums.add(sum(when(col("_p_yearless"), 1).otherwise(0)));
        for (String f : GAP_FIELDS) {
            sums.add(count(col("_gap_" + f)));
        }
        sums.add(min(col("_zero_byte")));
        sums.add(count(col("_not_utf8")));
        sums.add(min(col("_not_utf8")));
        Row totals = parsed.agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new)).first();
        int text = 11 + GAP_FIELDS.size();
        if (!totals.isNullAt(text)) {
            parsed.unpersist();
            // As the loader: zero bytes are no text (a file cut short while it was written, or not a CSV at all).
            throw new savescope.UserError(path + ":" + totals.getLong(text) + ": found binary data (a zero byte), "
                    + "expected CSV text.");
        }
        long notUtf8 = totals.getLong(text + 1);
        long read = totals.getLong(0);
        if (read == 0) {
            parsed.unpersist();
            throw new savescope.UserError(path + ": found the header row [" + String.join(", ", headers.values())
                    + "] but no data rows; expected at least one row below the header.");
        }
        long rejected = totals.getLong(1);
        Tally t = new Tally(totals);
        List<String> warnings = new ArrayList<>();
        List<String> assumptions = new ArrayList<>();
        Map<String, Pending> gaps = new LinkedHashMap<>();
        for (int g = 0; g < GAP_FIELDS.size(); g++) {
            long n = totals.getLong(11 + g);
            if (n > 0) {
                gaps.put(GAP_FIELDS.get(g), firstGaps(kept, GAP_FIELDS.get(g), n, columns));
            }
        }
        Dataset<Row> videos = settlePostingTimes(kept, t, headers, columns, gaps, warnings, assumptions);
        Ids ids = settleIds(videos, t, path, columns.get(Canonical.VIDEO_ID));
        videos = ids.videos;
        List<String> idWarnings = new ArrayList<>();
        if (ids.warning != null) {
            idWarnings.add(ids.warning);
        }
        if (ids.keptLookingRounded > 0) {
            assumptions.add(CellRules.keptLookingRoundedNote(ids.keptLookingRounded));
        }
        idWarnings.addAll(warnings);
        if (notUtf8 > 0) {
            // Spark reads UTF-8 only; the loader would have recognised Windows-1252 or UTF-16 and kept the letters.
            idWarnings.add(path + ": " + notUtf8 + (notUtf8 == 1 ? " row holds" : " rows hold") + " bytes that are not "
                    + "UTF-8 (the first on line " + totals.getLong(text + 2) + "), read as \uFFFD; expected UTF-8 text: "
                    + "save the file as UTF-8, or read it with ./jbang report-spark convert, which recognises other "
                    + "encodings.");
        }
        if (t.yearless > 0) {
            idWarnings.add(CellRules.yearlessWarning(t.yearless));
        }
        List<FieldGap> fieldGaps = new ArrayList<>();
        gaps.forEach((f, p) -> fieldGaps.add(new FieldGap(f, headers.get(f), p.rows, p.places, p.reason)));
        List<Rejection> listed = new ArrayList<>();
        Map<String, Long> reasons = new LinkedHashMap<>();
        if (rejected > 0) {
            for (Row r : parsed.filter(col("_reject").isNotNull()).orderBy(SparkCorpus.ROW).limit(LISTED)
                    .select("_reject_place", "_reject").collectAsList()) {
                listed.add(new Rejection(path, r.getString(0), r.getString(1)));
            }
            for (Row r : parsed.filter(col("_reject").isNotNull()).groupBy("_reject").count().collectAsList()) {
                reasons.put(r.getString(0), r.getLong(1));
            }
        }
        Dataset<Row> v = videos.withColumn(Canonical.SOURCE, lit("canonical CSV"));
        Dataset<Row> unique = SparkInputs.latestPerId(SparkInputs.assignTypes(SparkCorpus.conform(v, SparkCorpus.VIDEOS)))
                .cache();
        long merged = read - rejected - unique.count();
        parsed.unpersist();
        SourceReport s = new SourceReport(path, "canonical CSV", read, read - rejected, listed,
                Canonical.COUNTS.stream().filter(c -> !columns.containsKey(c)).toList(), idWarnings, SourceReport.VIDEOS,
                fieldGaps, assumptions, rejected - listed.size(), reasons);
        return new SparkInputs.Read(unique, null, new LoadReport(List.of(s), List.of(), merged));
    }

    private static Column kinds(String column, int kind) {
        return sum(when(col(column).equalTo(kind), 1).otherwise(0));
    }

    /** The per-source counts the report's words need. */
    private static final class Tally {
        final long suspects;
        final long rounded;
        final long nineteen;
        final long beforeEarliest;
        final long timeOnly;
        final long either;
        final long dayFirstOnly;
        final long monthFirstOnly;
        final long yearless;

        Tally(Row r) {
            suspects = r.getLong(2);
            rounded = r.getLong(3);
            nineteen = r.getLong(4);
            beforeEarliest = r.getLong(5);
            timeOnly = r.getLong(6);
            either = r.getLong(7);
            dayFirstOnly = r.getLong(8);
            monthFirstOnly = r.getLong(9);
            yearless = r.getLong(10);
        }
    }

    /** A field left missing in some kept rows: how many, the first places and the first reason. */
    private static final class Pending {
        long rows;
        final List<String> places = new ArrayList<>();
        String reason;
    }

    private static Pending firstGaps(Dataset<Row> kept, String field, long rows, Map<String, Integer> columns) {
        Pending p = new Pending();
        p.rows = rows;
        for (Row r : kept.filter(col("_gap_" + field).isNotNull()).orderBy(SparkCorpus.ROW).limit(FieldGap.MAX_PLACES)
                .select("_line", "_gap_" + field).collectAsList()) {
            p.places.add(r.getLong(0) + ":" + columns.get(field));
            if (p.reason == null) {
                p.reason = r.getString(1);
            }
        }
        return p;
    }

    /**
     * Reads the dates that read either way in the order the column's other dates settle (as the loader does once
     * a file ends), and words what went wrong with the posting times as the loader does.
     */
    private static Dataset<Row> settlePostingTimes(Dataset<Row> kept, Tally t, Map<String, String> headers,
            Map<String, Integer> columns, Map<String, Pending> gaps, List<String> warnings, List<String> assumptions) {
        String header = headers.get(Canonical.POSTED_AT);
        Integer column = columns.get(Canonical.POSTED_AT);
        Dataset<Row> out = kept;
        long beforeEarliest = t.beforeEarliest;
        String beforeExample = beforeEarliest == 0 ? null : first(kept, col("_p_kind").equalTo(CellRules.BEFORE_EARLIEST),
                column);
        if (t.either > 0) {
            String ambiguous = firstCell(kept, col("_p_kind").equalTo(CellRules.EITHER_ORDER));
            String dayFirst = t.dayFirstOnly == 0 ? null : firstCell(kept, col("_p_evidence").equalTo(0));
            String monthFirst = t.monthFirstOnly == 0 ? null : firstCell(kept, col("_p_evidence").equalTo(1));
            int order = CellRules.settleOrder(header, t.dayFirstOnly, t.monthFirstOnly, dayFirst, monthFirst, t.either,
                    ambiguous, assumptions, warnings);
            Column reading = order == 0 ? col("_p_day_first") : order == 1 ? col("_p_month_first") : lit(null);
            Column either = col("_p_kind").equalTo(CellRules.EITHER_ORDER);
            out = out.withColumn(Canonical.POSTED_AT, when(either, reading).otherwise(col(Canonical.POSTED_AT)));
            Column left = either.and(reading.isNull());
            List<Row> firstLeft = out.filter(left).orderBy(SparkCorpus.ROW).limit(FieldGap.MAX_PLACES)
                    .select("_line").collectAsList();
            if (!firstLeft.isEmpty()) {
                long n = out.filter(left).count();
                Pending p = gaps.computeIfAbsent(Canonical.POSTED_AT, f -> new Pending());
                p.rows += n;
                for (Row r : firstLeft) {
                    if (p.places.size() < FieldGap.MAX_PLACES) {
                        p.places.add(r.getLong(0) + ":" + column);
                    }
                }
                if (p.reason == null) {
                    p.reason = CellRules.settledGap(order < 0);
                }
                if (order >= 0) {
                    if (beforeEarliest == 0) {
                        beforeExample = "a date at " + firstLeft.get(0).getLong(0) + ":" + column;
                    }
                    beforeEarliest += n;
                }
            }
        }
        if (beforeEarliest > 0) {
            warnings.add(beforeExample.startsWith("a date at ")
                    ? CellRules.beforeEarliestWarningAt(beforeEarliest, beforeExample.substring("a date at ".length()))
                    : beforeWarning(beforeEarliest, beforeExample));
        }
        if (t.timeOnly > 0) {
            String[] at = first(kept, col("_p_kind").equalTo(CellRules.TIME_WITHOUT_DAY), column).split("\u0000");
            warnings.add(CellRules.timeWithoutDayWarning(t.timeOnly, at[0], at[1]));
        }
        return out;
    }

    private static String beforeWarning(long n, String cellAndPlace) {
        String[] at = cellAndPlace.split("\u0000");
        return CellRules.beforeEarliestWarning(n, at[0], at[1]);
    }

    /** The posting-time cell and place of the first kept row matching {@code which}, joined by a NUL. */
    private static String first(Dataset<Row> kept, Column which, Integer column) {
        Row r = kept.filter(which).orderBy(SparkCorpus.ROW).select("_p_cell", "_line").first();
        return r.getString(0) + "\u0000" + r.getLong(1) + ":" + column;
    }

    private static String firstCell(Dataset<Row> kept, Column which) {
        return kept.filter(which).orderBy(SparkCorpus.ROW).select("_p_cell").first().getString(0).strip();
    }

    private record Ids(Dataset<Row> videos, String warning, long keptLookingRounded) {}

    /**
     * The loader's ids: a real id as it is; a rounded one, an empty one or (when the column holds too many of
     * them, or the same one twice) one that looks rounded becomes the row's own id, never merged.
     */
    private static Ids settleIds(Dataset<Row> videos, Tally t, String path, Integer idColumn) {
        boolean column = CellRules.roundedColumn(t.suspects, t.nineteen);
        Column suspect = col("_id_kind").equalTo(CellRules.ID_SUSPECT);
        Dataset<Row> v = videos;
        Column suspectRounded = column ? suspect : lit(false);
        long suspectsRounded = column ? t.suspects : 0;
        if (t.suspects > 0 && !column) {
            // Two rows with one such id are few (most files have none): named at the driver, not joined.
            List<Row> repeated = v.filter(suspect).groupBy(Canonical.VIDEO_ID).count().filter(col("count").gt(1))
                    .collectAsList();
            suspectRounded = repeated.isEmpty() ? lit(false) : suspect.and(col(Canonical.VIDEO_ID).isin(repeated.stream()
                    .map(r -> r.getString(0)).toArray()));
            suspectsRounded = repeated.stream().mapToLong(r -> r.getLong(1)).sum();
        }
        Column own = col("_id_kind").equalTo(CellRules.ID_REAL).or(suspect.and(suspectRounded.unary_$bang()));
        Column fallback = concat(lit(path + "#"), col("_line").cast(DataTypes.StringType));
        String warning = null;
        long rounded = t.rounded + suspectsRounded;
        if (rounded > 0) {
            Column firstKind = t.rounded > 0 ? col("_id_kind").equalTo(CellRules.ID_ROUNDED) : suspectRounded;
            Row r = v.filter(firstKind).orderBy(SparkCorpus.ROW).select("_id_raw", "_line").first();
            warning = CellRules.roundedIdsWarning(rounded, r.getString(0), r.getLong(1) + ":" + idColumn, 0);
        }
        v = v.withColumn(Canonical.VIDEO_ID, when(own, col(Canonical.VIDEO_ID)).otherwise(fallback));
        return new Ids(v, warning, t.suspects - suspectsRounded);
    }

    /** When the file was last changed: a date without a year is placed before it, as the loader places it. */
    private static Instant modified(SparkSession spark, String path) {
        try {
            var p = new org.apache.hadoop.fs.Path(path);
            return Instant.ofEpochMilli(p.getFileSystem(spark.sparkContext().hadoopConfiguration()).getFileStatus(p)
                    .getModificationTime());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Each raw row read by the loader's rules, in file order, with the line it starts on. */
    private static MapPartitionsFunction<Row, Row> parser(String[] names, Map<String, String> headers,
            Map<String, Integer> columns, Instant anchor, char separator) {
        int[] at = new int[FIELDS.size()];
        String[] header = new String[FIELDS.size()];
        List<String> all = List.of(names);
        int otherWidth = all.indexOf(OTHER_WIDTH);
        int width = otherWidth < 0 ? names.length : names.length - 1;
        int lastUsed = -1;
        for (int f = 0; f < at.length; f++) {
            at[f] = all.indexOf(FIELDS.get(f));
            header[f] = headers.get(FIELDS.get(f));
            lastUsed = Math.max(lastUsed, at[f]);
        }
        int maxColumn = lastUsed;
        int[] column = new int[FIELDS.size()];
        for (int f = 0; f < at.length; f++) {
            column[f] = columns.getOrDefault(FIELDS.get(f), 0);
        }
        return rows -> new Iterator<Row>() {
            long line = 2;

            public boolean hasNext() {
                return rows.hasNext();
            }

            public Row next() {
                Row r = rows.next();
                String[] cell = new String[FIELDS.size()];
                long breaks = 0;
                for (int f = 0; f < at.length; f++) {
                    cell[f] = at[f] < 0 ? null : r.getString(at[f]);
                }
                for (int i = 0; i < r.size(); i++) {
                    if (i == otherWidth) {
                        continue;
                    }
                    String s = r.getString(i);
                    for (int k = s == null ? -1 : s.indexOf('\n'); k >= 0; k = s.indexOf('\n', k + 1)) {
                        breaks++;
                    }
                }
                String wrongWidth = otherWidth < 0 || r.isNullAt(otherWidth) ? null
                        : widthProblem(r.getString(otherWidth), separator, width, maxColumn);
                Row out = wrongWidth != null ? rejected(line, wrongWidth) : parse(cell, line, header, column, anchor);
                out = marked(out, r, otherWidth, line);
                line += 1 + breaks;
                return out;
            }
        };
    }

    /**
     * Why a row whose width differs from the header's is rejected, as the loader words it, or null when the loader
     * keeps it: a short row that still reaches every canonical column, or one whose extra cells are blank.
     */
    static String widthProblem(String record, char separator, int width, int maxColumn) {
        List<String> fields = fields(record, separator);
        int n = fields.size();
        int open = openQuote(record, separator);
        if (open > 0) {
            return "a quote opened in field " + open + " is not closed before the end of the file; expected a "
                    + "closing quote (\") (the rest of the file was read as this one field)";
        }
        if (n < width) {
            return n <= maxColumn ? "the row has " + n + " fields, expected " + width + " as in the header" : null;
        }
        for (int c = width; c < n; c++) {
            if (!fields.get(c).isBlank()) {
                return "the row has " + n + " fields, expected " + width + " as in the header; "
                        + "a value with a comma that is not quoted?";
            }
        }
        return null;
    }

    /** The fields of one CSV record as Spark read it (quotes doubled inside quotes), its line end dropped. */
    static List<String> fields(String record, char separator) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        String text = record.replaceFirst("\\r?\\n$", "");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && quoted && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }

    /** The row with the line of a zero byte or of bytes that are not UTF-8 in any of its cells, where it has them. */
    private static Row marked(Row out, Row raw, int otherWidth, long line) {
        boolean zero = false;
        boolean notUtf8 = false;
        for (int i = 0; i < raw.size(); i++) {
            String s = i == otherWidth || raw.isNullAt(i) ? null : raw.getString(i);
            zero |= s != null && s.indexOf('\u0000') >= 0;
            notUtf8 |= s != null && s.indexOf('\uFFFD') >= 0;
        }
        if (!zero && !notUtf8) {
            return out;
        }
        Object[] v = new Object[PARSED.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = out.get(i);
        }
        v[PARSED.size() - 2] = zero ? line : null;
        v[PARSED.size() - 1] = notUtf8 ? line : null;
        return RowFactory.create(v);
    }

    /** The 1-based field whose quote the record leaves open, or 0 when every quote is closed. */
    static int openQuote(String record, char separator) {
        int field = 1;
        int openedIn = 0;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (c == '"') {
                openedIn = openedIn == 0 ? field : 0;
            } else if (c == separator && openedIn == 0) {
                field++;
            }
        }
        return openedIn;
    }

    private static Row rejected(long line, String reason) {
        Object[] v = new Object[PARSED.size()];
        v[0] = line;
        v[1] = reason;
        v[2] = String.valueOf(line);
        return RowFactory.create(v);
    }

    /** One row as {@code VideoFrameBuilder.add} reads it: rejected, or its cells with the gaps counted. */
    private static Row parse(String[] cell, long line, String[] header, int[] column, Instant anchor) {
        Object[] v = new Object[PARSED.size()];
        v[0] = line;
        Long[] counts = new Long[5];
        boolean any = false;
        for (int i = 0; i < 5; i++) {
            int f = VIEWS + i;
            try {
                OptionalLong c = Values.count(cell[f]);
                counts[i] = c.isPresent() ? c.getAsLong() : null;
                any |= c.isPresent();
            } catch (BadValueException e) {
                v[1] = "column \"" + header[f] + "\": " + e.getMessage();
                v[2] = line + ":" + column[f];
                return RowFactory.create(v);
            }
        }
        if (!any) {
            v[1] = "no metric in this row (views, likes, comments, shares, saves all empty)";
            v[2] = String.valueOf(line);
            return RowFactory.create(v);
        }
        String id = CellRules.idCell(cell[ID]);
        int kind = CellRules.idKind(id);
        v[3] = cell[ID] == null ? null : cell[ID].strip();
        v[4] = kind;
        v[5] = CellRules.nineteenDigits(id, kind);
        v[6] = id;
        v[7] = cell[TITLE] == null ? "" : cell[TITLE].strip();
        CellRules.Posted p = CellRules.postedAt(cell[POSTED], anchor);
        v[8] = p.when();
        v[9] = p.kind();
        v[10] = p.dayFirst();
        v[11] = p.monthFirst();
        v[12] = p.evidence();
        v[13] = p.yearless();
        v[14] = cell[POSTED];
        v[22] = p.gap();
        try {
            OptionalDouble d = Values.duration(cell[DURATION], false);
            v[15] = d.isPresent() ? d.getAsDouble() : null;
        } catch (BadValueException e) {
            v[23] = e.getMessage();
        }
        for (int i = 0; i < 5; i++) {
            v[16 + i] = counts[i];
            String c = cell[VIEWS + i];
            if (counts[i] == null) {
                v[24 + i] = c == null || c.isBlank() ? (header[VIEWS + i] == null ? null : "no value was given")
                        : "\"" + c.strip() + "\" means no value";
            }
        }
        v[21] = cell[TYPE];
        return RowFactory.create(v);
    }
}
