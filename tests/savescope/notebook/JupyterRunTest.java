package savescope.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code notebook X.ipynb}: a notebook written for a Java kernel runs Papermill-style into an executed .ipynb. */
class JupyterRunTest {
    static final String IJAVA = "tests/fixtures/notebooks/jupyter/ijava-analysis.ipynb";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static String text(JsonNode lines) {
        return JupyterFormat.text(lines);
    }

    static Path notebook(Path dir, String name, String kernelLanguage, String... cellSources) throws Exception {
        StringBuilder cells = new StringBuilder();
        for (int i = 0; i < cellSources.length; i++) {
            String src = cellSources[i];
            boolean params = src.startsWith("#parameters\n");
            cells.append(i > 0 ? "," : "").append("{\"cell_type\":\"code\",\"id\":\"c").append(i + 1)
                    .append("\",\"execution_count\":null,\"outputs\":[],\"metadata\":")
                    .append(params ? "{\"tags\":[\"parameters\"]}" : "{}").append(",\"source\":")
                    .append(JSON.writeValueAsString(params ? src.substring(12) : src)).append('}');
        }
        return Files.writeString(dir.resolve(name), "{\"nbformat\":4,\"nbformat_minor\":5,\"metadata\":{\"kernelspec\":"
                + "{\"name\":\"k\",\"display_name\":\"K\",\"language\":\"" + kernelLanguage + "\"}},\"cells\":[" + cells + "]}");
    }

    @Test
    void ijavaNotebookRunsWithInjectedParametersIntoAValidExecutedNotebook() throws Exception {
        Path html = dir.resolve("analysis.html");
        NotebookCommandTest.Run r = NotebookCommandTest.run(IJAVA, "-o", html.toString(), "--param", "top=2");
        assertEquals(0, r.code(), r.err());
        assertEquals(html + "\n" + dir.resolve("analysis.ipynb") + "\n", r.out());
        String written = Files.readString(dir.resolve("analysis.ipynb"));
        assertEquals(List.of(), IpynbSchema.violations(written));
        JsonNode nb = JSON.readTree(written);
        // The kernel it was written for stays, as Papermill keeps it.
        assertEquals("{\"display_name\":\"Java\",\"language\":\"java\",\"name\":\"java\"}",
                nb.path("metadata").path("kernelspec").toString());
        assertEquals("11.0.2+9-LTS", nb.path("metadata").path("language_info").path("version").asText());
        assertEquals("{\"top\":\"2\"}", nb.path("metadata").path("savescope").path("parameters").toString());
        JsonNode cells = nb.get("cells");
        assertEquals(5, cells.size(), "four cells and the injected one");
        JsonNode injected = cells.get(2);
        assertEquals("[\"injected-parameters\"]", injected.path("metadata").path("tags").toString());
        assertEquals("// Injected parameters\nint top = 2;", text(injected.get("source")));
        List<Integer> counts = new ArrayList<>();
        cells.forEach(c -> counts.add(c.path("execution_count").isInt() ? c.get("execution_count").asInt() : null));
        assertEquals(java.util.Arrays.asList(null, 1, 2, 3, 4), counts);
        // The %maven line stays in the cell as written; the artifact was on the classpath when it ran:
        // CommandLine.parse("ls -la /tmp") has the two arguments -la and /tmp.
        assertTrue(text(cells.get(3).get("source")).startsWith("%maven org.apache.commons:commons-exec:1.4.0\n"));
        assertEquals("2", text(cells.get(3).get("outputs").get(0).get("data").get("text/plain")));
        assertEquals("false", cells.get(3).path("metadata").path("collapsed").asText(), "cell metadata kept");
        // mini-sample/videos.csv has a header and 12 rows; top was injected as 2, so top * 10 = 20.
        JsonNode last = cells.get(4).get("outputs");
        assertEquals("12 videos\n", text(last.get(0).get("text")));
        assertEquals("execute_result", last.get(1).get("output_type").asText());
        assertEquals("20", text(last.get(1).get("data").get("text/plain")));
        assertTrue(Files.readString(html).contains("Saves by content type"), "the HTML page is written too");
    }

    @Test
    void aRerunReplacesTheParametersAnEarlierRunInjected() throws Exception {
        Path first = dir.resolve("first.html");
        assertEquals(0, NotebookCommandTest.run(IJAVA, "-o", first.toString(), "--param", "top=2").code());
        Path second = dir.resolve("second.html");
        NotebookCommandTest.Run r = NotebookCommandTest.run(dir.resolve("first.ipynb").toString(), "-o",
                second.toString(), "--param", "top=5");
        assertEquals(0, r.code(), r.err());
        JsonNode cells = JSON.readTree(dir.resolve("second.ipynb").toFile()).get("cells");
        assertEquals(5, cells.size(), "one injected cell, not two");
        assertEquals("// Injected parameters\nint top = 5;", text(cells.get(2).get("source")));
        assertEquals("50", text(cells.get(4).get("outputs").get(1).get("data").get("text/plain")));
    }

    @Test
    void errorsAndTimeoutsBehaveAsForAJshWithCellAndLineInTheMessage() throws Exception {
        Path nb = notebook(dir, "fails.ipynb", "java", "int a = 1;", "int b = 2;\nint c = 1 / (a - 1);", "a + b",
                "while (true) { Thread.onSpinWait(); }");
        NotebookCommandTest.Run strict = NotebookCommandTest.run(nb.toString(), "-o", dir.resolve("s.html").toString());
        assertEquals(1, strict.code());
        assertTrue(strict.err().contains("error: " + nb + ": cell 2, line 2: failed: java.lang.ArithmeticException: "
                + "/ by zero\n"), strict.err());
        NotebookCommandTest.Run lenient = NotebookCommandTest.run(nb.toString(), "-o", dir.resolve("l.html").toString(),
                "--allow-errors", "--cell-timeout", "1");
        assertEquals(0, lenient.code(), lenient.err());
        JsonNode cells = JSON.readTree(dir.resolve("l.ipynb").toFile()).get("cells");
        assertEquals("ArithmeticException", cells.get(1).get("outputs").get(0).get("ename").asText()
                .replace("java.lang.", ""));
        assertEquals("3", text(cells.get(2).get("outputs").get(0).get("data").get("text/plain")), "ran after the error");
        assertEquals("CellTimeout", cells.get(3).get("outputs").get(0).get("ename").asText());
    }

    @Test
    void otherMagicsAndOtherLanguagesStopBeforeAnythingRuns() throws Exception {
        Path timed = notebook(dir, "timed.ipynb", "java", "int a = 1;", "int b = 2;\n%%time\nb");
        NotebookCommandTest.Run r = NotebookCommandTest.run(timed.toString(), "-o", dir.resolve("t.html").toString());
        assertEquals(2, r.code());
        assertEquals("error: " + timed + ": cell 2, line 2: the cell magic %%time is not supported; SaveScope runs Java "
                + "code with the line magics %maven, %mavenRepo, %jars and %classpath (or //DEPS lines)\n", r.err());
        Path load = notebook(dir, "load.ipynb", "java", "%load other.jsh");
        r = NotebookCommandTest.run(load.toString(), "-o", dir.resolve("t.html").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: " + load + ": cell 1, line 1: the magic %load is not supported"), r.err());
        // A text block's lines are strings, whatever they start with.
        Path textBlock = notebook(dir, "text.ipynb", "java", "String f = \"\"\"\n    %d saves\n    \"\"\";\nf.strip()");
        r = NotebookCommandTest.run(textBlock.toString(), "-o", dir.resolve("tb.html").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("\"%d saves\"", text(JSON.readTree(dir.resolve("tb.ipynb").toFile()).get("cells").get(0)
                .get("outputs").get(0).get("data").get("text/plain")));
        Path python = notebook(dir, "py.ipynb", "python", "print(1)");
        r = NotebookCommandTest.run(python.toString(), "-o", dir.resolve("t.html").toString());
        assertEquals(2, r.code());
        assertEquals("error: " + python + ": kernel \"k\" runs python; expected a notebook for a Java kernel (kernelspec "
                + "language \"java\", as IJava and JJava write)\n", r.err());
        assertFalse(Files.exists(dir.resolve("t.html")), "nothing written");
    }

    @Test
    void jarsMagicPutsLocalJarsOnTheClasspath() throws Exception {
        // A class compiled here into lib/tool.jar, on no classpath until %jars names it.
        Path src = Files.createDirectories(dir.resolve("src/tool"));
        Files.writeString(src.resolve("Tool.java"), "package tool; public class Tool { public static int twice(int x) "
                + "{ return 2 * x; } }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                src.resolve("Tool.java").toString()));
        Path lib = Files.createDirectories(dir.resolve("lib"));
        try (OutputStream out = Files.newOutputStream(lib.resolve("tool.jar")); JarOutputStream jar = new JarOutputStream(out)) {
            jar.putNextEntry(new JarEntry("tool/Tool.class"));
            jar.write(Files.readAllBytes(classes.resolve("tool/Tool.class")));
            jar.closeEntry();
        }
        Path nb = notebook(dir, "jars.ipynb", "java", "%jars lib/*.jar\ntool.Tool.twice(21)");
        NotebookCommandTest.Run r = NotebookCommandTest.run(nb.toString(), "-o", dir.resolve("j.html").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode cell = JSON.readTree(dir.resolve("j.ipynb").toFile()).get("cells").get(0);
        assertEquals("42", text(cell.get("outputs").get(0).get("data").get("text/plain")));
        Path missing = notebook(dir, "missing.ipynb", "java", "%jars nowhere/*.jar");
        r = NotebookCommandTest.run(missing.toString(), "-o", dir.resolve("m.html").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: " + missing + ": cell 1, line 1: %jars nowhere/*.jar: no such file"), r.err());
    }
}
