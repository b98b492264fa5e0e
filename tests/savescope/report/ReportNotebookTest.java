package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import savescope.cells.Cell;
import savescope.load.Loader;
import savescope.model.Dataset;
import savescope.notebook.NotebookRunner;
import savescope.notebook.PercentFormat;

/**
 * {@code report --notebook}: the report as a percent-format notebook. Run by the notebook runner on the sample, every
 * value its cells display equals the value the report's cell was made from (and so the --json), in order.
 */
class ReportNotebookTest {
    static SaveReport.Result report;
    static String text;

    @BeforeAll
    static void make() {
        Dataset sample = Loader.load(List.of(Path.of("data", "sample")), Loader.Options.defaults());
        report = SaveReport.build(sample, ReportOptions.defaults(), Instant.parse("2026-01-01T00:00:00Z"));
        text = ReportNotebook.of(report, new ReportNotebook.Parameters(List.of("data/sample"), new LinkedHashMap<>(),
                List.of(), List.of(), ReportOptions.defaults().minViews(), ReportOptions.defaults().tableRows(),
                ReportOptions.defaults().minSegment(), null));
    }

    @Test
    void theNotebookHasAParametersCellAndEveryCodeCellOfTheReport() {
        PercentFormat.Parsed nb = PercentFormat.parse(text, "report.jsh");
        long parameters = nb.cells().stream().filter(c -> c.tags().contains("parameters")).count();
        assertEquals(1, parameters);
        for (ReportContext.Snippet s : report.snippets()) {
            assertTrue(text.contains(s.java().strip()), s.java());
        }
    }

    private static final Pattern DISPLAY = Pattern.compile("^display\\((\\w+)\\);$", Pattern.MULTILINE);

    @Test
    void runningItGivesTheReportsValues() throws JsonProcessingException {
        // The same notebook, with each display(x) made to hand x to the test as well as show it.
        List<String> names = new ArrayList<>();
        Matcher m = DISPLAY.matcher(text);
        StringBuilder run = new StringBuilder();
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(run, "display(" + m.group(1) + "); savescope.report.SnippetValues.put(\"" + (names.size() - 1)
                    + "\", " + m.group(1) + ");");
        }
        m.appendTail(run);
        SnippetValues.clear();
        NotebookRunner.Result result = NotebookRunner.run(PercentFormat.parse(run.toString(), "report.jsh"),
                new NotebookRunner.Options(Map.of(), false, null, List.of(), null));
        assertNull(result.firstFailure(), () -> String.valueOf(result.firstFailure()));

        List<Object> expected = new ArrayList<>();
        for (ReportContext.Snippet s : report.snippets()) {
            s.shows().keySet().stream().filter(k -> !k.equals("$")).sorted()
                    .forEach(k -> expected.add(s.shows().get(k)));
        }
        assertEquals(expected.size(), names.size(), "one display per value the report's cells show");
        for (int i = 0; i < names.size(); i++) {
            assertEquals(CodeCellsTest.json(expected.get(i)), CodeCellsTest.json(SnippetValues.get(Integer.toString(i))),
                    "value " + names.get(i));
        }
        // And the numbers are the --json's: the totals the notebook computed are the document's "totals".
        int totals = names.indexOf("totals");
        assertEquals(report.json().get("totals"), FiguresJson.mapper().convertValue(SnippetValues.get(Integer.toString(totals)),
                LinkedHashMap.class));
        long codeCells = result.cells().stream().filter(c -> c.type() == Cell.Type.CODE).count();
        assertTrue(codeCells > report.snippets().size(), "parameters and setup cells come first");
    }
}
