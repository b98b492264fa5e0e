package savescope.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import savescope.cli.Cli;
import savescope.cli.NotebookCommand;
import savescope.render.HtmlReport;
import savescope.cells.Cell;
import savescope.cells.Notebook;
import savescope.cells.Output;

class NotebookCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = Cli.commandLine(new NotebookCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void anUnknownParameterStopsBeforeAnyCellRuns() {
        Path html = dir.resolve("x.html");
        Run r = run(ShowcaseNotebookTest.NOTEBOOK, "-o", html.toString(), "--param", "topp=2");
        assertEquals(2, r.code());
        assertEquals("error: --param topp: the parameters cell declares no such name; it declares input, top\n", r.err());
        assertFalse(Files.exists(html));
    }

    @Test
    void aBadParameterValueNamesTheExpectedType() {
        Run r = run(ShowcaseNotebookTest.NOTEBOOK, "-o", dir.resolve("x.html").toString(), "--param", "top=three");
        assertEquals(2, r.code());
        assertEquals("error: --param top=three: expected a whole number (int), like its default 3\n", r.err());
        Run noEquals = run(ShowcaseNotebookTest.NOTEBOOK, "--param", "top");
        assertEquals(2, noEquals.code());
        assertTrue(noEquals.err().contains("expected NAME=VALUE"), noEquals.err());
    }

    @Test
    void paramsNeedACellTaggedParameters() throws Exception {
        Path nb = dir.resolve("plain.jsh");
        Files.writeString(nb, "// %%\nint a = 1;\n");
        Run r = run(nb.toString(), "-o", dir.resolve("x.html").toString(), "--param", "a=2");
        assertEquals(2, r.code());
        assertEquals("error: " + nb + ": --param given but no code cell is tagged parameters; mark one with "
                + "// %% tags=[\"parameters\"] and declare the defaults there\n", r.err());
    }

    @Test
    void aMissingNotebookAndABadTimeoutAreUsageErrors() {
        Run r = run("no/such.jsh");
        assertEquals(2, r.code());
        assertEquals("error: no/such.jsh: no such notebook file.\n", r.err());
        Run t = run(ShowcaseNotebookTest.NOTEBOOK, "--cell-timeout", "0");
        assertEquals(2, t.code());
        assertTrue(t.err().contains("--cell-timeout: expected a number of seconds from 0.001 to 31536000 (a year), found 0."), t.err());
    }

    @Test
    void noInputEmptiesTheCodeAndDropsThePromptsButKeepsOutputs() throws Exception {
        PercentFormat.Parsed nb = PercentFormat.parse("// %% [markdown]\n// # My title\n// Intro.\n// %%\n1 + 1\n", "t.jsh");
        Cell md = new Cell(Cell.Type.MARKDOWN, "# My title\nIntro.", List.of(), null, List.of());
        Cell code = new Cell(Cell.Type.CODE, "1 + 1", List.of(new Output.Text("2")), 1, List.of());
        NotebookRunner.Result result = new NotebookRunner.Result(List.of(md, code), List.of(-1, 0), null, 0, 1, 1, 0.5);
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        Notebook page = NotebookCommand.notebook(nb, result, Map.of(), at, true, true);
        assertEquals("My title", page.title());
        assertEquals("outputs", page.style());
        assertEquals("Intro.", page.cells().get(0).source(), "the title line moves into the title block");
        assertEquals("", page.cells().get(1).source());
        assertEquals(List.of(new Output.Text("2")), page.cells().get(1).outputs());
        assertEquals(Map.of("Notebook", "t.jsh", "Ran", "2026-01-02 03:04 UTC", "Result", "all 1 code cells ran in 0.5 s"),
                page.meta());
        String html = new HtmlReport(null).render(page);
        assertTrue(html.contains("<body class=\"style-outputs\">"), "Jupyter-like page without inputs");
        assertTrue(html.contains("<p class=\"eyebrow\">SaveScope notebook</p>"));
        assertTrue(html.contains("<pre class=\"result\">2</pre>"), "the output stays");
        assertFalse(html.contains("class=\"prompt"), "no In/Out prompts, as nbconvert --no-input");
        assertFalse(html.contains("Show the Java"), "no folded code either");
        Notebook ipynb = NotebookCommand.notebook(nb, result, Map.of(), at, false, false);
        assertEquals("notebook", ipynb.style());
        assertEquals("# My title\nIntro.", ipynb.cells().get(0).source(), "the .ipynb keeps the cell as written");
        assertEquals("1 + 1", ipynb.cells().get(1).source());
    }

    @Test
    void depsWithoutJBangFailClearly() {
        savescope.UserError e = assertThrows(savescope.UserError.class,
                () -> NotebookDeps.resolve(List.of("org.example:lib:1.0"), dir, null, "my.jsh"));
        assertEquals("my.jsh: declares //DEPS org.example:lib:1.0, and resolving them needs JBang, which was not "
                + "found; run from the SaveScope folder (./jbang), put jbang on the PATH, or set SAVESCOPE_JBANG to its "
                + "path", e.getMessage());
        PercentFormat.Parsed nb = PercentFormat.parse("//DEPS ../notebook.java\n//DEPS g:a:1\n// %%\n1\n", "n.jsh");
        assertEquals(List.of("g:a:1"), NotebookDeps.needed(nb), "the SaveScope line needs no resolving");
        String have = System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0];
        assertEquals(List.of("/elsewhere/new.jar"), NotebookDeps.notYetOnClasspath(
                "/elsewhere/" + Path.of(have).getFileName() + java.io.File.pathSeparator + "/elsewhere/new.jar"));
    }

    @Test
    void aScriptDependencyIsBuiltAndUsable() throws Exception {
        // tests/fixtures/notebooks/deps/uses-deps.jsh declares //DEPS Greeting.java, a class in package
        // fixture.greeting that is on no classpath until JBang builds it.
        Path html = dir.resolve("deps.html");
        Run r = run("tests/fixtures/notebooks/deps/uses-deps.jsh", "-o", html.toString());
        assertEquals(0, r.code(), r.err());
        String ipynb = Files.readString(dir.resolve("deps.ipynb"));
        assertTrue(ipynb.contains("\"text/plain\" : [ \"\\\"hello notebook\\\"\" ]"), ipynb);
    }
}
