package savescope.history;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Removes who wrote each comment from a comment export before it is kept: every field naming or identifying
 * a commenter (JSON keys at any depth, CSV columns) is dropped; texts, likes, times and video ids stay.
 */
public final class CommentAuthors {
    private static final Set<String> NAMES = Set.of("uid", "uniqueid", "nickname", "secuid", "handle", "name",
            "displayname", "screenname", "login", "owner", "ownerid");
    private static final List<String> PREFIXES = List.of("user", "author", "avatar", "commenter", "profile",
            "replytouser", "replyuser", "nickname", "uniqueid", "secuid");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private CommentAuthors() {}

    /** True for a JSON key or CSV header that names or identifies the person who wrote a comment. */
    static boolean isAuthorField(String field) {
        String key = field.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        return NAMES.contains(key) || PREFIXES.stream().anyMatch(key::startsWith);
    }

    /**
     * The content of a comment export without its author fields, in UTF-8.
     *
     * @param fileName tells JSON ({@code .json}, {@code .jsonl}, {@code .ndjson}) from CSV
     * @throws IOException when the JSON cannot be parsed
     */
    public static byte[] remove(byte[] content, String fileName) throws IOException {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return removeFromJson(content);
        }
        return removeFromCsv(text(content)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] removeFromJson(byte[] content) throws IOException {
        List<JsonNode> values = new ArrayList<>();
        try (JsonParser parser = MAPPER.createParser(content);
                MappingIterator<JsonNode> it = MAPPER.readValues(parser, JsonNode.class)) {
            while (it.hasNextValue()) {
                JsonNode v = it.nextValue();
                drop(v);
                values.add(v);
            }
        }
        // One value stays one document; several (JSON Lines) stay one per line.
        StringBuilder out = new StringBuilder();
        for (JsonNode v : values) {
            out.append(MAPPER.writeValueAsString(v)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void drop(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                if (isAuthorField(names.next())) {
                    names.remove();
                }
            }
            object.forEach(CommentAuthors::drop);
        } else if (node instanceof ArrayNode array) {
            array.forEach(CommentAuthors::drop);
        }
    }

    /** UTF-8 (a byte-order mark dropped), else Windows-1252, the two encodings spreadsheet exports come in. */
    private static String text(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return Charset.forName("windows-1252").decode(ByteBuffer.wrap(content)).toString();
        }
    }

    /** The CSV without its author columns, with the delimiter of its header and quotes where a value needs them. */
    static String removeFromCsv(String csv) {
        List<List<String>> rows = CsvText.parse(csv, CsvText.delimiterOf(csv));
        if (rows.isEmpty()) {
            return csv;
        }
        char delimiter = CsvText.delimiterOf(csv);
        List<String> header = rows.get(0);
        boolean[] keep = new boolean[header.size()];
        for (int c = 0; c < keep.length; c++) {
            keep[c] = !isAuthorField(header.get(c));
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            List<String> kept = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                // Cells past the header's width belong to no column; they are kept for the loader to judge.
                if (c >= keep.length || keep[c]) {
                    kept.add(row.get(c));
                }
            }
            out.append(CsvText.line(kept, delimiter)).append("\r\n");
        }
        return out.toString();
    }
}
