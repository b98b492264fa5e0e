package savescope.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import savescope.cli.Cli;
import savescope.cli.NotebookCommand;

/** {@code notebook convert}: .jsh → .ipynb → .jsh gives the same bytes; metadata and edits carry over. */
class JupyterConvertTest {
    static final String LAYOUT = "tests/fixtures/notebooks/jupyter/layout.jsh";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Stream<String> notebooks() throws Exception {
        List<String> all = new ArrayList<>();
        for (String folder : List.of("scripts/notebooks", "tests/fixtures/notebooks", "tests/fixtures/notebooks/jupyter")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                files.filter(p -> p.toString().endsWith(".jsh")).sorted().forEach(p -> all.add(p.toString()));
            }
        }
        return all.stream();
    }

    static int convert(String from, Path to, StringWriter err) {
        CommandLine cl = Cli.commandLine(new NotebookCommand());
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return cl.execute("convert", from, to.toString());
    }

    @ParameterizedTest
    @MethodSource("notebooks")
    void jshToIpynbToJshIsByteIdentical(String notebook) throws Exception {
        StringWriter err = new StringWriter();
        Path ipynb = dir.resolve("n.ipynb");
        Path back = dir.resolve("n.jsh");
        assertEquals(0, convert(notebook, ipynb, err), err.toString());
        assertEquals(List.of(), IpynbSchema.violations(Files.readString(ipynb)), "valid nbformat 4.5");
        assertEquals(0, convert(ipynb.toString(), back, err), err.toString());
        assertEquals(Files.readString(Path.of(notebook)), Files.readString(back));
    }

    @Test
    void controlCharactersInCodeSurviveBothWays() throws Exception {
        // A form feed between parts, an escape and a bell in string literals, a DEL and a C1 control: the code's
        // own characters. The .ipynb holds them as JSON escapes (none raw), and the .jsh made from it is the same file.
        String code = "// %% [markdown]\n// Codes\n\n// %%\nString clear = \"\u001b[2J\\u0007\u0007\";\n\f\n"
                + "String odd = \"a\u007fb\u0085c\";\nclear + odd\n";
        Path jsh = dir.resolve("codes.jsh");
        Files.writeString(jsh, code);
        StringWriter err = new StringWriter();
        Path ipynb = dir.resolve("codes.ipynb");
        Path back = dir.resolve("back.jsh");
        assertEquals(0, convert(jsh.toString(), ipynb, err), err.toString());
        String json = Files.readString(ipynb);
        assertTrue(json.codePoints().noneMatch(c -> Character.isISOControl(c) && c != '\n'), json);
        assertTrue(json.contains("a\\u007Fb\\u0085c"), json);
        assertEquals(List.of(), IpynbSchema.violations(json), "valid nbformat 4.5");
        assertEquals(0, convert(ipynb.toString(), back, err), err.toString());
        assertEquals(code, Files.readString(back));
    }

    @Test
    void cellMetadataTitlesAndTagsBecomeIpynbMetadata() throws Exception {
        JsonNode nb = JSON.readTree(JupyterFormat.toIpynb(Files.readString(Path.of(LAYOUT)), LAYOUT));
        JsonNode cells = nb.get("cells");
        assertEquals(6, cells.size(), "a code cell before the first marker, then five marked cells");
        assertEquals("int early = 1;", JupyterFormat.text(cells.get(0).get("source")));
        JsonNode intro = cells.get(1).get("metadata");
        assertEquals("[\"intro\",\"a \\\"quoted\\\" tag\"]", intro.get("tags").toString());
        assertEquals("slide", intro.path("slideshow").path("slide_type").asText());
        assertEquals("Introduction", intro.get("title").asText());
        assertEquals("# Layout\n\nNo space after the slashes here.", JupyterFormat.text(cells.get(1).get("source")));
        assertEquals("[\"parameters\"]", cells.get(2).get("metadata").get("tags").toString());
        assertEquals("markdown", cells.get(3).get("cell_type").asText(), "[md] is markdown");
        JsonNode greeting = cells.get(4).get("metadata");
        assertEquals(42, greeting.get("answer").asInt());
        assertTrue(greeting.path("jupyter").path("source_hidden").asBoolean());
        assertEquals("{}", cells.get(5).get("metadata").toString(), "a usual cell has no layout notes");
    }

    @Test
    void editsMadeInJupyterWinOverTheKeptLayout() throws Exception {
        ObjectNode nb = (ObjectNode) JSON.readTree(JupyterFormat.toIpynb(Files.readString(Path.of(LAYOUT)), LAYOUT));
        ObjectNode intro = (ObjectNode) nb.get("cells").get(1);
        ((ArrayNode) intro.get("metadata").get("tags")).removeAll().add("edited");
        intro.set("source", JSON.createArrayNode().add("# Layout, edited"));
        String jsh = JupyterFormat.toJsh(JSON.writeValueAsString(nb), "edited.ipynb");
        // Neither the kept marker nor the kept comment lines describe the cell any more, so both are written anew.
        assertTrue(jsh.contains("\n// %% Introduction [markdown] tags=[\"edited\"] slideshow={\"slide_type\":\"slide\"}\n"
                + "// # Layout, edited\n"), jsh);
    }

    @Test
    void fromJupyterMagicsBecomeJBangDirectivesAndRunMetadataIsDropped() throws Exception {
        String jsh = JupyterFormat.toJsh(Files.readString(Path.of("tests/fixtures/notebooks/jupyter/ijava-analysis.ipynb")),
                "ijava-analysis.ipynb");
        assertEquals(String.join("\n",
                "// %% [markdown]",
                "// # Saves by content type",
                "//",
                "// Written for the IJava kernel: parameters in a tagged cell, a dependency through `%maven`.",
                "",
                "// %% tags=[\"parameters\"]",
                "String input = \"tests/fixtures/notebooks/mini-sample/videos.csv\";",
                "int top = 3;",
                "",
                "// %%",
                "//DEPS org.apache.commons:commons-exec:1.4.0",
                "import org.apache.commons.exec.CommandLine;",
                "CommandLine.parse(\"ls -la /tmp\").getArguments().length",
                "",
                "// %%",
                "List<String> rows = Files.readAllLines(Path.of(input));",
                "System.out.println(rows.size() - 1 + \" videos\");",
                "top * 10",
                ""), jsh);
    }

    @Test
    void whatAJshCannotHoldIsRefusedWithItsPlace() {
        String raw = "{\"nbformat\":4,\"nbformat_minor\":5,\"metadata\":{},\"cells\":[{\"cell_type\":\"markdown\",\"id\":\"a\","
                + "\"metadata\":{},\"source\":\"x\"},{\"cell_type\":\"raw\",\"id\":\"b\",\"metadata\":{},\"source\":\"y\"}]}";
        savescope.UserError e = assertThrows(savescope.UserError.class, () -> JupyterFormat.toJsh(raw, "r.ipynb"));
        assertEquals("r.ipynb: cell 2 is a raw cell; a .jsh holds code and markdown cells only", e.getMessage());
        String marker = "{\"nbformat\":4,\"nbformat_minor\":5,\"metadata\":{},\"cells\":[{\"cell_type\":\"code\",\"id\":\"a\","
                + "\"metadata\":{},\"execution_count\":null,\"outputs\":[],\"source\":\"int a = 1;\\n// %% oops\"}]}";
        e = assertThrows(savescope.UserError.class, () -> JupyterFormat.toJsh(marker, "m.ipynb"));
        assertEquals("m.ipynb: cell 1, line 2: the code line \"// %% oops\" would start a new cell in a .jsh",
                e.getMessage());
        e = assertThrows(savescope.UserError.class, () -> JupyterFormat.toJsh("{\"cells\": [", "b.ipynb"));
        assertTrue(e.getMessage().startsWith("b.ipynb:1:12: not a Jupyter notebook: the JSON is broken"), e.getMessage());
    }

    @Test
    void convertNeedsOneJshAndOneIpynb() {
        StringWriter err = new StringWriter();
        assertEquals(2, convert(LAYOUT, dir.resolve("x.jsh"), err));
        assertEquals("error: convert " + LAYOUT + " " + dir.resolve("x.jsh") + ": expected one .jsh and one .ipynb (the "
                + "extensions say which way to convert).\n", err.toString());
    }
}
