package savescope.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import savescope.cells.Cell;
import savescope.cells.JupyterText;
import savescope.cells.Xml;
import savescope.cells.Notebook;
import savescope.cells.Output;
import savescope.cells.TableView;

/**
 * Writes a {@link Notebook} as a Jupyter notebook (nbformat 4.5) with its outputs embedded, so Jupyter, VS Code
 * and GitHub show it as it ran.
 */
public final class IpynbWriter {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private IpynbWriter() {}

    /**
     * The notebook as nbformat JSON text.
     *
     * @param executeResult per cell, the index of the output that is the value of its trailing expression (written
     *     as {@code execute_result}), or -1; null when no cell has one
     * @param extraMetadata more notebook-level metadata (kept under the {@code savescope} key), may be empty
     */
    public static String toJson(Notebook notebook, List<Integer> executeResult, Map<String, Object> extraMetadata) {
        return toJson(notebook, executeResult, extraMetadata, null);
    }

    /**
     * What an executed .ipynb keeps of the notebook it was read from, as Papermill does: the notebook's metadata
     * (its kernelspec among it), and each cell's id and metadata.
     *
     * @param metadata the notebook-level metadata
     * @param cells per cell of the executed notebook, in order
     */
    public record Frame(ObjectNode metadata, List<CellFrame> cells) {}

    /** A cell's id (empty: SaveScope numbers it) and metadata (its tags are the cell's own). */
    public record CellFrame(String id, ObjectNode metadata) {}

    /**
     * As {@link #toJson(Notebook, List, Map)}, keeping the metadata and cell ids of the notebook the run read.
     *
     * @param frame what to keep, or null for a notebook SaveScope describes itself (a .jsh)
     */
    public static String toJson(Notebook notebook, List<Integer> executeResult, Map<String, Object> extraMetadata,
            Frame frame) {
        ObjectNode root = JSON.objectNode();
        ObjectNode meta;
        if (frame != null) {
            meta = frame.metadata().deepCopy();
            root.set("metadata", meta);
        } else {
            meta = root.putObject("metadata");
            ObjectNode kernel = meta.putObject("kernelspec");
            kernel.put("name", "java");
            kernel.put("display_name", "Java (SaveScope)");
            kernel.put("language", "java");
            ObjectNode lang = meta.putObject("language_info");
            lang.put("name", "java");
            lang.put("file_extension", ".jsh");
            lang.put("mimetype", "text/x-java-source");
            lang.put("version", System.getProperty("java.specification.version", "17"));
        }
        // A notebook converted from a .jsh keeps its layout there; the rest is this run's.
        ObjectNode savescope = meta.get("savescope") instanceof ObjectNode kept ? kept : meta.putObject("savescope");
        savescope.put("title", notebook.title());
        savescope.set("info", MAPPER.valueToTree(notebook.meta()));
        extraMetadata.forEach((k, v) -> savescope.set(k, MAPPER.valueToTree(v)));
        root.put("nbformat", 4);
        root.put("nbformat_minor", 5);
        ArrayNode cells = root.putArray("cells");
        int i = 0;
        for (Cell c : notebook.cells()) {
            int result = executeResult == null ? -1 : executeResult.get(i);
            CellFrame kept = frame == null ? null : frame.cells().get(i);
            cells.add(cell(c, ++i, result, kept));
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the notebook to {@code target} through a temporary file. */
    public static void write(Notebook notebook, List<Integer> executeResult, Map<String, Object> extraMetadata,
            Path target) throws IOException {
        AtomicFiles.writeJson(target, toJson(notebook, executeResult, extraMetadata));
    }

    private static ObjectNode cell(Cell c, int number, int resultIndex, CellFrame kept) {
        ObjectNode n = JSON.objectNode();
        n.put("cell_type", c.isMarkdown() ? "markdown" : "code");
        n.put("id", kept == null || kept.id().isEmpty() ? "cell-" + number : kept.id());
        ObjectNode meta = kept == null ? n.putObject("metadata") : (ObjectNode) n.set("metadata", kept.metadata().deepCopy())
                .get("metadata");
        meta.remove("tags");
        if (!c.tags().isEmpty()) {
            ArrayNode tags = meta.putArray("tags");
            c.tags().forEach(tags::add);
        }
        n.set("source", lines(c.source()));
        if (!c.isMarkdown()) {
            if (c.executionCount() == null) {
                n.putNull("execution_count");
            } else {
                n.put("execution_count", c.executionCount());
            }
            ArrayNode outputs = n.putArray("outputs");
            for (int i = 0; i < c.outputs().size(); i++) {
                outputs.add(output(c.outputs().get(i), i == resultIndex ? c.executionCount() : null));
            }
        }
        return n;
    }

    private static ObjectNode output(Output o, Integer executionCount) {
        ObjectNode n = JSON.objectNode();
        if (o instanceof Output.Stream s) {
            n.put("output_type", "stream");
            n.put("name", s.name());
            n.set("text", lines(s.text()));
            return n;
        }
        if (o instanceof Output.Error e) {
            n.put("output_type", "error");
            n.put("ename", e.ename());
            n.put("evalue", e.evalue());
            ArrayNode tb = n.putArray("traceback");
            e.traceback().forEach(tb::add);
            return n;
        }
        if (executionCount != null) {
            n.put("output_type", "execute_result");
            n.put("execution_count", executionCount);
        } else {
            n.put("output_type", "display_data");
        }
        ObjectNode meta = JSON.objectNode();
        if (o instanceof Output.Chart c) {
            ChartImages.Rendered chart = ChartImages.of(c);
            n.set("data", chartData(c, chart));
            if (chart.pngBase64().isPresent()) {
                // The PNG has twice the pixels for sharp screens; its size says how large to show it.
                int[] size = ChartImages.size(chart.svg());
                ObjectNode png = meta.putObject("image/png");
                png.put("width", size[0]);
                png.put("height", size[1]);
            }
        } else {
            n.set("data", data(o));
        }
        n.set("metadata", meta);
        return n;
    }

    /** The MIME bundle: a rich form each front end can show, and text/plain for the rest. */
    private static ObjectNode data(Output o) {
        ObjectNode d = JSON.objectNode();
        if (o instanceof Output.Text t) {
            d.set("text/plain", lines(t.text()));
        } else if (o instanceof Output.Markdown m) {
            d.set("text/markdown", lines(m.markdown()));
            d.set("text/plain", lines(m.markdown()));
        } else if (o instanceof Output.Table t) {
            d.set("text/html", lines(tableHtml(t.table())));
            d.set("text/plain", lines(tableText(t.table())));
        } else if (o instanceof Output.Chart c) {
            return chartData(c, ChartImages.of(c));
        } else if (o instanceof Output.Kpis k) {
            StringBuilder html = new StringBuilder("<dl>\n");
            StringBuilder text = new StringBuilder();
            for (Output.Kpi kpi : k.kpis()) {
                html.append("<dt>").append(Xml.escape(kpi.label())).append("</dt><dd><b>").append(Xml.escape(kpi.value()))
                        .append("</b>").append(kpi.note().isEmpty() ? "" : " " + Xml.escape(kpi.note()))
                        .append(kpi.change() == null ? "" : "<br>" + Xml.escape(kpi.change().text())).append("</dd>\n");
                text.append(kpi.text()).append('\n');
            }
            d.set("text/html", lines(html.append("</dl>").toString()));
            d.set("text/plain", lines(text.toString().stripTrailing()));
        } else if (o instanceof Output.Findings f) {
            StringBuilder html = new StringBuilder("<ol>\n");
            StringBuilder text = new StringBuilder();
            int i = 0;
            for (Output.Finding x : f.findings()) {
                html.append("<li><b>").append(Xml.escape(x.headline())).append("</b>")
                        .append(x.detail().isEmpty() ? "" : " " + Xml.escape(x.detail())).append("</li>\n");
                text.append(++i).append(". ").append(x.headline())
                        .append(x.detail().isEmpty() ? "" : " " + x.detail()).append('\n');
            }
            d.set("text/html", lines(html.append("</ol>").toString()));
            d.set("text/plain", lines(text.toString().stripTrailing()));
        } else {
            d.set("text/plain", lines(String.valueOf(o)));
        }
        return d;
    }

    /**
     * A chart's bundle. text/html comes first in every front end's choice (nbconvert 6 empties inline SVG outputs),
     * and a picture in it shows wherever images do; the SVG and PNG are there for tools that pick their own.
     */
    private static ObjectNode chartData(Output.Chart c, ChartImages.Rendered chart) {
        ObjectNode d = JSON.objectNode();
        d.set("text/html", lines(chart.html()));
        d.set("image/svg+xml", lines(chart.svg()));
        chart.pngBase64().ifPresent(png -> d.put("image/png", png));
        d.set("text/plain", lines(c.alt() + (c.caption().isEmpty() ? "" : " " + c.caption())));
        return d;
    }

    static String tableHtml(TableView t) {
        StringBuilder b = new StringBuilder("<table>\n<thead><tr>");
        for (TableView.Column c : t.columns()) {
            b.append(c.numeric() ? "<th style=\"text-align:right\">" : "<th>").append(Xml.escape(c.name())).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (List<TableView.Cell> row : t.rows()) {
            b.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                boolean numeric = t.columns().get(i).numeric();
                b.append(numeric ? "<td style=\"text-align:right\">" : "<td>").append(Xml.escape(row.get(i).text()))
                        .append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>");
        if (!t.note().isEmpty()) {
            b.append("\n<p>").append(Xml.escape(t.note())).append("</p>");
        }
        return b.toString();
    }

    /** The table as aligned plain text, for front ends that show no HTML. */
    static String tableText(TableView t) {
        int cols = t.columns().size();
        int[] width = new int[cols];
        for (int i = 0; i < cols; i++) {
            width[i] = t.columns().get(i).name().length();
            for (List<TableView.Cell> row : t.rows()) {
                width[i] = Math.max(width[i], row.get(i).text().length());
            }
        }
        List<String> out = new ArrayList<>();
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < cols; i++) {
            head.append(i > 0 ? "  " : "").append(pad(t.columns().get(i).name(), width[i], t.columns().get(i).numeric()));
        }
        out.add(head.toString().stripTrailing());
        for (List<TableView.Cell> row : t.rows()) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                line.append(i > 0 ? "  " : "").append(pad(row.get(i).text(), width[i], t.columns().get(i).numeric()));
            }
            out.add(line.toString().stripTrailing());
        }
        if (!t.note().isEmpty()) {
            out.add(t.note());
        }
        return String.join("\n", out);
    }

    private static String pad(String s, int width, boolean right) {
        String space = " ".repeat(Math.max(0, width - s.length()));
        return right ? space + s : s + space;
    }

    /** Text as Jupyter stores it: a list of lines, each but the last ending in a newline. */
    static ArrayNode lines(String text) {
        ArrayNode a = JSON.arrayNode();
        JupyterText.lines(text).forEach(a::add);
        return a;
    }

}
