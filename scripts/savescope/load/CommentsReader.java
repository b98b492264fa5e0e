package savescope.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import savescope.model.Canonical;
import tech.tablesaw.api.Table;

/**
 * Reads comments, as web-item comment JSON ({@code aweme_id}, {@code text}, {@code digg_count},
 * {@code create_time}) or a CSV with a text column and a video id column, into the canonical comments
 * frame. User names and ids are never read, so they cannot reach a report.
 */
public final class CommentsReader {
    private static final List<String> ID_HEADERS = List.of("video_id", "aweme_id", "item_id", "video id");
    private static final List<String> TEXT_HEADERS = List.of("text", "comment", "comment_text", "comment text");
    private static final List<String> LIKE_HEADERS = List.of("likes", "digg_count", "like_count");
    private static final List<String> TIME_HEADERS = List.of("created_at", "create_time", "time");

    private CommentsReader() {}

    /** Whether a JSON document looks like comments: an array whose first object has aweme_id and text. */
    public static boolean isCommentJson(JsonNode root) {
        JsonNode first = items(root).isEmpty() ? null : items(root).get(0);
        return first != null && first.has("text") && (first.has("aweme_id") || first.has("video_id"));
    }

    /** Whether a CSV header names a comment text column and a video id column (and no view counts). */
    public static boolean isCommentCsv(List<String> header) {
        List<String> h = header.stream().map(Fields::normalize).toList();
        return h.stream().anyMatch(TEXT_HEADERS::contains) && h.stream().anyMatch(ID_HEADERS::contains)
                && !h.contains("views");
    }

    public static SourceReport readJson(Path path, Table comments) {
        String file = path.toString();
        JsonNode root;
        try (InputStream in = Files.newInputStream(path)) {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new InputException(file + ": expected comment JSON (an array of objects with \"aweme_id\" and "
                    + "\"text\"), but it could not be read (" + e.getMessage() + ").", e);
        }
        return readJson(file, root, comments);
    }

    static SourceReport readJson(String file, JsonNode root, Table comments) {
        List<JsonNode> items = items(root);
        List<Rejection> rejections = new ArrayList<>();
        long used = 0;
        for (int i = 0; i < items.size(); i++) {
            JsonNode c = items.get(i);
            String where = "/" + i;
            String id = text(c, "aweme_id", "video_id");
            String text = text(c, "text");
            if (id.isEmpty()) {
                rejections.add(new Rejection(file, where, "field \"aweme_id\": expected a video id, found nothing"));
                continue;
            }
            if (text == null || !c.get("text").isTextual()) {
                rejections.add(new Rejection(file, where, "field \"text\": expected the comment text, found "
                        + (c.has("text") ? c.get("text").getNodeType().toString().toLowerCase(Locale.ROOT) : "nothing")));
                continue;
            }
            JsonNode likes = c.has("digg_count") ? c.get("digg_count") : c.get("likes");
            JsonNode time = c.has("create_time") ? c.get("create_time") : c.get("created_at");
            Instant at;
            try {
                at = time == null || time.isNull() ? null : Values.instant(time.asText());
            } catch (BadValueException e) {
                rejections.add(new Rejection(file, where, "field \"create_time\": " + e.getMessage()));
                continue;
            }
            append(comments, id, text, likes != null && likes.canConvertToLong() ? likes.asLong() : null, at);
            used++;
        }
        return new SourceReport(file, "comments (web-item JSON)", items.size(), used, rejections, List.of(), List.of());
    }

    public static SourceReport readCsv(Path path, Table comments) {
        String file = path.toString();
        try (InputStream in = Files.newInputStream(path); CsvRows rows = new CsvRows(file, in)) {
            List<String> h = rows.header().stream().map(Fields::normalize).toList();
            int idAt = firstOf(h, ID_HEADERS);
            int textAt = firstOf(h, TEXT_HEADERS);
            int likesAt = firstOf(h, LIKE_HEADERS);
            int timeAt = firstOf(h, TIME_HEADERS);
            if (idAt < 0 || textAt < 0) {
                throw new InputException(file + ": expected comment columns \"video_id\" and \"text\", found "
                        + rows.header() + ".");
            }
            List<Rejection> rejections = new ArrayList<>();
            long read = 0;
            long used = 0;
            String[] row;
            while ((row = rows.next()) != null) {
                read++;
                long line = rows.line();
                String id = cell(row, idAt);
                if (id.isEmpty()) {
                    rejections.add(Rejection.at(file, line, idAt + 1, "column \"" + h.get(idAt)
                            + "\": expected a video id, found nothing"));
                    continue;
                }
                Long likes = null;
                Instant at = null;
                try {
                    if (likesAt >= 0) {
                        OptionalLong l = Values.count(cell(row, likesAt));
                        likes = l.isPresent() ? l.getAsLong() : null;
                    }
                } catch (BadValueException e) {
                    rejections.add(Rejection.at(file, line, likesAt + 1, "column \"" + h.get(likesAt) + "\": "
                            + e.getMessage()));
                    continue;
                }
                try {
                    at = timeAt >= 0 ? Values.instant(cell(row, timeAt)) : null;
                } catch (BadValueException e) {
                    rejections.add(Rejection.at(file, line, timeAt + 1, "column \"" + h.get(timeAt) + "\": "
                            + e.getMessage()));
                    continue;
                }
                append(comments, id, cell(row, textAt), likes, at);
                used++;
            }
            return new SourceReport(file, "comments (CSV)", read, used, rejections, List.of(), List.of());
        } catch (IOException e) {
            throw new InputException(file + ": could not read the file (" + e.getMessage() + ").", e);
        }
    }

    private static void append(Table comments, String id, String text, Long likes, Instant at) {
        comments.stringColumn(Canonical.VIDEO_ID).append(id);
        comments.stringColumn(Canonical.TEXT).append(text);
        if (likes == null) {
            comments.longColumn(Canonical.LIKES).appendMissing();
        } else {
            comments.longColumn(Canonical.LIKES).append(likes);
        }
        if (at == null) {
            comments.instantColumn(Canonical.CREATED_AT).appendMissing();
        } else {
            comments.instantColumn(Canonical.CREATED_AT).append(at);
        }
    }

    private static List<JsonNode> items(JsonNode root) {
        JsonNode arr = root.isArray() ? root : root.has("comments") ? root.get("comments") : null;
        List<JsonNode> out = new ArrayList<>();
        if (arr != null && arr.isArray()) {
            arr.forEach(out::add);
        }
        return out;
    }

    private static String text(JsonNode c, String... names) {
        for (String n : names) {
            JsonNode v = c.get(n);
            if (v != null && !v.isNull()) {
                return v.asText().strip();
            }
        }
        return names[0].equals("text") ? null : "";
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
