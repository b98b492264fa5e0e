package savescope.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import savescope.UserError;

/**
 * The aggregates file: a report's {@link ReportFigures} as versioned JSON (gzip-compressed when its name ends in
 * {@code .gz}), written where the numbers are computed and rendered where the page is wanted, without the data.
 * A file that is not one, is cut short or was edited into something else is refused in one line naming the field.
 */
public final class AggregatesFile {
    public static final String FORMAT = "savescope-aggregates";
    /** The layout of the file; a reader refuses a higher one. */
    public static final int VERSION = 1;

    /** Bare NaN and infinities are read only so that the codec can name their field (the file writes them as strings). */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    /** The leading keys; the rest are {@link ReportFigures}' components, sections last. */
    private static final List<String> HEAD = List.of("format", "version", "schema");

    private AggregatesFile() {}

    /** Whether a file of this name is written compressed. */
    public static boolean compressed(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
    }

    /** Writes the file's bytes to {@code out} (left open), compressed when {@code gzip}. */
    public static void write(ReportFigures figures, OutputStream out, boolean gzip) throws IOException {
        OutputStream target = gzip ? new GZIPOutputStream(new KeepOpen(out), 1 << 16) : new KeepOpen(out);
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try (JsonGenerator g = JSON.createGenerator(target, JsonEncoding.UTF8).setPrettyPrinter(pretty)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeStringField("schema", schema());
            for (RecordComponent rc : ReportFigures.class.getRecordComponents()) {
                if (!rc.getName().equals("sections")) {
                    g.writeFieldName(rc.getName());
                    FiguresCodec.write(g, rc.getGenericType(), rc.getAccessor().invoke(figures), rc.getName());
                }
            }
            writeSections(g, figures.sections());
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the report's figures", e);
        }
        target.close();
    }

    /** The file's bytes, compressed when {@code gzip}. */
    public static byte[] toBytes(ReportFigures figures, boolean gzip) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            write(figures, out, gzip);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeSections(JsonGenerator g, List<Record> figures) throws IOException {
        List<Section<?>> sections = SaveReport.sections();
        if (figures.size() != sections.size()) {
            throw new IllegalArgumentException("expected the figures of " + sections.size() + " sections, found "
                    + figures.size());
        }
        g.writeFieldName("sections");
        g.writeStartObject();
        for (int i = 0; i < sections.size(); i++) {
            g.writeFieldName(name(sections.get(i)));
            FiguresCodec.write(g, SaveReport.figuresType(sections.get(i)), figures.get(i), "sections." + name(sections.get(i)));
        }
        g.writeEndObject();
    }

    /**
     * Reads an aggregates file, compressed or not (told by its first bytes).
     *
     * @throws UserError naming the file, and the field and line where the file is not what it should be
     */
    public static ReportFigures read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file.");
        } catch (AccessDeniedException e) {
            throw new UserError(file + ": cannot be read (permission denied).");
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new UserError(file + ": is a folder; expected an aggregates file (as --save-aggregates writes).");
            }
            throw new UserError(file + ": cannot be read: " + e.getMessage() + ".", e);
        }
    }

    /** {@code in}'s bytes, uncompressed when they are gzip (told by its magic bytes, whatever the file's name). */
    public static InputStream uncompressed(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(2);
        boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
        buffered.reset();
        return gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    }

    /** Reads an aggregates file's bytes from {@code in}; {@code name} names it in messages. */
    static ReportFigures read(InputStream in, String name) throws IOException {
        // Lines and columns are those of the JSON, inside the compression when there is one.
        try (JsonParser p = JSON.createParser(uncompressed(in))) {
            return readDocument(p, name);
        } catch (FiguresCodec.Mismatch m) {
            throw new UserError(at(name, m.where()) + "field \"" + m.field() + "\": " + m.getMessage() + ".");
        } catch (JsonParseException e) {
            // Jackson says "end-of-input" for a file cut short, in a JsonEOFException or (between entries) not.
            if (e instanceof JsonEOFException || String.valueOf(e.getOriginalMessage()).contains("end-of-input")) {
                throw new UserError(at(name, e.getLocation()) + "the file ends early (was it cut short?); expected "
                        + "the rest of the aggregates.");
            }
            throw new UserError(at(name, e.getLocation()) + "not valid JSON: " + firstLine(e.getOriginalMessage()) + ".");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserError(at(name, e.getLocation()) + firstLine(e.getOriginalMessage()) + ".");
        } catch (EOFException e) {
            throw new UserError(name + ": the compressed data ends early (was the file cut short?).");
        } catch (ZipException e) {
            throw new UserError(name + ": broken compressed data (" + e.getMessage() + ").");
        }
    }

    private static ReportFigures readDocument(JsonParser p, String name) throws IOException {
        JsonToken first;
        try {
            first = p.nextToken();
        } catch (JsonParseException e) {
            throw new UserError(name + ": not a SaveScope aggregates file (it is not JSON); expected a JSON object "
                    + "starting with \"format\": \"" + FORMAT + "\", as --save-aggregates writes.");
        }
        if (first != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME || !p.currentName().equals("format")) {
            throw notAggregates(p, name);
        }
        readHead(p);
        Map<String, Object> values = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            if (values.containsKey(field)) {
                throw new FiguresCodec.Mismatch(field, p.currentTokenLocation(), "given twice");
            }
            p.nextToken();
            if (field.equals("sections")) {
                values.put(field, readSections(p));
            } else if (component(field) != null) {
                values.put(field, FiguresCodec.read(p, component(field).getGenericType(), field));
            } else {
                throw new FiguresCodec.Mismatch(field, p.currentTokenLocation(), "not a field of an aggregates file");
            }
        }
        JsonLocation end = p.currentTokenLocation();
        if (p.nextToken() != null) {
            throw new UserError(at(name, p.currentTokenLocation()) + "more after the end of the aggregates (two files "
                    + "joined?); expected nothing.");
        }
        return figures(values, end);
    }

    /** Checks format, version and schema, in this order, with the parser on the "format" key. */
    private static void readHead(JsonParser p) throws IOException {
        p.nextToken();
        if (!FORMAT.equals(p.getValueAsString())) {
            throw new FiguresCodec.Mismatch("format", p.currentTokenLocation(), "expected \"" + FORMAT + "\", found "
                    + FiguresCodec.found(p));
        }
        expectKey(p, "version");
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                || p.getIntValue() < 1) {
            throw new FiguresCodec.Mismatch("version", p.currentTokenLocation(), "expected the file's version number "
                    + "(" + VERSION + "), found " + FiguresCodec.found(p));
        }
        if (p.getIntValue() > VERSION) {
            throw new FiguresCodec.Mismatch("version", p.currentTokenLocation(), "the file is of version "
                    + p.getIntValue() + ", written by a newer SaveScope; this one reads version " + VERSION
                    + " (update SaveScope, or write the file with this one)");
        }
        expectKey(p, "schema");
        if (!schema().equals(p.getValueAsString())) {
            throw new FiguresCodec.Mismatch("schema", p.currentTokenLocation(), "the file's report figures ("
                    + FiguresCodec.found(p) + ") are not this SaveScope's (\"" + schema() + "\"): it was written by "
                    + "another version of SaveScope; write it again with this one");
        }
    }

    private static void expectKey(JsonParser p, String key) throws IOException {
        if (p.nextToken() != JsonToken.FIELD_NAME || !p.currentName().equals(key)) {
            throw new FiguresCodec.Mismatch(key, p.currentTokenLocation(), "expected \"" + key + "\" next, after "
                    + HEAD.subList(0, HEAD.indexOf(key)) + ", found " + FiguresCodec.found(p));
        }
        p.nextToken();
    }

    private static List<Record> readSections(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new FiguresCodec.Mismatch("sections", p.currentTokenLocation(), "expected an object, found "
                    + FiguresCodec.found(p));
        }
        JsonLocation start = p.currentTokenLocation();
        List<Section<?>> sections = SaveReport.sections();
        Map<String, Record> byName = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            Section<?> section = sections.stream().filter(s -> name(s).equals(name)).findFirst().orElseThrow(() ->
                    new FiguresCodec.Mismatch("sections." + name, p.currentTokenLocation(), "not a section of the "
                            + "report; expected " + String.join(", ", sections.stream().map(AggregatesFile::name).toList())));
            if (byName.containsKey(name)) {
                throw new FiguresCodec.Mismatch("sections." + name, p.currentTokenLocation(), "given twice");
            }
            p.nextToken();
            byName.put(name, (Record) FiguresCodec.read(p, SaveReport.figuresType(section), "sections." + name));
        }
        List<Record> figures = new ArrayList<>();
        for (Section<?> s : sections) {
            if (!byName.containsKey(name(s))) {
                throw new FiguresCodec.Mismatch("sections." + name(s), start, "missing");
            }
            figures.add(byName.get(name(s)));
        }
        return figures;
    }

    /** The figures from the fields read; every field must be there, and only the posting range may be null. */
    private static ReportFigures figures(Map<String, Object> values, JsonLocation end) {
        RecordComponent[] components = ReportFigures.class.getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String field = components[i].getName();
            if (!values.containsKey(field)) {
                throw new FiguresCodec.Mismatch(field, end, "missing");
            }
            args[i] = values.get(field);
            if (args[i] == null && !field.equals("postingRange")) {
                throw new FiguresCodec.Mismatch(field, end, "expected a value, found null");
            }
        }
        try {
            return ReportFigures.class.getDeclaredConstructor(java.util.Arrays.stream(components)
                    .map(RecordComponent::getType).toArray(Class<?>[]::new)).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make the report's figures", e);
        }
    }

    private static RecordComponent component(String name) {
        for (RecordComponent rc : ReportFigures.class.getRecordComponents()) {
            if (rc.getName().equals(name) && !name.equals("sections")) {
                return rc;
            }
        }
        return null;
    }

    /** What a file that does not start as an aggregates file is, as far as can be told. */
    private static UserError notAggregates(JsonParser p, String name) throws IOException {
        String found = p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("generated_at")
                ? "it holds a report's --json numbers, which cannot be rendered again"
                : p.currentToken() == null ? "it is empty" : "it starts with " + FiguresCodec.found(p);
        return new UserError(name + ": not a SaveScope aggregates file (" + found + "); expected a JSON object "
                + "starting with \"format\": \"" + FORMAT + "\", as --save-aggregates writes.");
    }

    /**
     * The file's schema: a digest of every type it stores, from {@link ReportFigures} down to each section's
     * figures. A file is read only by a SaveScope whose figures have the very same shape.
     */
    static String schema() {
        StringBuilder out = new StringBuilder();
        java.util.Set<Class<?>> described = new HashSet<>();
        for (RecordComponent rc : ReportFigures.class.getRecordComponents()) {
            if (!rc.getName().equals("sections")) {
                out.append(rc.getName()).append('=');
                FiguresCodec.describe(rc.getGenericType(), out, described);
                out.append('\n');
            }
        }
        for (Section<?> s : SaveReport.sections()) {
            out.append(name(s)).append('=');
            FiguresCodec.describe(SaveReport.figuresType(s), out, described);
            out.append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(out.toString().getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A section's key in the file: its class name without "Section", starting in lower case. */
    static String name(Section<?> section) {
        String simple = section.getClass().getSimpleName().replaceFirst("Section$", "");
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    private static String at(String name, JsonLocation where) {
        return where == null || where.getLineNr() < 1 ? name + ": " : name + ":" + where.getLineNr() + ":"
                + where.getColumnNr() + ": ";
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Lets the JSON writer and the compressor close their ends without closing the caller's stream. */
    private static final class KeepOpen extends java.io.FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
