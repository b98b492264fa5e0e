package savescope.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTest {
    static final String CELL = String.join("\n",
            "String input = \"data/sample\"; // where the export is",
            "int minViews = 1000;",
            "final long budget = 5_000L;",
            "double alpha = 0.05;",
            "boolean verbose = false;",
            "Path out = Path.of(\"reports\");",
            "var label = \"A\";",
            "var rounds = 3;",
            "List<String> ignored = List.of();");

    static Map<String, String> values(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void readsTheDefaultsAndTheirTypes() {
        Map<String, Parameters.Declared> d = Parameters.declared(CELL);
        assertEquals(List.of("input", "minViews", "budget", "alpha", "verbose", "out", "label", "rounds"),
                List.copyOf(d.keySet()));
        assertEquals(Parameters.Type.STRING, d.get("input").type());
        assertEquals(Parameters.Type.LONG, d.get("budget").type());
        assertEquals(Parameters.Type.PATH, d.get("out").type());
        assertEquals(Parameters.Type.STRING, d.get("label").type());
        assertEquals(Parameters.Type.INT, d.get("rounds").type());
        assertEquals("\"data/sample\"", d.get("input").defaultSource());
    }

    @Test
    void injectsTypedDeclarationsInTheOrderGiven() {
        String src = Parameters.injectedSource(Parameters.declared(CELL), values(
                "minViews", "500", "input", "my \"videos\".csv", "alpha", "0.1", "verbose", "true",
                "out", "C:\\tmp", "budget", "7", "rounds", "-2"));
        assertEquals(String.join("\n",
                "int minViews = 500;",
                "String input = \"my \\\"videos\\\".csv\";",
                "double alpha = 0.1;",
                "boolean verbose = true;",
                "java.nio.file.Path out = java.nio.file.Path.of(\"C:\\\\tmp\");",
                "long budget = 7L;",
                "int rounds = -2;"), src);
    }

    @Test
    void unknownNamesAndBadValuesAreClearErrors() {
        Map<String, Parameters.Declared> d = Parameters.declared(CELL);
        assertEquals("--param minview: the parameters cell declares no such name; it declares input, minViews, "
                        + "budget, alpha, verbose, out, label, rounds",
                assertThrows(savescope.UserError.class,
                        () -> Parameters.injectedSource(d, values("minview", "5"))).getMessage());
        assertEquals("--param minViews=lots: expected a whole number (int), like its default 1000",
                assertThrows(savescope.UserError.class,
                        () -> Parameters.injectedSource(d, values("minViews", "lots"))).getMessage());
        assertEquals("--param verbose=yes: expected true or false, like its default false",
                assertThrows(savescope.UserError.class,
                        () -> Parameters.injectedSource(d, values("verbose", "yes"))).getMessage());
        assertEquals("--param alpha=NaN: expected a finite number (double), like its default 0.05",
                assertThrows(savescope.UserError.class,
                        () -> Parameters.injectedSource(d, values("alpha", "NaN"))).getMessage());
    }
}
