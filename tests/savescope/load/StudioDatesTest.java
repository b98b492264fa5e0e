package savescope.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.text.Normalizer;
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

    @ParameterizedTest(name = "\"{0}\" is {3}-{1}-{2}")
    @CsvSource(delimiter = '|', value = {
        // The full Vietnamese date: "năm" (year) after a month of one word or of two.
        "18 tháng 6 năm 2024|6|18|2024",
        "ngày 18 tháng Sáu năm 2025|6|18|2025",
        "NGÀY 18 THÁNG SÁU NĂM 2025|6|18|2025",
        "1 tháng Mười Một năm 2023|11|1|2023",
        "1 tháng mười hai năm 2023|12|1|2023",
        "2 tháng mười năm 2023|10|2|2023",
        "ngày 5 tháng 3, 2024|3|5|2024",
    })
    void readsTheVietnameseYearAfterTheMonth(String raw, int month, int day, int year) {
        assertEquals(new StudioDates.Parsed(year, month, day), StudioDates.parse(raw));
    }

    @Test
    void readsNoBreakSpacesAndDecomposedAccents() {
        // No-break (U+00A0), narrow no-break (U+202F) and thin (U+2009) spaces, inside and around the date.
        assertEquals(new StudioDates.Parsed(0, 6, 18), StudioDates.parse("18\u00a0tháng\u00a0Sáu"));
        assertEquals(new StudioDates.Parsed(0, 3, 5), StudioDates.parse("ngày\u202f5\u202ftháng\u20093"));
        assertEquals(new StudioDates.Parsed(0, 9, 16), StudioDates.parse("\u00a09\u00a0月\u00a016\u00a0日\u00a0"));
        assertEquals(new StudioDates.Parsed(0, 8, 28), StudioDates.parse("\u00a028 août\u00a0"));
        // The same words with their accents as separate combining marks (NFD), as some Mac tools write them.
        String[][] decomposed = {{"ngày 18 tháng Sáu", "6", "18"}, {"NGÀY 2 THÁNG MƯỜI HAI", "12", "2"},
            {"3 août", "8", "3"}, {"3 de março", "3", "3"}, {"jänner 3", "1", "3"}};
        for (String[] d : decomposed) {
            String nfd = Normalizer.normalize(d[0], Normalizer.Form.NFD);
            assertNotEquals(d[0], nfd, "the test text has accents to decompose");
            assertEquals(new StudioDates.Parsed(0, Integer.parseInt(d[1]), Integer.parseInt(d[2])),
                    StudioDates.parse(nfd), "decomposed " + d[0]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Someday 12", "31 February", "2024-09-09", "12", "Mar", "18 tháng 6 ngày 2024",
        "31 tháng Tư", "5 tháng mười ba", "\u00a0", "ngày"})
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
