package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodTest {
    static final LocalDate ANCHOR = LocalDate.of(2026, 11, 20);

    /** Days counted by hand on a calendar, the anchor (20 Nov 2026) included in the period. */
    @ParameterizedTest
    @CsvSource({
        "last-28d, previous, 2026-10-24, 2026-11-20, 2026-09-26, 2026-10-23",
        "last-7d, previous, 2026-11-14, 2026-11-20, 2026-11-07, 2026-11-13",
        "last-90d, year-ago, 2026-08-23, 2026-11-20, 2025-08-23, 2025-11-20",
        "this-month, previous, 2026-11-01, 2026-11-20, 2026-10-12, 2026-10-31",
        "2026-02, previous, 2026-02-01, 2026-02-28, 2026-01-01, 2026-01-31",
        "2026-03, previous, 2026-03-01, 2026-03-31, 2026-02-01, 2026-02-28",
        "2026-10-01..2026-10-31, 2026-09-01..2026-09-30, 2026-10-01, 2026-10-31, 2026-09-01, 2026-09-30",
    })
    void periodsAndTheirComparisons(String spec, String vs, LocalDate from, LocalDate to, LocalDate cFrom, LocalDate cTo) {
        Period p = Period.parse(spec, ANCHOR);
        assertEquals(from, p.from());
        assertEquals(to, p.to());
        Period c = p.comparison(vs);
        assertEquals(cFrom, c.from());
        assertEquals(cTo, c.to());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "last-week|expected last-7d, last-28d, last-90d (any last-Nd), this-month, YYYY-MM or YYYY-MM-DD..YYYY-MM-DD, found \"last-week\"",
        "last-0d|expected at least one day, found \"last-0d\"",
        "2026-13|\"2026-13\" is no month; expected YYYY-MM, e.g. 2026-11",
        "2026-11-30..2026-11-01|the period ends (2026-11-01) before it starts (2026-11-30)",
    })
    void badPeriodsSayWhatIsExpected(String spec, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Period.parse(spec, ANCHOR)).getMessage());
    }

    @ParameterizedTest
    @CsvSource({"last-28d, 2026-10-24T00:00:00Z, true", "last-28d, 2026-10-23T23:59:59Z, false",
        "last-28d, 2026-11-20T23:59:59Z, true", "last-28d, 2026-11-21T00:00:00Z, false"})
    void periodsHoldWholeUtcDays(String spec, java.time.Instant t, boolean inside) {
        assertEquals(inside, Period.parse(spec, ANCHOR).contains(t));
    }
}
