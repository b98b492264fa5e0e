package savescope.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import savescope.UserError;
import savescope.cells.Cell;
import savescope.cells.JupyterText;

/**
 * Converts between a percent-format {@code .jsh} and a Jupyter {@code .ipynb} without outputs, and reads an
 * {@code .ipynb} written for a Java kernel for the runner. The .jsh layout that Jupyter has no place for (the header
 * lines, blank lines around cells, a marker or comment style other than the usual) travels in the
 * {@code savescope.jsh} metadata, so {@code .jsh → .ipynb → .jsh} gives the same bytes; it is used on the way back
 * only while it still agrees with the cell, so an edit made in Jupyter wins over it.
 */
public final class JupyterFormat {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Cell metadata a run or a front end adds, which says nothing about the notebook: not written to a marker. */
    private static final Set<String> RUN_METADATA = Set.of("execution", "ExecuteTime", "collapsed", "scrolled",
            "papermill", "trusted");
    private static final String OWN = "savescope";
    private static final String LAYOUT = "jsh";

    private JupyterFormat() {}

    /**
     * One cell of an .ipynb as the runner needs it.
     *
     * @param id the cell's id, or empty when the notebook has none (nbformat before 4.5)
     * @param metadata the cell's metadata as it was
     */
    public record CellFrame(String id, ObjectNode metadata) {}

    /**
     * An .ipynb read for a run: its cells for the runner, and what the executed .ipynb keeps of it.
     *
     * @param parsed the cells (each cell's line is 1: lines are counted within the cell)
     * @param metadata the notebook's metadata as it was
     * @param cells per cell of {@code parsed}, its id and metadata
     */
    public record Loaded(PercentFormat.Parsed parsed, ObjectNode metadata, List<CellFrame> cells) {}

    // ------------------------------------------------------------------------------------------------------------
    // .jsh → .ipynb

    /** The .jsh text as an nbformat 4.5 notebook without outputs. */
    public static String toIpynb(String jsh, String file) {
        boolean crlf = jsh.contains("\r\n");
        String[] lines = jsh.replace("\r\n", "\n").split("\n", -1);
        List<Integer> markers = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (PercentMarker.isMarker(lines[i])) {
                markers.add(i);
            }
        }
        int firstMarker = markers.isEmpty() ? lines.length : markers.get(0);
        PercentFormat.Parsed parsed = PercentFormat.parse(jsh, file);
        List<String> header = parsed.header();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode meta = root.putObject("metadata");
        ObjectNode kernel = meta.putObject("kernelspec");
        kernel.put("display_name", "Java (SaveScope)");
        kernel.put("language", "java");
        kernel.put("name", "java");
        ObjectNode lang = meta.putObject("language_info");
        lang.put("file_extension", ".jsh");
        lang.put("mimetype", "text/x-java-source");
        lang.put("name", "java");
        ObjectNode layout = meta.putObject(OWN).putObject(LAYOUT);
        ArrayNode headerLines = layout.putArray("header");
        header.forEach(headerLines::add);
        if (crlf) {
            layout.put("newline", "\r\n");
        }
        root.put("nbformat", 4);
        root.put("nbformat_minor", 5);
        ArrayNode cells = root.putArray("cells");
        if (header.size() < firstMarker) {
            // Code before the first marker is a cell of its own that has no marker line.
            List<String> body = List.of(lines).subList(header.size(), firstMarker);
            ObjectNode c = cell(cells, "code", new PercentMarker(false, "", JSON.createObjectNode()), body,
                    file + ":" + (header.size() + 1));
            layoutOf(c).put("marker", false);
        }
        for (int k = 0; k < markers.size(); k++) {
            int at = markers.get(k);
            int end = k + 1 < markers.size() ? markers.get(k + 1) : lines.length;
            PercentMarker marker = PercentMarker.parse(lines[at], file + ":" + (at + 1));
            ObjectNode c = cell(cells, marker.markdown() ? "markdown" : "code", marker,
                    List.of(lines).subList(at + 1, end), file + ":" + (at + 1));
            if (!marker.line().equals(lines[at])) {
                layoutOf(c).put("marker", lines[at]);
            }
        }
        int n = 0;
        for (JsonNode c : cells) {
            ((ObjectNode) c).put("id", "cell-" + ++n);
            dropEmpty((ObjectNode) c.get("metadata"));
        }
        return write(root);
    }

    private static ObjectNode cell(ArrayNode cells, String type, PercentMarker marker, List<String> body, String where) {
        int lead = 0;
        while (lead < body.size() && body.get(lead).isEmpty()) {
            lead++;
        }
        int trail = 0;
        while (trail < body.size() - lead && body.get(body.size() - 1 - trail).isEmpty()) {
            trail++;
        }
        if (lead == body.size()) {
            // A cell with no source: its blank lines all count as the gap after it.
            trail = lead;
            lead = 0;
        }
        List<String> text = body.subList(lead, body.size() - trail);
        ObjectNode c = cells.addObject();
        c.put("cell_type", type);
        c.putNull("id");
        ObjectNode meta = c.putObject("metadata");
        meta.setAll(marker.metadata());
        if (!marker.title().isEmpty()) {
            meta.put("title", marker.title());
        }
        ObjectNode layout = meta.putObject(OWN).putObject(LAYOUT);
        if (lead != 0) {
            layout.put("blank_before", lead);
        }
        if (trail != 1) {
            layout.put("blank_after", trail);
        }
        String source;
        if (type.equals("markdown")) {
            List<String> plain = text.stream().map(JupyterFormat::uncomment).toList();
            if (!plain.stream().map(JupyterFormat::comment).toList().equals(text)) {
                ArrayNode raw = layout.putArray("lines");
                text.forEach(raw::add);
            }
            source = String.join("\n", plain);
        } else {
            source = String.join("\n", text);
        }
        c.set("source", sourceLines(source));
        if (type.equals("code")) {
            c.putNull("execution_count");
            c.putArray("outputs");
        }
        return c;
    }

    private static ObjectNode layoutOf(ObjectNode cell) {
        return (ObjectNode) cell.get("metadata").get(OWN).get(LAYOUT);
    }

    /** Drops the layout objects that stayed empty, so a usual .jsh gives clean cell metadata. */
    private static void dropEmpty(ObjectNode meta) {
        JsonNode own = meta.get(OWN);
        if (own != null && own.path(LAYOUT).isEmpty()) {
            ((ObjectNode) own).remove(LAYOUT);
        }
        if (own != null && own.isEmpty()) {
            meta.remove(OWN);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // .ipynb → .jsh

    /**
     * The notebook as percent-format .jsh text. Dependency magics become JBang directives ({@code %maven g:a:v} →
     * {@code //DEPS g:a:v}, {@code %mavenRepo id url} → {@code //REPOS id=url}) so a plain JBang run has them too.
     *
     * @throws UserError naming the file and cell for a raw cell, or a code line that a .jsh would read
     *     as a cell marker
     */
    public static String toJsh(String ipynbText, String file) {
        JsonNode root = read(ipynbText, file);
        JsonNode layout = root.path("metadata").path(OWN).path(LAYOUT);
        String newline = layout.path("newline").asText("\n");
        List<String> out = new ArrayList<>();
        layout.path("header").forEach(h -> out.add(h.asText()));
        int number = 0;
        for (JsonNode cell : root.path("cells")) {
            number++;
            String type = cell.path("cell_type").asText();
            if (!type.equals("code") && !type.equals("markdown")) {
                throw new UserError(file + ": cell " + number + " is a " + type + " cell; a .jsh holds "
                        + "code and markdown cells only");
            }
            boolean markdown = type.equals("markdown");
            ObjectNode meta = cell.path("metadata").isObject() ? ((ObjectNode) cell.get("metadata")).deepCopy()
                    : JSON.createObjectNode();
            JsonNode own = meta.path(OWN).path(LAYOUT);
            meta.remove(OWN);
            String title = meta.path("title").asText("");
            meta.remove("title");
            RUN_METADATA.forEach(meta::remove);
            PercentMarker marker = new PercentMarker(markdown, title, meta);
            String source = text(cell.path("source"), file + ": cell " + number);
            if (!markdown) {
                source = directives(source);
            }
            List<String> sourceLines = source.isEmpty() ? List.of() : List.of(source.split("\n", -1));
            if (!markdown) {
                for (int i = 0; i < sourceLines.size(); i++) {
                    if (PercentMarker.isMarker(sourceLines.get(i))) {
                        throw new UserError(file + ": cell " + number + ", line " + (i + 1) + ": the "
                                + "code line \"" + sourceLines.get(i) + "\" would start a new cell in a .jsh");
                    }
                }
            }
            if (!own.path("marker").isBoolean()) {
                String rawMarker = own.path("marker").asText(null);
                boolean rawStillTrue = rawMarker != null && PercentMarker.isMarker(rawMarker)
                        && agrees(rawMarker, marker);
                out.add(rawStillTrue ? rawMarker : marker.line());
            }
            for (int i = 0; i < own.path("blank_before").asInt(0); i++) {
                out.add("");
            }
            if (markdown) {
                List<String> raw = new ArrayList<>();
                own.path("lines").forEach(l -> raw.add(l.asText()));
                boolean rawStillTrue = !raw.isEmpty()
                        && String.join("\n", raw.stream().map(JupyterFormat::uncomment).toList()).equals(source);
                out.addAll(rawStillTrue ? raw : sourceLines.stream().map(JupyterFormat::comment).toList());
            } else {
                out.addAll(sourceLines);
            }
            for (int i = 0; i < own.path("blank_after").asInt(1); i++) {
                out.add("");
            }
        }
        return String.join(newline, out);
    }

    private static boolean agrees(String rawMarker, PercentMarker marker) {
        try {
            return PercentMarker.parse(rawMarker, "").equals(marker);
        } catch (UserError e) {
            return false;
        }
    }

    /** Dependency magics as the JBang directives that mean the same. */
    private static String directives(String code) {
        List<String> out = new ArrayList<>();
        for (String line : code.split("\n", -1)) {
            Magics.Line magic = Magics.Line.of(line);
            if (magic != null && Magics.MAVEN.contains(magic.name())) {
                out.add("//DEPS " + String.join(" ", magic.args()));
            } else if (magic != null && magic.name().equals("mavenRepo") && magic.args().size() == 2) {
                out.add("//REPOS " + magic.args().get(0) + "=" + magic.args().get(1));
            } else {
                out.add(line);
            }
        }
        return String.join("\n", out);
    }

    // ------------------------------------------------------------------------------------------------------------
    // .ipynb for a run

    /**
     * Reads a notebook written for a Java kernel (IJava, JJava, SaveScope's own and the like).
     *
     * @throws UserError naming the file for text that is not an nbformat 4 notebook, a kernel of
     *     another language, or a raw cell
     */
    public static Loaded load(String ipynbText, String file) {
        JsonNode root = read(ipynbText, file);
        JsonNode kernel = root.path("metadata").path("kernelspec");
        String language = kernel.path("language").asText(root.path("metadata").path("language_info").path("name")
                .asText(""));
        if (!language.isEmpty() && !language.toLowerCase(Locale.ROOT).equals("java")) {
            throw new UserError(file + ": kernel \"" + kernel.path("name").asText(language)
                    + "\" runs " + language + "; expected a notebook for a Java kernel (kernelspec language \"java\", "
                    + "as IJava and JJava write)");
        }
        List<PercentFormat.SourceCell> cells = new ArrayList<>();
        List<CellFrame> frames = new ArrayList<>();
        int number = 0;
        for (JsonNode cell : root.path("cells")) {
            number++;
            String type = cell.path("cell_type").asText();
            Cell.Type t = switch (type) {
                case "code" -> Cell.Type.CODE;
                case "markdown" -> Cell.Type.MARKDOWN;
                default -> throw new UserError(file + ": cell " + number + " is a " + type
                        + " cell; SaveScope runs code and markdown cells");
            };
            List<String> tags = new ArrayList<>();
            cell.path("metadata").path("tags").forEach(x -> tags.add(x.asText()));
            cells.add(new PercentFormat.SourceCell(t, text(cell.path("source"), file + ": cell " + number), tags, 1));
            ObjectNode meta = cell.path("metadata").isObject() ? (ObjectNode) cell.get("metadata").deepCopy()
                    : JSON.createObjectNode();
            frames.add(new CellFrame(cell.path("id").asText(""), meta));
        }
        ObjectNode meta = root.path("metadata").isObject() ? (ObjectNode) root.get("metadata").deepCopy()
                : JSON.createObjectNode();
        // //DEPS lines count as in a .jsh: in the header kept from one, or in a code cell.
        StringBuilder directives = new StringBuilder();
        meta.path(OWN).path(LAYOUT).path("header").forEach(h -> directives.append(h.asText()).append('\n'));
        cells.stream().filter(PercentFormat.SourceCell::isCode).forEach(c -> directives.append(c.source()).append('\n'));
        List<String> deps = PercentFormat.parse(directives.toString().lines().filter(l -> l.startsWith("//DEPS "))
                .reduce("", (a, b) -> a + b + "\n"), file).deps();
        return new Loaded(new PercentFormat.Parsed(file, List.of(), cells, deps), meta, frames);
    }

    private static JsonNode read(String text, String file) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UserError(file + ":" + e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr() + ": not a Jupyter notebook: the JSON is broken ("
                    + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject() || !root.path("cells").isArray()) {
            throw new UserError(file + ": not a Jupyter notebook: expected a JSON object with \"cells\"");
        }
        if (root.path("nbformat").asInt(0) != 4) {
            throw new UserError(file + ": nbformat " + root.path("nbformat").asText("missing")
                    + ": expected a version 4 notebook (open and save it in a current Jupyter to upgrade it)");
        }
        return root;
    }

    // ------------------------------------------------------------------------------------------------------------

    /** Source as nbformat allows it: one string, or a list of lines that join to it. */
    /**
     * A cell's source: nbformat allows a string or a list of strings; anything else (a number, a null line) is
     * refused, naming {@code where}, rather than read as something the author did not write.
     */
    static String text(JsonNode source) {
        return text(source, "a cell");
    }

    static String text(JsonNode source, String where) {
        if (source.isTextual()) {
            return source.asText();
        }
        if (source.isMissingNode()) {
            return "";
        }
        if (!source.isArray()) {
            throw new UserError(where + ": \"source\" must be text or a list of text lines, found " + kind(source));
        }
        StringBuilder b = new StringBuilder();
        for (JsonNode line : source) {
            if (!line.isTextual()) {
                throw new UserError(where + ": every line of \"source\" must be text, found " + kind(line));
            }
            b.append(line.asText());
        }
        return b.toString();
    }

    private static String kind(JsonNode n) {
        return n.isNull() ? "null" : n.isNumber() ? "the number " + n.asText() : n.isObject() ? "an object"
                : n.isBoolean() ? n.asText() : n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    static ArrayNode sourceLines(String text) {
        ArrayNode a = JSON.createArrayNode();
        JupyterText.lines(text).forEach(a::add);
        return a;
    }

    private static String uncomment(String line) {
        if (line.startsWith("// ")) {
            return line.substring(3);
        }
        return line.startsWith("//") ? line.substring(2) : line;
    }

    private static String comment(String line) {
        return line.isEmpty() ? "//" : "// " + line;
    }

    private static String write(JsonNode root) {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
