package savescope.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import savescope.cli.Cli;
import savescope.cli.NotebookCommand;
import savescope.cells.Output;

/**
 * Runs tests/fixtures/notebooks/sabotage.jsh, whose cells try to end the process (System.exit, Runtime.halt, from a
 * thread, by method reference, reflection and method handle) or to break its streams: had any call got through, this
 * test JVM would have ended or lost its output, so reaching the assertions is itself part of the check.
 */
class CellGuardTest {
    static final String FILE = "tests/fixtures/notebooks/sabotage.jsh";
    static final String UOE = "java.lang.UnsupportedOperationException";
    static NotebookRunner.Result result;

    @TempDir
    Path dir;

    @BeforeAll
    static void runOnce() throws Exception {
        PercentFormat.Parsed nb = PercentFormat.parse(Files.readString(Path.of(FILE)), FILE);
        result = NotebookRunner.run(nb, new NotebookRunner.Options(Map.of(), true, null, List.of(), null));
    }

    static List<Output> outputs(int cell) {
        return result.cells().get(cell).outputs();
    }

    static Output.Error error(int cell) {
        List<Output> out = outputs(cell);
        return (Output.Error) out.get(out.size() - 1);
    }

    static String ending(String call) {
        return call + " would end the whole notebook run, so cells may not call it; throw an exception to stop the "
                + "notebook at this cell instead";
    }

    @Test
    void endingTheProcessFailsTheCellInstead() {
        assertEquals(new Output.Stream("stdout", "before\n"), outputs(1).get(0));
        assertEquals(UOE, error(1).ename());
        assertEquals(ending("System.exit(3)"), error(1).evalue());
        assertEquals(List.of(UOE + ": " + ending("System.exit(3)"), "    at cell 2 (" + FILE + ":6)"), error(1).traceback());
        assertEquals(ending("Runtime.halt(4)"), error(2).evalue());
        assertEquals(ending("Runtime.exit(5)"), error(3).evalue());
        assertEquals(ending("System.exit(7)"), error(7).evalue(), "a method reference System::exit");
        assertEquals(new NotebookRunner.Failure(2, 6, UOE, ending("System.exit(3)")), result.firstFailure());
    }

    @Test
    void anExitOnAThreadTheCellStartedShowsOnTheCell() {
        List<Output> out = outputs(4);
        assertTrue(out.contains(new Output.Stream("stdout", "after join\n")), out.toString());
        assertEquals(new Output.Error(UOE, ending("System.exit(6)"),
                List.of(FILE + ":15: refused in thread \"quitter\" of cell 5")), error(4));
    }

    @Test
    void reflectionAndMethodHandlesAreRefusedToo() {
        assertEquals("System.exit through reflection is not allowed in a notebook cell: it could end or hijack the "
                + "notebook run", error(8).evalue());
        assertEquals("Runtime.halt through a method handle is not allowed in a notebook cell: it could end or hijack "
                + "the notebook run", error(9).evalue());
    }

    @Test
    void anExitTheCellCatchesStillFailsIt() {
        assertEquals(new Output.Stream("stdout", "caught\n"), outputs(10).get(0));
        assertEquals(ending("System.exit(9)"), error(10).evalue());
        assertEquals("Runtime.addShutdownHook is not allowed in a notebook cell: a hook runs after the report is "
                + "written and can keep the run from ending", error(11).evalue());
    }

    @Test
    void streamsCannotBeBrokenAndLastOnlyForTheirCell() {
        assertEquals("System.setErr(null) is not allowed in a notebook cell: the stream is shared by the runner and "
                + "later cells", error(5).evalue());
        assertTrue(error(6).evalue().startsWith("System.setIn(null) is not allowed"), error(6).evalue());
        assertEquals(List.of(), outputs(12), "the cell sent its own output nowhere, which is its choice");
        // The usual capture pattern (swap System.out, print, swap back) still works, and both streams reach the cell.
        assertEquals(List.of(new Output.Stream("stdout", "captured x\n"), new Output.Stream("stderr", "stderr works\n")),
                outputs(13));
        assertEquals(13, result.executedCells());
        assertEquals(11, result.failedCells());
    }

    @Test
    void withoutAllowErrorsTheFirstExitStopsTheRunAndTheReportIsWritten() throws Exception {
        CommandLine cl = Cli.commandLine(new NotebookCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        Path html = dir.resolve("sabotage.html");
        int code = cl.execute(FILE, "-o", html.toString());
        assertEquals(1, code, err.toString());
        assertTrue(err.toString().contains("error: " + FILE + ":6: cell 2 failed: " + UOE + ": "
                + ending("System.exit(3)")), err.toString());
        assertTrue(Files.readString(html).contains("System.exit(3) would end the whole notebook run"));
        assertTrue(Files.exists(dir.resolve("sabotage.ipynb")));
    }
}
