package savescope.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --param-grid}: one run per combination, file names safe everywhere, an escaped index page. */
class ParamGridTest {
    @TempDir
    Path dir;

    @Test
    void combinationsAreTheCartesianProductFirstNameSlowest() {
        Map<String, List<String>> grid = ParamGrid.parse(List.of("account=a,b,c", "top=1,2"));
        List<Map<String, String>> all = ParamGrid.combinations(grid);
        assertEquals(6, all.size(), "3 × 2");
        assertEquals(List.of("a 1", "a 2", "b 1", "b 2", "c 1", "c 2"),
                all.stream().map(m -> m.get("account") + " " + m.get("top")).toList());
        assertEquals(List.of(Map.of()), ParamGrid.combinations(Map.of()), "no grid: one run");
        assertEquals(List.of("x"), ParamGrid.parse(List.of("n=x,x")).get("n"), "a repeated value runs once");
        savescope.UserError e = assertThrows(savescope.UserError.class,
                () -> ParamGrid.parse(List.of("n=1", "n=2")));
        assertEquals("--param-grid n: given twice; list all its values in one option, e.g. --param-grid n=a,b",
                e.getMessage());
        assertThrows(savescope.UserError.class, () -> ParamGrid.parse(List.of("=1,2")));
    }

    @Test
    void fileNamePartsAreSafeAndNeverShared() {
        assertEquals("account-studio_top-10", ParamGrid.fileNamePart(ordered("account", "studio", "top", "10")));
        // Anything but lower-case letters, digits, dot, minus and underscore is replaced, and the value's digest
        // keeps apart the values that would otherwise meet in one name.
        String slash = ParamGrid.safe("a/b");
        String underscore = ParamGrid.safe("a_b");
        assertTrue(slash.matches("a_b~[0-9a-f]{8}"), slash);
        assertEquals("a_b", underscore);
        assertNotEquals(ParamGrid.safe("A").toLowerCase(Locale.ROOT), ParamGrid.safe("a"),
                "differ on a case-blind file system too");
        for (String hostile : List.of("..", "../../etc/passwd", "CON", "nul.txt", "a:b", "x*?<>|\"", " ", "",
                "ümlaut", "x".repeat(300), "trailing.", "C:\\Windows")) {
            String s = ParamGrid.safe(hostile);
            assertTrue(s.matches("[a-z0-9._~-]{1,49}"), hostile + " -> " + s);
            assertFalse(s.startsWith(".") || s.endsWith("."), s);
        }
    }

    @Test
    void aBatchWritesOneRunPerCombinationAndAnEscapedIndex() throws Exception {
        Path nb = Files.writeString(dir.resolve("greet.jsh"), "// %% tags=[\"parameters\"]\nString who = \"x\";\n"
                + "int times = 1;\n// %%\nwho.repeat(times)\n");
        Path html = dir.resolve("greet.html");
        NotebookCommandTest.Run r = NotebookCommandTest.run(nb.toString(), "-o", html.toString(),
                "--param-grid", "who=ann,<b>&\"bo\"", "--param-grid", "times=1,2");
        assertEquals(0, r.code(), r.err());
        String hostile = ParamGrid.safe("<b>&\"bo\"");
        List<String> names = List.of("greet-who-ann_times-1", "greet-who-ann_times-2", "greet-who-" + hostile
                + "_times-1", "greet-who-" + hostile + "_times-2");
        StringBuilder expectedOut = new StringBuilder();
        for (String n : names) {
            expectedOut.append(dir.resolve(n + ".html")).append('\n').append(dir.resolve(n + ".ipynb")).append('\n');
        }
        expectedOut.append(dir.resolve("greet-index.html")).append('\n');
        assertEquals(expectedOut.toString(), r.out());
        assertTrue(r.err().contains("[run 4/4] who=<b>&\"bo\" times=2\n"), r.err());
        // Each run got its own values: "ann" twice is "annann".
        String twice = Files.readString(dir.resolve(names.get(1) + ".ipynb"));
        assertTrue(twice.contains("\"\\\"annann\\\"\""), twice);
        assertEquals("{\"who\":\"ann\",\"times\":\"2\"}", new ObjectMapper().readTree(twice).path("metadata")
                .path("savescope").path("parameters").toString());

        String index = Files.readString(dir.resolve("greet-index.html"));
        assertTrue(index.contains("<td><code>&lt;b&gt;&amp;&quot;bo&quot;</code></td>"), "the value is escaped");
        assertFalse(index.contains("<b>&"), "never raw");
        assertTrue(index.contains("<a href=\"greet-who-" + hostile.replace("~", "%7E") + "_times-2.html\">HTML</a>"),
                index);
        assertTrue(index.contains("4 runs, 0 failed"), index);
    }

    @Test
    void aGridNameAlsoGivenAsParamIsAUsageError() throws Exception {
        Path nb = Files.writeString(dir.resolve("n.jsh"), "// %% tags=[\"parameters\"]\nint n = 1;\n// %%\nn\n");
        NotebookCommandTest.Run r = NotebookCommandTest.run(nb.toString(), "--param", "n=2", "--param-grid", "n=3,4");
        assertEquals(2, r.code());
        assertEquals("error: --param n and --param-grid n: give it once.\n", r.err());
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
