package savescope.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import savescope.cells.Output;
import savescope.cells.TableView;

/**
 * Runs every notebook in scripts/notebooks/ on tests/fixtures/notebooks/mini-sample (12 videos: 4 tutorials, 4 comedy,
 * 4 recipes; daily rows for 4 of them) and checks one number each computes, worked out by hand.
 */
class ShippedNotebooksTest {
    static final String SAMPLE = "tests/fixtures/notebooks/mini-sample";

    static NotebookRunner.Result run(String name) throws Exception {
        String file = "scripts/notebooks/" + name + ".jsh";
        PercentFormat.Parsed nb = PercentFormat.parse(Files.readString(Path.of(file)), file);
        return NotebookRunner.run(nb, new NotebookRunner.Options(Map.of("input", SAMPLE), false, null, List.of(), null));
    }

    static String allText(NotebookRunner.Result r) {
        return r.cells().stream().flatMap(c -> c.outputs().stream()).map(o -> {
            if (o instanceof Output.Table t) {
                return t.table().rows().stream().map(row -> row.stream().map(TableView.Cell::text)
                        .collect(Collectors.joining(" | "))).collect(Collectors.joining("\n"));
            }
            if (o instanceof Output.Kpis k) {
                return k.kpis().stream().map(x -> x.label() + ": " + x.value()).collect(Collectors.joining("\n"));
            }
            if (o instanceof Output.Markdown m) {
                return m.markdown();
            }
            if (o instanceof Output.Chart c) {
                return "chart: " + c.alt();
            }
            return o.toString();
        }).collect(Collectors.joining("\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        // 3,020 saves over 190,000 views = 1.589%.
        "saves-overview; Save rate: 1.59%",
        // Recipes: 480 + 270 + 300 + 210 = 1,260 saves over 42,000 views = 3.000%.
        "content-strategy; recipe | 4 | 42,000 | 1,260 | 3.00%",
        // Video 1 gets 10 saves a day for 20 days: 70 in days 0-6, 130 later, 65.0% later.
        "trends-evergreen; Video 1 (tutorial) #tutorial #mini | 70 | 130 | 65.0",
        // Comedy rates (0.3-0.6%) all sit below recipe rates (2-4%): U = 0, z = -8 / sqrt(12), p = 0.021.
        "ab-experiment; Two-sided p = **0.021**"})
    void runsOnTheSampleAndComputes(String name, String expected) throws Exception {
        NotebookRunner.Result r = run(name);
        assertNull(r.firstFailure(), () -> String.valueOf(r.firstFailure()));
        assertEquals(r.codeCells(), r.executedCells());
        String text = allText(r);
        assertTrue(text.contains(expected), text);
        assertTrue(text.contains("chart: "), "every shipped notebook draws a chart");
    }
}
