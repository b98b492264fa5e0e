package savescope.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StudioDatesTest {

    @ParameterizedTest(name = "\"{0}\" is month {1}, day {2}")
    @CsvSource(delimiter = '|', value = {
        "September 25|9|25|0",
        "28 August|8|28|0",
        "Sept 25|9|25|0",
        "25 de septiembre|9|25|0",
        "3 de março|3|3|0",
        "25. September|9|25|0",
        "1. Mai|5|1|0",
        "25 septembre|9|25|0",
        "3 déc.|12|3|0",
        "18 tháng Sáu|6|18|0",
        "18 tháng 6|6|18|0",
        "2 tháng Mười Hai|12|2|0",
        "9月16日|9|16|0",
        "2024年9月16日|9|16|2024",
        "28 апреля|4|28|0",
        "September 25, 2024|9|25|2024",
    })
    void readsStudioDatesInTheInterfaceLanguage(String raw, int month, int day, int year) {
        assertEquals(new StudioDates.Parsed(year, month, day), StudioDates.parse(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Someday 12", "31 February", "2024-09-09", "12", "Mar"})
    void refusesWhatIsNotSuchADate(String raw) {
        assertNull(StudioDates.parse(raw));
    }

    @Test
    void seriesRollsBackAcrossNewYear() {
        StudioDates.Parsed[] rows = {StudioDates.parse("December 30"), StudioDates.parse("December 31"),
            StudioDates.parse("January 1"), StudioDates.parse("January 2")};
        LocalDate[] years = StudioDates.resolveSeries(rows, Instant.parse("2026-01-03T09:00:00Z"));
        assertArrayEquals(new LocalDate[] {LocalDate.of(2025, 12, 30), LocalDate.of(2025, 12, 31),
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2)}, years);
    }

    @Test
    void yearLongSeriesEndsNearTheExport() {
        // 365 days, November 19 to November 18, exported on 2026-11-20: starts in 2025.
        StudioDates.Parsed[] rows = new StudioDates.Parsed[365];
        LocalDate d = LocalDate.of(2025, 11, 19);
        for (int i = 0; i < rows.length; i++, d = d.plusDays(1)) {
            rows[i] = new StudioDates.Parsed(0, d.getMonthValue(), d.getDayOfMonth());
        }
        LocalDate[] years = StudioDates.resolveSeries(rows, Instant.parse("2026-11-20T09:00:00Z"));
        assertEquals(LocalDate.of(2025, 11, 19), years[0]);
        assertEquals(LocalDate.of(2026, 1, 1), years[43]);
        assertEquals(LocalDate.of(2026, 11, 18), years[364]);
    }

    @Test
    void postingDateIsTheLatestNotAfterTheExport() {
        Instant export = Instant.parse("2026-01-03T09:00:00Z");
        assertEquals(LocalDate.of(2025, 12, 28), StudioDates.latestNotAfter(StudioDates.parse("December 28"), export));
        assertEquals(LocalDate.of(2026, 1, 2), StudioDates.latestNotAfter(StudioDates.parse("January 2"), export));
    }
}
