package savescope.report.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The period view's signed changes: a small change keeps a digit that says it, and nothing reads "−0". */
class PeriodFormatsTest {

    @Test
    void aChangeBelowOnePercentKeepsOneDecimal() {
        // 0.0179 against 0.01797: (0.0179 - 0.01797) / 0.01797 = −0.3895...%
        assertEquals("\u22120.4%", PeriodView.percent((0.0179 - 0.01797) / 0.01797));
        assertEquals("+0.9%", PeriodView.percent(0.0094));
        assertEquals("+17%", PeriodView.percent(0.17));
        assertEquals("\u221250%", PeriodView.percent(-0.5));
    }

    @Test
    void whatRoundsToNothingHasNoSign() {
        assertEquals("0%", PeriodView.percent(-0.0004));
        assertEquals("0%", PeriodView.percent(0));
        assertEquals("0.00 pts", PeriodView.points(-0.000001));
        assertEquals("0.00", PeriodView.number(-0.004));
        assertEquals("\u22120.01 pts", PeriodView.points(-0.0001));
        assertEquals("\u22123 (\u22120.4%)", PeriodSection.countChange(747, 750));
        assertEquals("+1 (0%)", PeriodSection.countChange(100_001, 100_000));
    }
}
