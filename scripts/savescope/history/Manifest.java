package savescope.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import savescope.UserError;
import savescope.load.ContentTypes;
import savescope.load.VideoFrameBuilder;

/**
 * The history's readable index, {@code manifest.json}: every import in order, each with the files it named,
 * their original names and times, and the stored object holding their content.
 *
 * @param imports oldest first
 */
public record Manifest(List<Import> imports) {
    static final String FORMAT = "savescope-history 1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Manifest {
        imports = List.copyOf(imports);
    }

    /**
     * One run of {@code import}.
     *
     * @param importedAt when it ran
     * @param files every file it was given, in the order given, stored before or not
     */
    public record Import(Instant importedAt, List<Entry> files) {
        public Import {
            files = List.copyOf(files);
        }

        /** True when this import stored at least one file the history did not hold. */
        public boolean addedContent() {
            return files.stream().anyMatch(Entry::added);
        }
    }

    /**
     * One file of an import.
     *
     * @param name the file's name as imported: its name, or for a file inside a given folder the folder's name
     *     and the path below it ({@code sample/snapshots/videos_2026-10-23.csv})
     * @param sha256 the hex SHA-256 of the stored content
     * @param object the stored copy, relative to the history folder ({@code objects/<sha256>.csv})
     * @param bytes the stored content's size
     * @param modified the original file's modification time (the loader's fallback for its export time)
     * @param added true when this import stored the content, false when the history already held it
     * @param authorsRemoved true for a comment export stored without its commenter name and id fields
     * @param reading the {@code --map} and {@code --types} it was imported with ({@link Reading#NONE} for none)
     */
    public record Entry(String name, String sha256, String object, long bytes, Instant modified, boolean added,
            boolean authorsRemoved, Reading reading) {}

    static Manifest empty() {
        return new Manifest(List.of());
    }

    Manifest plus(Import next) {
        List<Import> all = new ArrayList<>(imports);
        all.add(next);
        return new Manifest(all);
    }

    String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("about", "SaveScope keeps a copy of every export imported here under objects/, named by the "
                + "SHA-256 of its content and never changed. Comment exports are kept without commenter names "
                + "and ids. Back up or copy this folder as it is.");
        ArrayNode list = root.putArray("imports");
        for (Import i : imports) {
            ObjectNode in = list.addObject();
            in.put("imported_at", i.importedAt().toString());
            ArrayNode files = in.putArray("files");
            for (Entry e : i.files()) {
                ObjectNode f = files.addObject();
                f.put("name", e.name());
                f.put("sha256", e.sha256());
                f.put("object", e.object());
                f.put("bytes", e.bytes());
                f.put("modified", e.modified().toString());
                f.put("added", e.added());
                f.put("comment_authors_removed", e.authorsRemoved());
                if (!e.reading().columnMap().isEmpty()) {
                    ObjectNode map = f.putObject("map");
                    e.reading().columnMap().forEach(map::put);
                }
                if (!e.reading().types().isEmpty()) {
                    ArrayNode types = f.putArray("types");
                    e.reading().types().forEach(types::add);
                }
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the history manifest: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a manifest written by {@link #toJson}.
     *
     * @throws HistoryException naming the file and what is wrong in it
     */
    static Manifest parse(String json, String file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new HistoryException(notJson(e, file));
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new HistoryException(file + ": expected \"format\": \"" + FORMAT + "\"; this is no SaveScope "
                    + "history manifest (or one of a newer SaveScope).");
        }
        List<Import> imports = new ArrayList<>();
        JsonNode list = root.path("imports");
        for (int i = 0; i < list.size(); i++) {
            JsonNode in = list.get(i);
            List<Entry> files = new ArrayList<>();
            JsonNode fs = in.path("files");
            for (int j = 0; j < fs.size(); j++) {
                JsonNode f = fs.get(j);
                String place = "/imports/" + i + "/files/" + j;
                String sha = text(f, "sha256", file, place);
                String object = text(f, "object", file, place);
                if (!sha.matches("[0-9a-f]{64}") || !object.matches("objects/" + sha + "\\.[A-Za-z0-9]{1,8}")) {
                    throw new HistoryException(file + ": " + place + ": expected a SHA-256 and its object "
                            + "objects/<sha256>.<ext>, found \"" + sha + "\" and \"" + object + "\".");
                }
                files.add(new Entry(text(f, "name", file, place), sha, object, f.path("bytes").asLong(),
                        time(f, "modified", file, place), f.path("added").asBoolean(),
                        f.path("comment_authors_removed").asBoolean(), reading(f, file, place)));
            }
            imports.add(new Import(time(in, "imported_at", file, "/imports/" + i), files));
        }
        return new Manifest(imports);
    }

    /**
     * Where the JSON breaks and why, in the user's words: the parser's own message names its classes and
     * features, which say nothing to someone who edited or copied the file.
     */
    static String notJson(JsonProcessingException e, String file) {
        var at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
        String message = String.valueOf(e.getOriginalMessage());
        java.util.regex.Matcher character = java.util.regex.Pattern.compile("^Unexpected character \\(('.{1,2}')")
                .matcher(message);
        String why = message.startsWith("Unexpected end-of-input") ? "it ends before the JSON does, as a file cut short"
                : character.find() ? "unexpected character " + character.group(1)
                : "not JSON text here";
        return file + where + ": not valid JSON (" + why + "); expected a SaveScope history manifest. Restore it "
                + "from a backup, or fix it by hand.";
    }

    /** The {@code map} and {@code types} of an entry, checked as the import's options were; none when absent. */
    private static Reading reading(JsonNode entry, String file, String place) {
        Map<String, String> map = new LinkedHashMap<>();
        JsonNode m = entry.path("map");
        if (!m.isMissingNode() && !m.isObject()) {
            throw new HistoryException(file + ": " + place + "/map: expected an object of FIELD: HEADER, found "
                    + m + ".");
        }
        for (Map.Entry<String, JsonNode> field : m.properties()) {
            if (!VideoFrameBuilder.FIELDS.contains(field.getKey())) {
                throw new HistoryException(file + ": " + place + "/map: unknown field \"" + field.getKey()
                        + "\"; expected one of " + VideoFrameBuilder.FIELDS + ".");
            }
            map.put(field.getKey(), text(m, field.getKey(), file, place + "/map"));
        }
        List<String> types = new ArrayList<>();
        JsonNode t = entry.path("types");
        if (!t.isMissingNode() && !t.isArray()) {
            throw new HistoryException(file + ": " + place + "/types: expected a list of TYPE=#tags, found " + t + ".");
        }
        for (JsonNode spec : t) {
            types.add(spec.asText());
        }
        try {
            ContentTypes.parse(types);
        } catch (UserError e) {
            throw new HistoryException(file + ": " + place + "/types: " + e.getMessage() + ".");
        }
        return map.isEmpty() && types.isEmpty() ? Reading.NONE : new Reading(map, types);
    }

    private static String text(JsonNode node, String key, String file, String place) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new HistoryException(file + ": " + place + "/" + key + ": expected text, found "
                    + (v == null ? "nothing" : v.toString()) + ".");
        }
        return v.asText();
    }

    private static Instant time(JsonNode node, String key, String file, String place) {
        String s = text(node, key, file, place);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new HistoryException(file + ": " + place + "/" + key + ": expected a time like "
                    + "2026-11-20T09:00:00Z, found \"" + s + "\".");
        }
    }
}
