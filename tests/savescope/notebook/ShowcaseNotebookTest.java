package savescope.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import savescope.cli.Cli;
import savescope.cli.NotebookCommand;

/**
 * Runs tests/fixtures/notebooks/showcase.jsh once strictly and once with --allow-errors (and a parameter), then
 * checks the HTML, the .ipynb and the terminal output of both runs.
 */
class ShowcaseNotebookTest {
    static final String NOTEBOOK = "tests/fixtures/notebooks/showcase.jsh";

    record Run(int code, String out, String err, String html, JsonNode ipynb, String ipynbText) {}

    @TempDir
    static Path dir;
    static Run strict;
    static Run lenient;

    static Run run(Path html, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of(NOTEBOOK, "-o", html.toString(), "--generated-at",
                "2026-01-02T03:04:05Z"));
        args.addAll(List.of(extra));
        CommandLine cl = Cli.commandLine(new NotebookCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args.toArray(String[]::new));
        Path ipynb = html.resolveSibling(html.getFileName().toString().replace(".html", ".ipynb"));
        String text = Files.readString(ipynb);
        return new Run(code, out.toString(), err.toString(), Files.readString(html), new ObjectMapper().readTree(text), text);
    }

    @BeforeAll
    static void runBothModes() throws Exception {
        strict = run(dir.resolve("strict.html"));
        lenient = run(dir.resolve("lenient.html"), "--allow-errors", "--param", "top=2");
    }

    static JsonNode cell(Run r, int i) {
        return r.ipynb().get("cells").get(i);
    }

    @Test
    void strictRunStopsAtTheFailingCellExitsOneAndSaysWhereWithoutAStackTrace() {
        assertEquals(1, strict.code());
        String[] lines = strict.err().split("\n");
        // Five code cells ran: parameters, load, table, chart, the failing one; the last was skipped.
        assertEquals(List.of("[1/6] cell 2, line 10", "[2/6] cell 3, line 14", "[3/6] cell 4, line 23",
                "[4/6] cell 5, line 28", "[5/6] cell 6, line 36"),
                List.of(lines).subList(0, 5).stream().map(l -> l.substring(0, l.indexOf(':'))).toList());
        assertTrue(lines[4].contains("failed after"), lines[4]);
        // share(5, 0) divides by zero on line 37, inside the method declared in the cell starting at line 36.
        assertEquals("error: " + NOTEBOOK + ":37: cell 6 failed: java.lang.ArithmeticException: / by zero", lines[5]);
        assertFalse(strict.err().contains("\tat "), "no JVM stack trace on the terminal");
        assertEquals(dir.resolve("strict.html") + "\n" + dir.resolve("strict.ipynb") + "\n", strict.out());
        JsonNode last = cell(strict, 6);
        assertTrue(last.get("execution_count").isNull());
        assertEquals(0, last.get("outputs").size());
        assertTrue(strict.html().contains("In&nbsp;[ ]:"), "the unexecuted cell shows an empty prompt");
        assertTrue(strict.html().contains("stopped at cell 6 (line 37): java.lang.ArithmeticException; 5 of 6 code cells ran"));
    }

    @Test
    void lenientRunRunsEveryCellWithTheInjectedParameter() {
        assertEquals(0, lenient.code(), lenient.err());
        assertTrue(lenient.err().contains("warning: 1 of 7 code cells failed; the first: " + NOTEBOOK
                + ":37: cell 7 failed: java.lang.ArithmeticException: / by zero"), lenient.err());
        JsonNode injected = cell(lenient, 2);
        assertEquals("[\"injected-parameters\"]", injected.get("metadata").get("tags").toString());
        assertEquals("[\"// Injected parameters\\n\",\"int top = 2;\"]", injected.get("source").toString());
        assertEquals(2, injected.get("execution_count").asInt());
        // The last cell ran after the failure: "after the failure", then most.rowCount() == top == 2.
        JsonNode last = cell(lenient, 7);
        assertEquals(7, last.get("execution_count").asInt());
        assertEquals("after the failure\n", last.get("outputs").get(0).get("text").get(0).asText());
        assertEquals("execute_result", last.get("outputs").get(1).get("output_type").asText());
        assertEquals("2", last.get("outputs").get(1).get("data").get("text/plain").get(0).asText());
        assertTrue(lenient.html().contains("Parameters"));
        assertTrue(lenient.html().contains("top=2"));
    }

    @Test
    void everyOutputKindReachesTheIpynb() {
        for (Run r : List.of(strict, lenient)) {
            int off = r == lenient ? 1 : 0;
            JsonNode load = cell(r, 2 + off).get("outputs");
            assertEquals("{\"output_type\":\"stream\",\"name\":\"stdout\",\"text\":[\"videos: 105\\n\"]}", load.get(0).toString());
            assertEquals("{\"output_type\":\"stream\",\"name\":\"stderr\",\"text\":[\"a note on stderr\\n\"]}", load.get(1).toString());
            // Total saves of the fixture: the sum of its 105 "Total saves" values.
            assertEquals("{\"output_type\":\"execute_result\",\"execution_count\":" + (2 + off)
                    + ",\"data\":{\"text/plain\":[\"30744\"]},\"metadata\":{}}", load.get(2).toString());
            JsonNode table = cell(r, 3 + off).get("outputs").get(0);
            assertEquals("display_data", table.get("output_type").asText());
            String html = String.join("", texts(table.get("data").get("text/html")));
            assertTrue(html.contains("<td>Lobo Galáctico #Lobo #galaxias #ceu</td><td style=\"text-align:right\">1,200,000</td>"
                    + "<td style=\"text-align:right\">10,000</td>"), html);
            assertTrue(String.join("", texts(table.get("data").get("text/plain"))).contains("10,000"));
            JsonNode md = cell(r, 3 + off).get("outputs").get(1);
            assertEquals("The **" + (off == 1 ? 2 : 3) + "** most saved videos.", md.get("data").get("text/markdown").get(0).asText());
            JsonNode chart = cell(r, 4 + off).get("outputs").get(0);
            assertEquals("execute_result", chart.get("output_type").asText());
            assertTrue(String.join("", texts(chart.get("data").get("image/svg+xml"))).startsWith("<svg"));
            assertEquals("A category chart \"Saves of the top videos\" of saves.",
                    chart.get("data").get("text/plain").get(0).asText());
            JsonNode error = cell(r, 5 + off).get("outputs").get(1);
            assertEquals("error", error.get("output_type").asText());
            assertEquals("java.lang.ArithmeticException", error.get("ename").asText());
            assertEquals("/ by zero", error.get("evalue").asText());
            assertEquals(List.of("java.lang.ArithmeticException: / by zero",
                    "    at share() (" + NOTEBOOK + ":37)", "    at cell " + (6 + off) + " (" + NOTEBOOK + ":40)"),
                    texts(error.get("traceback")));
        }
    }

    @Test
    void metadataNamesTheJavaKernel() {
        JsonNode meta = strict.ipynb().get("metadata");
        assertEquals("{\"name\":\"java\",\"display_name\":\"Java (SaveScope)\",\"language\":\"java\"}",
                meta.get("kernelspec").toString());
        assertEquals("java", meta.get("language_info").get("name").asText());
        assertEquals(".jsh", meta.get("language_info").get("file_extension").asText());
        assertEquals(4, strict.ipynb().get("nbformat").asInt());
        assertEquals(5, strict.ipynb().get("nbformat_minor").asInt());
        assertEquals("[\"parameters\"]", cell(strict, 1).get("metadata").get("tags").toString());
    }

    @Test
    void bothNotebooksAreValidAgainstTheNbformatSchema() {
        assertEquals(List.of(), IpynbSchema.violations(strict.ipynbText()));
        assertEquals(List.of(), IpynbSchema.violations(lenient.ipynbText()));
    }

    @Test
    void theSchemaCheckCatchesABrokenNotebook() {
        ObjectNode noId = strict.ipynb().deepCopy();
        ((ObjectNode) noId.get("cells").get(1)).remove("id");
        assertTrue(IpynbSchema.violations(noId.toString()).contains("$.cells[1]: required property 'id' not found"));
        ObjectNode badStream = strict.ipynb().deepCopy();
        ((ObjectNode) badStream.get("cells").get(2).get("outputs").get(0)).remove("text");
        assertFalse(IpynbSchema.violations(badStream.toString()).isEmpty());
    }

    @Test
    void htmlShowsPromptsOutputsAndEscapesUserText() {
        String h = strict.html();
        assertTrue(h.contains("<title>Showcase</title>"));
        assertTrue(h.contains("In&nbsp;[2]:"));
        assertTrue(h.contains("Out[2]:"));
        assertTrue(h.contains("<pre class=\"stream stream-stdout\">videos: 105\n</pre>"));
        assertTrue(h.contains("<pre class=\"stream stream-stderr\">a note on stderr\n</pre>"));
        assertTrue(h.contains("<pre class=\"result\">30744</pre>"));
        assertTrue(h.contains("title=\"10000\">10,000</td>"), "table cells carry the exact value");
        assertTrue(h.contains("<strong>3</strong> most saved videos"));
        assertTrue(h.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(h.contains("java.lang.ArithmeticException: / by zero"));
        assertTrue(h.contains("at share() (" + NOTEBOOK + ":37)"));
        assertTrue(h.contains("&lt;Studio&gt;"), "markdown from the notebook is escaped");
        assertFalse(h.contains("<Studio>"));
        assertTrue(h.contains("System.out.println(&quot;after the failure&quot;);"), "code is escaped");
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
