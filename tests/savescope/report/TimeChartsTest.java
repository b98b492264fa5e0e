package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import savescope.charts.TimeCharts;
import savescope.metrics.AudienceContext;
import savescope.metrics.Trends;
import savescope.cells.Output;

class TimeChartsTest {

    @Test
    void weeklyRateChartHasBothSeriesAndItsNumbers() {
        List<Trends.Period> weeks = List.of(new Trends.Period(LocalDate.of(2026, 3, 2), 2, 2000, 40, 0.02, 0.02),
                new Trends.Period(LocalDate.of(2026, 3, 9), 1, 500, 5, 0.01, 0.015));
        Output.Chart c = TimeCharts.weeklyRate(weeks, 4);
        assertTrue(c.svg().startsWith("<svg"));
        // XChart's SVG draws text as outlines, so the labels cannot be searched; the structure can.
        assertTrue(c.svg().contains("aria-label=\"Weekly save rate\""));
        assertTrue(c.svg().contains("<path"));
        assertEquals(2, c.data().rows().size());
        assertEquals("1.50%", c.data().rows().get(1).get(4).text());
        assertFalse(c.caption().isBlank());
        assertTrue(c.alt().contains("2 weeks"));
    }

    @Test
    void heatMapBlanksThinSlotsAndEscapesText() {
        List<AudienceContext.PostingCell> cells = List.of(new AudienceContext.PostingCell(1, 16, 5, 0.02),
                new AudienceContext.PostingCell(7, 0, 1, 0.5));
        Output.Chart c = TimeCharts.postingHeatMap(cells, 4, 3);
        assertEquals(1, c.data().rows().size(), "the slot with 1 video is not shown");
        assertTrue(c.svg().contains("2.00% (5)"));
        assertFalse(c.svg().contains("50.00%"));
        assertTrue(c.caption().contains("1 weekday-and-time slots with fewer than 3 videos are left blank."));
        assertTrue(c.svg().contains("16:00–20:00"));
    }

    @Test
    void experimentChartShowsEachVariantWithItsInterval() {
        Output.Chart c = TimeCharts.experiment(List.of("A<b>", "B"), new double[] {0.02, 0.03},
                new double[] {0.015, 0.025}, new double[] {0.025, 0.035}, new int[] {10, 10});
        assertFalse(c.svg().contains("A<b>"), "a variant name cannot inject markup into the SVG");
        assertEquals("A<b>", c.data().rows().get(0).get(0).text(), "the table keeps it as text for the template to escape");
        assertEquals("2.50%", c.data().rows().get(1).get(3).text());
    }
}
