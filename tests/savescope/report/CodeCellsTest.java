package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import savescope.load.Loader;
import savescope.metrics.LocalAnalytics;
import savescope.model.Dataset;

/**
 * Code cells are true: every snippet the sample report shows compiles against the real API and, run in JShell with
 * {@code data} bound to the same data, gives the values its cell shows (compared as their JSON).
 */
class CodeCellsTest {
    /** What a reader has in scope when copying a cell: our packages and java.util. */
    static final List<String> PRELUDE = List.of("import java.util.*;", "import savescope.metrics.*;",
            "import savescope.charts.*;", "import savescope.model.*;", "import savescope.report.*;",
            "import savescope.report.sections.*;");

    static SaveReport.Result report;
    static JShell shell;

    @BeforeAll
    static void buildSampleAndShell() {
        Dataset sample = Loader.load(List.of(Path.of("data", "sample")), Loader.Options.defaults());
        report = SaveReport.build(sample, ReportOptions.defaults(), Instant.parse("2026-01-01T00:00:00Z"));
        SnippetValues.clear();
        SnippetValues.put("data", LocalAnalytics.of(sample));
        SnippetValues.put("options", ReportOptions.defaults());
        shell = JShell.builder().executionEngine("local").build();
        shell.addToClasspath(System.getProperty("java.class.path"));
        for (String line : PRELUDE) {
            eval(line);
        }
        eval("var data = (Analytics) savescope.report.SnippetValues.get(\"data\");");
        eval("var options = (ReportOptions) savescope.report.SnippetValues.get(\"options\");");
    }

    @AfterAll
    static void close() {
        shell.close();
        SnippetValues.clear();
    }

    @Test
    void theSampleReportShowsCheckableCode() {
        assertFalse(report.snippets().isEmpty());
    }

    @Test
    void everySnippetGivesTheValuesItsCellShows() throws JsonProcessingException {
        List<String> wrong = new ArrayList<>();
        for (ReportContext.Snippet s : report.snippets()) {
            String trailing = run(s.java());
            for (Map.Entry<String, ?> e : s.shows().entrySet()) {
                String name = e.getKey().equals("$") ? trailing : e.getKey();
                if (name == null) {
                    wrong.add(s.java() + "\n  ends in no expression, but the cell claims its value");
                    continue;
                }
                eval("savescope.report.SnippetValues.put(\"" + name + "\", " + name + ");");
                String expected = json(e.getValue());
                String actual = json(SnippetValues.get(name));
                if (!expected.equals(actual)) {
                    wrong.add(s.java() + "\n  " + e.getKey() + ": the cell shows " + cut(expected) + "\n  JShell gives "
                            + cut(actual));
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n\n", wrong));
    }

    /** Runs every statement of {@code java}; returns the name of the value of a trailing expression, or null. */
    static String run(String java) {
        String trailing = null;
        String rest = java;
        while (!rest.isBlank()) {
            var info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
            List<SnippetEvent> events = eval(info.source());
            for (SnippetEvent ev : events) {
                trailing = ev.snippet() instanceof VarSnippet v && ev.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                        ? v.name() : null;
            }
            rest = info.remaining();
        }
        return trailing;
    }

    static List<SnippetEvent> eval(String code) {
        List<SnippetEvent> events = shell.eval(code);
        for (SnippetEvent e : events) {
            if (e.status() == Snippet.Status.REJECTED) {
                fail("does not compile: " + code + "\n" + shell.diagnostics(e.snippet())
                        .map(d -> d.getMessage(java.util.Locale.ROOT)).toList());
            }
            if (e.exception() != null) {
                fail("throws " + e.exception() + ": " + code);
            }
        }
        return events;
    }

    static String json(Object value) throws JsonProcessingException {
        return FiguresJson.mapper().writeValueAsString(value);
    }

    private static String cut(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "…";
    }

    @Test
    void aSnippetThatDoesNotGiveItsValueIsCaught() throws JsonProcessingException {
        run("var totals = data.totals();");
        eval("savescope.report.SnippetValues.put(\"totals\", totals);");
        Object real = SnippetValues.get("totals");
        savescope.metrics.Totals t = (savescope.metrics.Totals) real;
        assertEquals(json(real), json(report.figures(savescope.report.sections.OverviewSection.Figures.class).totals()));
        assertFalse(json(real).equals(json(new savescope.metrics.Totals(t.videos() + 1, t.views(), t.likes(),
                t.comments(), t.shares(), t.saves()))));
    }
}
