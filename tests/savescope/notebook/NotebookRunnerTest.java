package savescope.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import savescope.cells.Output;
import savescope.cells.Cell;

/**
 * Runs tests/fixtures/notebooks/edge-cases.jsh once with every cell allowed to fail, and runaway.jsh with a 2 s cell
 * timeout (alone, so that slow compiles of other cells on a busy machine cannot hit the limit).
 */
class NotebookRunnerTest {
    static final String FILE = "tests/fixtures/notebooks/edge-cases.jsh";
    static final String RUNAWAY = "tests/fixtures/notebooks/runaway.jsh";
    static NotebookRunner.Result result;
    static NotebookRunner.Result runaway;

    @BeforeAll
    static void runOnce() throws Exception {
        PercentFormat.Parsed nb = PercentFormat.parse(Files.readString(Path.of(FILE)), FILE);
        result = NotebookRunner.run(nb, new NotebookRunner.Options(Map.of(), true, null, List.of(), null));
        PercentFormat.Parsed loop = PercentFormat.parse(Files.readString(Path.of(RUNAWAY)), RUNAWAY);
        runaway = NotebookRunner.run(loop, new NotebookRunner.Options(Map.of(), true, Duration.ofSeconds(2), List.of(), null));
    }

    static List<Output> outputs(int cell) {
        return result.cells().get(cell).outputs();
    }

    @Test
    void streamsKeepTheirOrderAndDisplaysAcceptOurOwnOutputs() {
        assertEquals(List.of(new Output.Stream("stdout", "a"), new Output.Stream("stderr", "b"),
                new Output.Stream("stdout", "c"),
                new Output.Kpis(List.of(new Output.Kpi("Saves", "1.2K", "1,234", "all videos"))),
                new Output.Findings(List.of(new Output.Finding("Tutorials are saved 2x more", "n = 40", "strong"))),
                new Output.Text("plain <text>"),
                new Output.Text("\"a string\"")), outputs(1));
        assertEquals(6, result.executeResult().get(1));
    }

    @Test
    void aCompileErrorPointsAtTheLineAndColumn() {
        // Line 15 of the file; the string literal starts at column 14.
        assertEquals(List.of(new Output.Error("CompileError", "incompatible types: java.lang.String cannot be converted to int",
                List.of(FILE + ":15:14: error: incompatible types: java.lang.String cannot be converted to int",
                        "int broken = \"not a number\";", "             ^"))), outputs(2));
    }

    @Test
    void unresolvedReferencesAreNamed() {
        List<Output> out = outputs(3);
        assertEquals(new Output.Stream("stderr", "note: later() is defined but cannot be used until method "
                + "notYetDeclared() is declared\n"), out.get(0));
        Output.Error e = (Output.Error) out.get(1);
        assertEquals("UnresolvedReference", e.ename());
        assertEquals("later() cannot be used until method notYetDeclared() is declared", e.evalue());
        Output.Error missingType = (Output.Error) outputs(4).get(0);
        assertEquals("CompileError", missingType.ename());
        assertEquals("cannot find symbol: class Missing", missingType.evalue());
    }

    @Test
    void aRunawayCellIsStoppedAndLaterCellsStillRun() {
        List<Output> first = runaway.cells().get(0).outputs();
        Output.Error e = (Output.Error) first.get(first.size() - 1);
        assertEquals("CellTimeout", e.ename());
        assertEquals("the cell ran longer than 2 s and was stopped (--cell-timeout)", e.evalue());
        assertEquals(List.of(RUNAWAY + ":3: stopped here"), e.traceback());
        assertEquals(List.of(new Output.Stream("stdout", "still alive\n")), runaway.cells().get(1).outputs());
        assertEquals(new NotebookRunner.Failure(1, 3, "CellTimeout", "stopped after 2 s"), runaway.firstFailure());
    }

    @Test
    void anExceptionNamesItsClassAndNotebookLine() {
        assertEquals(new Output.Stream("stdout", "still alive\n"), outputs(5).get(0));
        Output.Error npe = (Output.Error) outputs(5).get(1);
        assertEquals("java.lang.NullPointerException", npe.ename());
        assertEquals(List.of("    at cell 6 (" + FILE + ":27)"), npe.traceback().subList(1, npe.traceback().size()));
    }

    @Test
    void countsAndFirstFailure() {
        assertEquals(5, result.codeCells());
        assertEquals(5, result.executedCells());
        assertEquals(4, result.failedCells());
        assertEquals(new NotebookRunner.Failure(3, 15, "CompileError",
                "incompatible types: java.lang.String cannot be converted to int"), result.firstFailure());
        assertNull(result.cells().get(0).executionCount());
        assertEquals(java.util.Arrays.asList(null, 1, 2, 3, 4, 5), result.cells().stream().map(Cell::executionCount).toList());
    }
}
