package savescope.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import savescope.model.Canonical;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import savescope.model.Rejection;
import savescope.model.SourceReport;

/**
 * Reads video items and comments from JSON: web items (nested {@code stats.collectCount} or flat
 * {@code collectCount}), Research, Display and Business API responses (one, an array of them, or one per
 * line), and web-item comment lists. Arrays are streamed item by item; places are JSON pointers.
 */
final class JsonReader {
    /**
     * The longest JSON string read: far above any caption or id (Jackson's own default is 20 million), still a
     * bound on what one value may take in memory.
     */
    static final int MAX_STRING_CHARS = 50_000_000;
    /** The longest line of JSON Lines read; a longer one is rejected without being held in memory. */
    static final int MAX_LINE_CHARS = 1 << 26;
    private static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS).build())
            // Python's json.dumps writes NaN for a missing float and Infinity for an overflow: read, then judged.
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build())
            .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("first-key-wins")
                    .addDeserializer(JsonNode.class, new FirstKeyWins()));
    private static final String REPEATED_KEYS = "savescope.repeatedKeys";

    /**
     * Builds trees in which a key repeated in one object keeps its first value, as a repeated CSV header keeps
     * its first column ({@link Fields#duplicateWarnings}); each repeat is counted for a warning.
     */
    private static final class FirstKeyWins extends com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer {
        FirstKeyWins() {
            super();
        }

        private FirstKeyWins(FirstKeyWins base, boolean mergeArrays, boolean mergeObjects) {
            super(base, mergeArrays, mergeObjects);
        }

        @Override
        protected com.fasterxml.jackson.databind.JsonDeserializer<?> _createWithMerge(boolean mergeArrays,
                boolean mergeObjects) {
            return new FirstKeyWins(this, mergeArrays, mergeObjects);
        }

        @Override
        protected void _handleDuplicateField(JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt,
                com.fasterxml.jackson.databind.node.JsonNodeFactory nodeFactory, String fieldName,
                com.fasterxml.jackson.databind.node.ObjectNode objectNode, JsonNode oldValue, JsonNode newValue) {
            objectNode.set(fieldName, oldValue);
            if (ctxt.getAttribute(REPEATED_KEYS) instanceof Map<?, ?> seen) {
                @SuppressWarnings("unchecked")
                Map<String, long[]> repeats = (Map<String, long[]>) seen;
                long[] countAndLine = repeats.computeIfAbsent(fieldName, k -> new long[] {0, p.currentLocation().getLineNr()});
                countAndLine[0]++;
            }
        }
    }

    /** Keys repeated within one object: key → {times, line of the first}. */
    private final Map<String, long[]> repeatedKeys = new LinkedHashMap<>();
    private final com.fasterxml.jackson.databind.ObjectReader treeReader = MAPPER.reader()
            .withAttribute(REPEATED_KEYS, repeatedKeys);
    private static final List<String> RECORD_ARRAYS = List.of("videos", "itemList", "items", "aweme_list", "comments",
            "list");

    private final LoadState.FileContext fc;
    private final LoadState state;
    private final String file;
    private final boolean jsonLines;
    private final VideoFrameBuilder videos;
    private final List<Rejection> commentRejections = new ArrayList<>();
    private final Map<String, Integer> formats = new TreeMap<>();
    private final Set<String> metricsSeen = new LinkedHashSet<>();
    private long commentsRead;
    private long commentsUsed;
    private final LongTexts longTexts = new LongTexts();
    private long records;
    private List<String> firstKeys;
    /** Keys of the first video item that look like saves but were not recognised, for the --map hint. */
    private List<String> savesLikeKeys;
    private String linePrefix = "";
    /** The field match of the last item, so the assumptions are worked out again only when the keys change. */
    private Map<String, Integer> lastMatch;

    private JsonReader(LoadState.FileContext fc, LoadState state) {
        this.fc = fc;
        this.state = state;
        this.file = fc.name();
        String lower = file.toLowerCase(java.util.Locale.ROOT);
        this.jsonLines = lower.endsWith(".jsonl") || lower.endsWith(".ndjson");
        Instant anchor = fc.zipTime() != null ? fc.zipTime() : state.zipExportTime;
        this.videos = new VideoFrameBuilder(file, "").types(state.options.types())
                .takenAt(fc.takenAt(state.zipExportTime), fc.takenBasis(state.zipExportTime))
                .yearAnchor(anchor != null ? anchor : fc.modified());
    }

    static void read(InputStream in, LoadState.FileContext fc, LoadState state) throws IOException {
        JsonReader reader = new JsonReader(fc, state);
        if (reader.jsonLines) {
            reader.readLines(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } else {
            reader.readAll(MAPPER.getFactory().createParser(in));
        }
    }

    /** As {@link #read(InputStream, LoadState.FileContext, LoadState)}, for text already decoded. */
    static void read(java.io.Reader in, LoadState.FileContext fc, LoadState state) throws IOException {
        JsonReader reader = new JsonReader(fc, state);
        if (reader.jsonLines) {
            reader.readLines(in);
        } else {
            reader.readAll(MAPPER.getFactory().createParser(in));
        }
    }

    /**
     * JSON Lines, one value per line: a line that is cut off or malformed is rejected with its own line number
     * and the other lines are used.
     */
    private void readLines(java.io.Reader in) throws IOException {
        LineSplitter lines = new LineSplitter(in, MAX_LINE_CHARS);
        String text;
        while ((text = lines.next()) != null) {
            long lineNr = lines.lineNumber();
            linePrefix = lineNr + ":";
            if (text == LineSplitter.TOO_LONG) {
                videos.reject(new Rejection(file, String.valueOf(lineNr), "the line is longer than "
                        + String.format("%,d", MAX_LINE_CHARS) + " characters; expected one JSON object per line. "
                        + "The line was skipped."));
                continue;
            }
            if (text.isBlank()) {
                continue;
            }
            List<JsonNode> values;
            try {
                values = valuesOf(text);
            } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
                videos.reject(new Rejection(file, String.valueOf(lineNr), tooBig(e) + " The line was skipped."));
                continue;
            } catch (JsonProcessingException e) {
                var loc = e.getLocation();
                videos.reject(new Rejection(file, lineNr + (loc == null ? "" : ":" + loc.getColumnNr()),
                        "the JSON on this line " + shortReason(e) + "; expected one complete "
                        + "JSON object per line. The line was skipped."));
                continue;
            }
            for (JsonNode node : values) {
                if (node.isContainerNode()) {
                    handle(node, "");
                } else {
                    videos.reject(new Rejection(file, String.valueOf(lineNr), "found " + describe(node.asToken())
                            + "; expected one JSON object per line."));
                }
            }
        }
        finish();
    }

    /** Every value on one line (usually one; two objects run together are both read), or the line's error. */
    private List<JsonNode> valuesOf(String line) throws IOException {
        List<JsonNode> values = new ArrayList<>();
        try (JsonParser p = MAPPER.getFactory().createParser(line)) {
            p.setCodec(treeReader);
            while (p.nextToken() != null) {
                values.add(p.readValueAsTree());
            }
        }
        return values;
    }

    /** What went past one of the parser's limits, in words. */
    private static String tooBig(com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.startsWith("String value length")) {
            return "a text value is longer than " + String.format("%,d", MAX_STRING_CHARS) + " characters; expected "
                    + "the text of an export (captions, ids, names).";
        }
        if (m.startsWith("Number value length")) {
            return "a number is longer than " + String.format("%,d", StreamReadConstraints.DEFAULT_MAX_NUM_LEN)
                    + " digits; expected a count or an id.";
        }
        if (m.contains("nesting depth")) {
            return "the JSON is nested more than " + String.format("%,d", StreamReadConstraints.DEFAULT_MAX_DEPTH)
                    + " levels deep; expected the items of an export.";
        }
        return "a JSON value is larger than SaveScope reads.";
    }

    private void readAll(JsonParser parser) throws IOException {
        try (JsonParser p = parser) {
            p.setCodec(treeReader);
            int values = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                values++;
                linePrefix = jsonLines || values > 1 ? p.currentLocation().getLineNr() + ":" : "";
                if (t == JsonToken.START_ARRAY) {
                    int i = 0;
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (t == null) {
                            throw new InputException(file + ": the JSON ends inside an array; expected complete JSON.");
                        }
                        JsonNode node = p.readValueAsTree();
                        handle(node, "/" + i++);
                    }
                } else if (t == JsonToken.START_OBJECT) {
                    handle(p.readValueAsTree(), "");
                } else {
                    throw new InputException(file + ":" + p.currentLocation().getLineNr() + ": found " + describe(t)
                            + " at the top level; expected a JSON array of items, an API response object, or one "
                            + "object per line.");
                }
            }
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            var loc = e.getLocation();
            throw new InputException(file + (loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr()) + ": "
                    + tooBig(e));
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new InputException(file + (loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr())
                    + ": the JSON " + shortReason(e)
                    + "; expected complete JSON: an array of items, an API response, or one object per line.");
        }
        finish();
    }

    /** What the parser found wrong, in plain words that end "the JSON …" (the place is given before it). */
    private static String shortReason(JsonProcessingException e) {
        return JsonProblems.describe(e.getOriginalMessage());
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString();
        };
    }

    private void handle(JsonNode node, String ptr) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                handle(node.get(i), ptr + "/" + i);
            }
            return;
        }
        if (node.isObject()) {
            JsonNode data = node.get("data");
            if (data != null && data.isObject()) {
                for (String key : RECORD_ARRAYS) {
                    JsonNode arr = data.get(key);
                    if (arr != null && arr.isArray()) {
                        records(arr, ptr + "/data/" + key);
                        return;
                    }
                }
            }
            if (data != null && data.isArray()) {
                records(data, ptr + "/data");
                return;
            }
            for (String key : RECORD_ARRAYS) {
                JsonNode arr = node.get(key);
                if (arr != null && arr.isArray() && !looksLikeItem(node)) {
                    records(arr, ptr + "/" + key);
                    return;
                }
            }
        }
        record(node, ptr);
    }

    private static boolean looksLikeItem(JsonNode node) {
        return node.has("id") || node.has("stats") || node.has("aweme_id") || node.has("item_id");
    }

    private void records(JsonNode arr, String ptr) {
        for (int i = 0; i < arr.size(); i++) {
            record(arr.get(i), ptr + "/" + i);
        }
    }

    private void record(JsonNode node, String ptr) {
        records++;
        String place = linePrefix + (ptr.isEmpty() ? "/" : ptr);
        if (!node.isObject()) {
            videos.reject(new Rejection(file, place, "expected a JSON object (a video or a comment), found "
                    + (node.isNull() ? "null" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT))));
            return;
        }
        if (firstKeys == null) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            firstKeys = keys;
        }
        if (node.has("cid") || (node.has("aweme_id") && node.has("text") && !node.has("stats") && !node.has("statistics"))) {
            comment(node, place);
            return;
        }
        video(node, place);
    }

    private void video(JsonNode node, String place) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten(node, "", flat);
        List<String> keys = new ArrayList<>(flat.keySet());
        state.sawHeaders(keys);
        Map<String, Integer> match = Fields.match(keys, state.options.columnMap());
        if (savesLikeKeys == null) {
            savesLikeKeys = Fields.savesLike(keys, match.values());
        }
        String[] raw = new String[VideoFrameBuilder.RAW_WIDTH];
        String[] headers = new String[raw.length];
        for (int f = 0; f < VideoFrameBuilder.FIELDS.size(); f++) {
            Integer at = match.get(VideoFrameBuilder.FIELDS.get(f));
            if (at != null) {
                headers[f] = keys.get(at);
                raw[f] = flat.get(keys.get(at));
            }
        }
        int scraped = SnapshotOrder.scrapeColumn(keys);
        if (scraped >= 0) {
            headers[VideoFrameBuilder.SCRAPED_AT] = keys.get(scraped);
            raw[VideoFrameBuilder.SCRAPED_AT] = flat.get(keys.get(scraped));
        }
        for (String m : Canonical.COUNTS) {
            if (match.containsKey(m)) {
                metricsSeen.add(m);
            }
        }
        String tags = hashtags(node);
        if (!tags.isEmpty()) {
            raw[VideoFrameBuilder.HASHTAGS] = tags;
        }
        String format = formatOf(flat.keySet(), match.containsKey(Canonical.SAVES));
        if (format.equals(APP_API) && "video.duration".equals(headers[VideoFrameBuilder.DURATION]) && !millisSaid) {
            millisSaid = true;
            videos.durationInMilliseconds();
        }
        if (!match.equals(lastMatch)) {
            lastMatch = match;
            Fields.assumptions(keys, match, state.options.columnMap()).forEach(videos::assume);
        }
        formats.merge(format, 1, Integer::sum);
        videos.headers(headers);
        String base = place.endsWith("/") ? place : place + "/";
        if (videos.add(raw, place, f -> base + (headers[f] == null ? VideoFrameBuilder.FIELDS.get(f) : headers[f].replace('.', '/')),
                file + "#" + place)) {
            noteAbsentCounts(headers, base);
        }
    }

    /**
     * Kept items that lack a count key, per count: how many, and the first few item places. Whether that is a
     * field left missing is known only at the end, once it is known whether any item of the file carries it.
     */
    private final long[] absentCounts = new long[Canonical.COUNTS.size()];
    @SuppressWarnings("unchecked")
    private final List<String>[] absentPlaces = new List[Canonical.COUNTS.size()];
    /** The key each count was first read from, to name it where an item lacks it. */
    private final String[] countKeys = new String[Canonical.COUNTS.size()];

    private void noteAbsentCounts(String[] headers, String base) {
        for (int i = 0; i < absentCounts.length; i++) {
            String key = headers[VideoFrameBuilder.VIEWS + i];
            if (key != null) {
                countKeys[i] = countKeys[i] == null ? key : countKeys[i];
                continue;
            }
            if (absentCounts[i]++ == 0) {
                absentPlaces[i] = new ArrayList<>();
            }
            if (absentPlaces[i].size() < savescope.model.FieldGap.MAX_PLACES) {
                absentPlaces[i].add(base);
            }
        }
    }

    /** Counts every kept item lacking a count that other items of the file carry as that field left missing. */
    private void countAbsentCounts() {
        for (int i = 0; i < absentCounts.length; i++) {
            if (countKeys[i] == null || absentCounts[i] == 0) {
                continue;
            }
            String key = countKeys[i];
            for (long n = 0; n < absentCounts[i]; n++) {
                String base = absentPlaces[i].get((int) Math.min(n, absentPlaces[i].size() - 1));
                videos.leaveMissing(VideoFrameBuilder.VIEWS + i, base + key.replace('.', '/'), "the item has no \""
                        + key + "\" key, nor another " + Canonical.COUNTS.get(i) + " key");
            }
        }
    }

    /** Whether the builder has been told that this file's durations are milliseconds (the app API's are). */
    private boolean millisSaid;

    /** Dotted keys for nested objects; arrays of plain values joined by spaces; other arrays left out. */
    private static void flatten(JsonNode node, String prefix, Map<String, String> out) {
        Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                flatten(v, key + ".", out);
            } else if (v.isArray()) {
                StringBuilder sb = new StringBuilder();
                for (JsonNode x : v) {
                    if (x.isValueNode()) {
                        sb.append(sb.length() == 0 ? "" : " ").append(x.asText());
                    }
                }
                out.put(key, sb.toString());
            } else if (v.isNull()) {
                out.put(key, "");
            } else {
                // asText keeps integers exact (a 19-digit id stays all its digits); floats keep their exponent.
                out.put(key, v.asText());
            }
        }
    }

    /** Hashtags from every shape items carry them in: hashtag_names, challenges, textExtra, hashtags. */
    private static String hashtags(JsonNode node) {
        Set<String> tags = new LinkedHashSet<>();
        collect(node.get("hashtag_names"), null, tags);
        collect(node.get("challenges"), "title", tags);
        collect(node.get("textExtra"), "hashtagName", tags);
        collect(node.get("hashtags"), "name", tags);
        collect(node.get("text_extra"), "hashtag_name", tags);
        collect(node.get("cha_list"), "cha_name", tags);
        return String.join(" ", tags);
    }

    private static void collect(JsonNode arr, String field, Set<String> tags) {
        if (arr == null || !arr.isArray()) {
            return;
        }
        for (JsonNode x : arr) {
            JsonNode v = x.isObject() && field != null ? x.get(field) : x;
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                tags.add(v.asText().strip().replaceFirst("^#", "").toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    static final String APP_API = "TikTok app API JSON";

    private static String formatOf(Set<String> keys, boolean hasSaves) {
        if (keys.contains("aweme_id") && (keys.contains("statistics.play_count") || keys.contains("statistics.collect_count")
                || keys.contains("statistics.digg_count"))) {
            return APP_API;
        }
        if (keys.contains("stats.collectCount") || keys.contains("stats.playCount")) {
            return "web-item JSON (nested)";
        }
        if (keys.contains("collectCount") || keys.contains("playCount")) {
            return "web-item JSON (flat)";
        }
        if (keys.contains("favorites_count")) {
            return "TikTok Research API JSON";
        }
        if (keys.contains("item_id") || keys.contains("video_views")) {
            return "TikTok Business API JSON";
        }
        if (keys.contains("view_count") || keys.contains("share_url")) {
            return hasSaves ? "TikTok Display API JSON" : "TikTok Display API JSON (no saves)";
        }
        return "JSON items";
    }

    private void comment(JsonNode node, String place) {
        commentsRead++;
        String base = place.endsWith("/") ? place : place + "/";
        String videoId = text(node, "aweme_id", "video_id", "item_id");
        if (videoId.isEmpty()) {
            commentRejections.add(new Rejection(file, base + "aweme_id", "expected the id of the commented video, found nothing"));
            return;
        }
        if (videoId.indexOf('E') >= 0 || videoId.indexOf('e') >= 0) {
            commentRejections.add(new Rejection(file, base + "aweme_id", "expected a video id, found the rounded number \""
                    + videoId + "\""));
            return;
        }
        String body = longTexts.bound(text(node, "text", "comment"), "comment texts", () -> base + "text");
        if (body.isEmpty()) {
            commentRejections.add(new Rejection(file, base + "text", "expected the comment text, found nothing"));
            return;
        }
        OptionalLong likes;
        Instant created;
        try {
            likes = Values.count(text(node, "digg_count", "like_count", "likes"));
        } catch (BadValueException e) {
            commentRejections.add(new Rejection(file, base + "digg_count", e.getMessage()));
            return;
        }
        try {
            created = Values.instant(text(node, "create_time", "createTime", "created_at"));
        } catch (BadValueException e) {
            commentRejections.add(new Rejection(file, base + "create_time", e.getMessage()));
            return;
        }
        // The commenter's name and id are deliberately never read.
        state.comments.stringColumn(Canonical.VIDEO_ID).append(videoId.endsWith(".0") ? videoId.substring(0, videoId.length() - 2) : videoId);
        state.comments.stringColumn(Canonical.TEXT).append(body);
        LongColumn likeCol = state.comments.longColumn(Canonical.LIKES);
        if (likes.isPresent()) {
            likeCol.append(likes.getAsLong());
        } else {
            likeCol.appendMissing();
        }
        InstantColumn at = state.comments.instantColumn(Canonical.CREATED_AT);
        if (created == null) {
            at.appendMissing();
        } else {
            at.append(created);
        }
        commentsUsed++;
    }

    private static String text(JsonNode node, String... names) {
        for (String n : names) {
            JsonNode v = node.get(n);
            if (v != null && v.isValueNode() && !v.isNull()) {
                return v.asText().strip();
            }
        }
        return "";
    }

    /** One warning per key repeated within objects, naming the first line it happened on. */
    private List<String> repeatedKeyWarnings() {
        List<String> warnings = new ArrayList<>();
        repeatedKeys.forEach((key, countAndLine) -> warnings.add("the key \"" + key + "\" is repeated inside an object "
                + countAndLine[0] + (countAndLine[0] == 1 ? " time" : " times") + " (first on line " + countAndLine[1]
                + "); the first value was read and the repeats ignored, as for a CSV header that appears twice."));
        return warnings;
    }

    private void finish() {
        if (records == 0) {
            throw new InputException(file + ": found JSON with no items; expected video items or comments (an array "
                    + "of items, an API response with data.videos, or one object per line).");
        }
        if (commentsRead > 0) {
            state.sources.add(new SourceReport(file, "web-item comments JSON", commentsRead, commentsUsed,
                    commentRejections, List.of(), List.of(), SourceReport.COMMENTS, List.of(), longTexts.notes()));
        }
        if (videos.rowsRead() > 0) {
            if (metricsSeen.isEmpty()) {
                if (commentsRead > 0) {
                    // Objects that are neither videos nor comments in a comment file: their rejections say why.
                    state.sources.add(videos.sourceReport("JSON items", Canonical.COUNTS, List.of(), SourceReport.VIDEOS));
                    return;
                }
                throw new InputException(file + ": found JSON objects with the keys " + firstKeys + " but no known "
                        + "metric; expected web items (stats.collectCount or collectCount), TikTok Research/Display/"
                        + "Business API responses (data.videos with view_count, favorites_count, ...) or comments "
                        + "(cid, aweme_id, text), or name the keys with " + (savesLikeKeys == null || savesLikeKeys.isEmpty()
                        ? "--map saves=KEY" : Fields.mapOption(Canonical.SAVES, savesLikeKeys.get(0))) + ".");
            }
            countAbsentCounts();
            videos.finish();
            state.videos.add(videos);
            String format = formats.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse("JSON items");
            List<String> missing = Canonical.COUNTS.stream().filter(m -> !metricsSeen.contains(m)).toList();
            List<String> warnings = new ArrayList<>(TableRouter.builderWarnings(videos, false));
            warnings.addAll(repeatedKeyWarnings());
            if (missing.contains(Canonical.SAVES)) {
                warnings.add(Loader.NO_SAVES_WARNING);
                if (savesLikeKeys != null && !savesLikeKeys.isEmpty()) {
                    warnings.add("No saves column was recognised; if the key \"" + savesLikeKeys.get(0) + "\" holds "
                            + "saves, run again with " + Fields.mapOption(Canonical.SAVES, savesLikeKeys.get(0)) + ".");
                }
            }
            state.sources.add(videos.sourceReport(format, missing, warnings, SourceReport.VIDEOS));
        }
    }
}
