package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import savescope.load.Loader;
import savescope.metrics.LocalAnalytics;
import savescope.model.Dataset;
import savescope.report.sections.AccountsSection;
import savescope.report.sections.AudienceSection;
import savescope.report.sections.CommentsSection;
import savescope.report.sections.DataQualitySection;
import savescope.report.sections.ExperimentSection;

/**
 * The context sections' code cells are true on the data the sample does not cover (several accounts, variants named
 * with --compare, an empty variant, no saves, rejected rows): run in JShell on the same data, each gives the values
 * its cell shows.
 */
class ContextCodeCellsTest {
    static JShell shell;

    @BeforeAll
    static void startShell() {
        shell = JShell.builder().executionEngine("local").build();
        shell.addToClasspath(System.getProperty("java.class.path"));
        CodeCellsTest.PRELUDE.forEach(ContextCodeCellsTest::eval);
        eval("Analytics data = null;");
        eval("ReportOptions options = null;");
    }

    @AfterAll
    static void close() {
        shell.close();
    }

    /** The snippets the context sections show for {@code d} and {@code o}, in order. */
    static List<ReportContext.Snippet> snippets(Dataset d, ReportOptions o) {
        ReportContext ctx = new ReportContext(savescope.metrics.LocalAnalytics.of(d), o, ContextSectionsTest.NOW);
        List<ReportContext.Snippet> out = new ArrayList<>();
        for (Section<?> section : List.<Section<?>>of(new ExperimentSection(), new AudienceSection(), new CommentsSection(),
                new AccountsSection(), new DataQualitySection())) {
            ReportContext part = ctx.fork();
            SaveReport.build(section, part);
            out.addAll(part.snippets());
        }
        return out;
    }

    /** What each snippet gives in JShell against {@code d} and {@code o}, where it differs from what it shows. */
    static List<String> wrong(Dataset d, ReportOptions o, List<ReportContext.Snippet> snippets)
            throws JsonProcessingException {
        SnippetValues.put("context.data", LocalAnalytics.of(d));
        SnippetValues.put("context.options", o);
        eval("data = (Analytics) savescope.report.SnippetValues.get(\"context.data\");");
        eval("options = (ReportOptions) savescope.report.SnippetValues.get(\"context.options\");");
        List<String> wrong = new ArrayList<>();
        for (ReportContext.Snippet s : snippets) {
            String rest = s.java();
            while (!rest.isBlank()) {
                var info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
                eval(info.source());
                rest = info.remaining();
            }
            for (Map.Entry<String, ?> e : s.shows().entrySet()) {
                eval("savescope.report.SnippetValues.put(\"context.value\", " + e.getKey() + ");");
                String shown = CodeCellsTest.json(e.getValue());
                String given = CodeCellsTest.json(SnippetValues.get("context.value"));
                if (!shown.equals(given)) {
                    wrong.add(s.java() + "\n  " + e.getKey() + ": shows " + shown + "\n  gives " + given);
                }
            }
        }
        return wrong;
    }

    static void eval(String code) {
        for (SnippetEvent e : shell.eval(code)) {
            if (e.status() == Snippet.Status.REJECTED) {
                fail("does not compile: " + code + "\n" + shell.diagnostics(e.snippet())
                        .map(d -> d.getMessage(java.util.Locale.ROOT)).toList());
            }
            if (e.exception() != null) {
                fail("throws " + e.exception() + ": " + code);
            }
        }
    }

    static void assertCellsTrue(Dataset d, ReportOptions o, int atLeast) throws JsonProcessingException {
        List<ReportContext.Snippet> snippets = snippets(d, o);
        assertTrue(snippets.size() >= atLeast, snippets.size() + " snippets");
        List<String> wrong = wrong(d, o, snippets);
        assertTrue(wrong.isEmpty(), String.join("\n\n", wrong));
    }

    @Test
    void accountsAndNamedVariants() throws JsonProcessingException {
        // Experiment, posting grid, accounts, data quality.
        assertCellsTrue(ContextFiguresTest.twoAccounts(), ContextFiguresTest.compare("tut=#tutorial", "vlog=#vlog"), 4);
    }

    @Test
    void anEmptyVariant() throws JsonProcessingException {
        assertCellsTrue(Dataset.ofVideos(ContextSectionsTest.weeklyVideos(6).videos(), ContextFiguresTest.NOTHING),
                ContextFiguresTest.compare("none=#nosuchtag", "tut=#tutorial"), 3);
    }

    @Test
    void theStudioDownloadWithoutSaves() throws JsonProcessingException {
        // Followers and segments, activity alone, data quality.
        assertCellsTrue(Loader.load(List.of(Path.of("tests/fixtures/formats/studio-no-saves")), Loader.Options.defaults()),
                ReportOptions.defaults(), 3);
    }

    @Test
    void rejectedRowsAndAFewComments() throws JsonProcessingException {
        // Posting grid, comment summary, most commented videos, data quality.
        assertCellsTrue(Loader.load(List.of(Path.of("tests/fixtures/formats/handkept-quirks.csv"),
                Path.of("tests/fixtures/formats/comments.json"), Path.of("tests/fixtures/formats/canonical.csv")),
                Loader.Options.defaults()), ReportOptions.defaults(), 3);
    }

    @Test
    void aCellThatShowsAnotherValueIsCaught() throws JsonProcessingException {
        Dataset d = ContextFiguresTest.twoAccounts();
        ReportOptions o = ReportOptions.defaults();
        ReportContext.Snippet accounts = snippets(d, o).stream().filter(s -> s.shows().containsKey("accounts"))
                .findFirst().orElseThrow();
        assertEquals(List.of(), wrong(d, o, List.of(accounts)));
        List<?> shown = (List<?>) accounts.shows().get("accounts");
        ReportContext.Snippet lie = new ReportContext.Snippet(accounts.java(), Map.of("accounts", shown.subList(0, 1)));
        assertFalse(wrong(d, o, List.of(lie)).isEmpty());
    }
}
