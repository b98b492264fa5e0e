package savescope.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import savescope.model.Canonical;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import savescope.model.SourceReport;
import savescope.model.Rejection;

/**
 * Reads a table of comments (a text column and the commented video's id; optionally likes and a time) into
 * the canonical comments frame. Commenter names and ids are never read, so they cannot reach a report.
 */
final class CommentsCsv {
    private static final List<String> ID_HEADERS = List.of("video_id", "aweme_id", "item_id", "video id");
    private static final List<String> TEXT_HEADERS = List.of("text", "comment", "comment_text", "comment text");
    private static final List<String> LIKE_HEADERS = List.of("likes", "digg_count", "like_count");
    private static final List<String> TIME_HEADERS = List.of("created_at", "create_time", "createtime", "time");
    /** A per-video table may name its caption "text"; any of these counts says it is one. */
    private static final List<String> VIDEO_COUNTS = List.of(Canonical.VIEWS, Canonical.COMMENTS, Canonical.SHARES,
            Canonical.SAVES);

    private CommentsCsv() {}

    /** Whether the header names a comment text and a video id, and no per-video count but likes. */
    static boolean matches(List<String> header, Map<String, Integer> perVideoMatch) {
        List<String> h = header.stream().map(Fields::normalize).toList();
        return firstOf(h, TEXT_HEADERS) >= 0 && firstOf(h, ID_HEADERS) >= 0
                && VIDEO_COUNTS.stream().noneMatch(perVideoMatch::containsKey);
    }

    static SourceReport read(Rows rows, Table comments) {
        String file = rows.file();
        List<String> h = rows.header().stream().map(Fields::normalize).toList();
        int idAt = firstOf(h, ID_HEADERS);
        int textAt = firstOf(h, TEXT_HEADERS);
        int likesAt = firstOf(h, LIKE_HEADERS);
        int timeAt = firstOf(h, TIME_HEADERS);
        StringColumn ids = comments.stringColumn(Canonical.VIDEO_ID);
        StringColumn texts = comments.stringColumn(Canonical.TEXT);
        LongColumn likes = comments.longColumn(Canonical.LIKES);
        InstantColumn created = comments.instantColumn(Canonical.CREATED_AT);
        List<Rejection> rejections = new ArrayList<>();
        long read = 0;
        long used = 0;
        LongTexts longTexts = new LongTexts();
        String[] row;
        while ((row = rows.next()) != null) {
            read++;
            String extra = rows instanceof CsvRows ? Rows.extraFields(row, rows.header().size()) : null;
            if (extra != null) {
                rejections.add(new Rejection(file, rows.rowPlace(), extra));
                continue;
            }
            String id = cell(row, idAt);
            if (id.isEmpty()) {
                rejections.add(new Rejection(file, rows.cellPlace(idAt), "column \"" + rows.header().get(idAt)
                        + "\": expected the id of the commented video, found nothing"));
                continue;
            }
            if ((id.indexOf('E') >= 0 || id.indexOf('e') >= 0) && id.matches("\\d(\\.\\d+)?[eE]\\+?\\d+")) {
                rejections.add(new Rejection(file, rows.cellPlace(idAt), "column \"" + rows.header().get(idAt)
                        + "\": expected a video id, found the rounded number \"" + id + "\""));
                continue;
            }
            int textColumn = textAt;
            String text = longTexts.bound(cell(row, textAt), "comment texts", () -> rows.cellPlace(textColumn));
            if (text.isEmpty()) {
                rejections.add(new Rejection(file, rows.cellPlace(textAt), "column \"" + rows.header().get(textAt)
                        + "\": expected the comment text, found nothing"));
                continue;
            }
            OptionalLong likeCount;
            Instant at;
            try {
                likeCount = likesAt >= 0 ? Values.count(cell(row, likesAt)) : OptionalLong.empty();
            } catch (BadValueException e) {
                rejections.add(new Rejection(file, rows.cellPlace(likesAt), "column \"" + rows.header().get(likesAt)
                        + "\": " + e.getMessage()));
                continue;
            }
            try {
                at = timeAt >= 0 ? Values.instant(cell(row, timeAt)) : null;
            } catch (BadValueException e) {
                rejections.add(new Rejection(file, rows.cellPlace(timeAt), "column \"" + rows.header().get(timeAt)
                        + "\": " + e.getMessage()));
                continue;
            }
            ids.append(id.endsWith(".0") ? id.substring(0, id.length() - 2) : id);
            texts.append(text);
            if (likeCount.isPresent()) {
                likes.append(likeCount.getAsLong());
            } else {
                likes.appendMissing();
            }
            if (at == null) {
                created.appendMissing();
            } else {
                created.append(at);
            }
            used++;
        }
        // Missing metrics name per-video counts; comment likes and times are optional and not listed there.
        return new SourceReport(file, "comments (CSV)", read, used, rejections, List.of(), List.of(),
                SourceReport.COMMENTS, List.of(), longTexts.notes());
    }

    private static int firstOf(List<String> header, List<String> names) {
        for (String n : names) {
            int at = header.indexOf(n);
            if (at >= 0) {
                return at;
            }
        }
        return -1;
    }

    private static String cell(String[] row, int at) {
        return at < row.length && row[at] != null ? row[at].strip() : "";
    }
}
