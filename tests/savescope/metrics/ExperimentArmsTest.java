package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every --compare together: names and rules must differ, and one variant alone is not an experiment. */
class ExperimentArmsTest {
    static String error(String... specs) {
        return assertThrows(savescope.UserError.class, () -> Experiment.Arm.parseAll(List.of(specs))).getMessage();
    }

    @Test
    void aRepeatedNameIsAnErrorNamingBothOptions() {
        assertEquals("--compare \"A=#hookB\": the variant name \"A\" is already used by --compare \"A=#hookA\"; give "
                + "each variant its own name", error("A=#hookA", "A=#hookB"));
    }

    @Test
    void aRepeatedRuleIsAnErrorEvenSpelledDifferently() {
        // Hashtags match case-insensitively, so #HookA and #hooka are one rule.
        assertEquals("--compare \"B=#hooka\": the rule #hooka is already variant \"A\" (--compare \"A=#HookA\"); every "
                + "video would match both", error("A=#HookA", "B=#hooka"));
        assertEquals("--compare \"late=2026-01-01..2026-01-31\": the rule 2026-01-01 to 2026-01-31 is already variant "
                + "\"early\" (--compare \"early=2026-01-01..2026-01-31\"); every video would match both",
                error("early=2026-01-01..2026-01-31", "late=2026-01-01..2026-01-31"));
    }

    @Test
    void oneVariantAloneIsAnError() {
        assertEquals("--compare \"A=#hookA\": one variant alone has nothing to be compared with; name at least two "
                + "(the first is the baseline)", error("A=#hookA"));
        assertEquals(List.of(), Experiment.Arm.parseAll(List.of()), "none named: variants are found in the data");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        " =#x|--compare \" =#x\": the variant name before \"=\" is empty",
        "A=#hook A|--compare \"A=#hook A\": expected one hashtag after \"=\", found \"#hook A\"; give each variant one rule",
        "A=#a,#b|--compare \"A=#a,#b\": expected one hashtag after \"=\", found \"#a,#b\"; give each variant one rule",
        "A=2026-03-01..2026-02-01|--compare \"A=2026-03-01..2026-02-01\": the range ends (2026-02-01) before it starts (2026-03-01)",
        "A=2026-02-30..2026-03-01|--compare \"A=2026-02-30..2026-03-01\": expected dates like 2026-03-14 in FROM..TO, found \"2026-02-30..2026-03-01\"",
        "A=2026-02-01..|--compare \"A=2026-02-01..\": expected dates like 2026-03-14 in FROM..TO, found \"2026-02-01..\"",
        "A=variant:|--compare \"A=variant:\": expected #hashtag, FROM..TO dates or variant:VALUE after \"=\", found \"variant:\"",
    }, ignoreLeadingAndTrailingWhitespace = false)
    void invalidFormsAreNamed(String spec, String message) {
        assertEquals(message, error(spec, "Z=#other"));
    }

    @Test
    void validArmsKeepTheirOrder() {
        List<Experiment.Arm> arms = Experiment.Arm.parseAll(List.of("B=#hookB", "A=#hookA", "C=variant:c"));
        assertEquals(List.of("B", "A", "C"), arms.stream().map(Experiment.Arm::name).toList());
    }
}
