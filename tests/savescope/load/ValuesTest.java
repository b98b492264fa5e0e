package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

    @ParameterizedTest(name = "\"{0}\" reads as {1}")
    @CsvSource(delimiter = '|', value = {
        "1234|1234",
        "'1,234'|1234",
        "1.234|1234",          // de/pt thousands separator: a count cannot have a fraction
        "1 234|1234",
        "1\u00a0234\u00a0567|1234567",
        "1.2K|1200",
        "1,5K|1500",
        "3.4M|3400000",
        "12k|12000",
        "343296.0|343296",
        "3.|3",
        "'1,234,567'|1234567",
        "1.234.567|1234567",
        "0|0",
        "1.2E+05|120000",
    })
    void readsCountsAsPeopleWriteThem(String raw, long expected) throws Exception {
        assertEquals(OptionalLong.of(expected), Values.count(raw));
    }

    @org.junit.jupiter.api.Test
    void groupedCountsWithDecimalsOrApostrophesAsSpreadsheetsWriteThem() throws Exception {
        // German and most of Europe: dots group, a comma starts the decimals; Switzerland: apostrophes group.
        assertEquals(OptionalLong.of(71_500), Values.count("71.500,00"));
        assertEquals(OptionalLong.of(2_700_000), Values.count("2.700.000,00"));
        assertEquals(OptionalLong.of(71_500), Values.count("71'500"));
        assertEquals(OptionalLong.of(1_234_567), Values.count("1’234’567"));
        assertEquals(OptionalLong.of(71_500), Values.count("71'500.00"));
        assertEquals(OptionalLong.of(71_500), Values.count("71,500.00"));
        assertEquals(OptionalLong.of(885), Values.count("885,00"));
        assertEquals("expected a whole count, found \"71.500,50\"",
                assertThrows(BadValueException.class, () -> Values.count("71.500,50")).getMessage());
        assertEquals("expected a number, found \"71'50\"",
                assertThrows(BadValueException.class, () -> Values.count("71'50")).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-", "undefined", "N/A", "null", "–"})
    void missingSpellingsAreMissingNotZero(String raw) throws Exception {
        assertTrue(Values.count(raw).isEmpty());
    }

    @ParameterizedTest(name = "\"{0}\" is rejected: {1}")
    @CsvSource(delimiter = '|', value = {
        "12a|expected a number, found \"12a\"",
        "-5|expected a count of zero or more, found a negative number \"-5\"",
        "12.5%|expected a count, found a percentage \"12.5%\"",
        "3.7|expected a whole count, found \"3.7\"",
    })
    void rejectsWhatIsNotACount(String raw, String message) {
        BadValueException e = assertThrows(BadValueException.class, () -> Values.count(raw));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
        "2024-09-09T10:15:30Z|2024-09-09T10:15:30Z",
        "2024-09-09T12:15:30+02:00|2024-09-09T10:15:30Z",
        "2024-09-09 10:15:30|2024-09-09T10:15:30Z",
        "2024-09-09 10:15|2024-09-09T10:15:00Z",
        "1716015035|2024-05-18T06:50:35Z",
        "1716015035000|2024-05-18T06:50:35Z",
        "09/09/24|2024-09-09T00:00:00Z",
        "2024-09-09|2024-09-09T00:00:00Z",
        "2024-02-29T23:59:59.5Z|2024-02-29T23:59:59.500Z",
        "2024-09-09T10:15:30-05:30|2024-09-09T15:45:30Z",
        "2024-10-01T10:00:00+0000|2024-10-01T10:00:00Z",
        "1900-03-01T00:00:00Z|1900-03-01T00:00:00Z",
    })
    void readsPostingTimes(String raw, String expected) throws Exception {
        assertEquals(Instant.parse(expected), Values.instant(raw));
    }

    @ParameterizedTest(name = "\"{0}\" is not a time")
    @ValueSource(strings = {"2023-02-29T10:00:00Z", "2024-13-01T00:00:00Z", "September 25", "2024-09-09T10:61:00Z"})
    void rejectsImpossibleTimes(String raw) {
        assertThrows(BadValueException.class, () -> Values.instant(raw));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0.59|0.59", "59%|0.59", "'59,5 %'|0.595"})
    void readsShares(String raw, double expected) throws Exception {
        assertEquals(expected, Values.share(raw).getAsDouble(), 1e-12);
    }

    /** The hand-written fast paths agree with java.time's own parsers on random valid and invalid cells. */
    @org.junit.jupiter.api.Test
    void fastTimeAndDatePathsAgreeWithJavaTime() throws Exception {
        java.util.Random random = new java.util.Random(11);
        String[] offsets = {"", "Z", "+00:00", "-04:00", "+05:30", "+14:00"};
        for (int k = 0; k < 5000; k++) {
            // Days up to 31 in every month make impossible dates too (2023-02-30), which both must refuse.
            String date = String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", 1900 + random.nextInt(200),
                    1 + random.nextInt(12), 1 + random.nextInt(31));
            String time = String.format(java.util.Locale.ROOT, "%02d:%02d", random.nextInt(24), random.nextInt(60))
                    + (random.nextBoolean() ? String.format(java.util.Locale.ROOT, ":%02d", random.nextInt(60)) : "")
                    + (random.nextInt(4) == 0 ? ".5" : "");
            String offset = offsets[random.nextInt(offsets.length)];
            String cell = date + "T" + time + offset;
            Instant expected;
            try {
                // "10:30.5" (a fraction without seconds) is no ISO time: java.time refuses it, as must the fast path.
                expected = offset.isEmpty() ? java.time.LocalDateTime.parse(cell).toInstant(java.time.ZoneOffset.UTC)
                        : java.time.OffsetDateTime.parse(cell).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                expected = null;
            }
            assertEquals(expected, Values.isoFast(cell), cell);
            java.time.LocalDate day;
            try {
                day = java.time.LocalDate.parse(date);
            } catch (java.time.format.DateTimeParseException e) {
                day = null;
            }
            assertEquals(day, Values.isoDateFast(date), date);
        }
    }

    @ParameterizedTest(name = "duration \"{0}\" is {1} s")
    @CsvSource(delimiter = '|', value = {
        "00:59|59",             // mm:ss, as a scraped feed writes it
        "0:59|59",
        "75:00|4500",           // minutes may run past an hour in m:ss
        "1:02:03|3723",         // 3600 + 120 + 3
        "1:05.5|65.5",
        "'1:05,5'|65.5",
        "59s|59",
        "1m 5s|65",
        "1m5s|65",
        "1 min 5 sec|65",
        "1h 2m|3720",
        "500ms|0.5",
        "PT1M5S|65",
        "PT59.5S|59.5",
        "pt1h|3600",
        "59|59",
        "59.0|59",
        "'59,5'|59.5",
        "0|0",
    })
    void readsDurationsAsPeopleWriteThem(String raw, double seconds) throws Exception {
        assertEquals(seconds, Values.duration(raw, false).getAsDouble(), 1e-9);
    }

    @ParameterizedTest(name = "duration \"{0}\" in a milliseconds column is {1} s")
    @CsvSource(delimiter = '|', value = {
        "15300|15.3",
        "15300.0|15.3",
        "0|0",
        "00:15|15",             // a clock, a unit or ISO-8601 says its own unit
        "15s|15",
        "PT15S|15",
    })
    void millisecondsApplyOnlyToPlainNumbers(String raw, double seconds) throws Exception {
        assertEquals(seconds, Values.duration(raw, true).getAsDouble(), 1e-9);
    }

    @ParameterizedTest(name = "duration \"{0}\" is rejected")
    @CsvSource(delimiter = '|', value = {
        "three minutes|expected a duration (seconds, mm:ss, h:mm:ss, 1m 5s or PT1M5S), found \"three minutes\"",
        "1:75|expected a duration (seconds, mm:ss, h:mm:ss, 1m 5s or PT1M5S), found \"1:75\"",
        "1:60:00|expected a duration (seconds, mm:ss, h:mm:ss, 1m 5s or PT1M5S), found \"1:60:00\"",
        "1m 2m|expected a duration (seconds, mm:ss, h:mm:ss, 1m 5s or PT1M5S), found \"1m 2m\"",
        "1.2K|expected a duration (seconds, mm:ss, h:mm:ss, 1m 5s or PT1M5S), found \"1.2K\"",
        "PT-5S|expected a duration (seconds, mm:ss, h:mm:ss, 1m 5s or PT1M5S), found \"PT-5S\"",
        "-5|expected a duration of zero or more, found a negative value \"-5\"",
    })
    void rejectsWhatIsNotADuration(String raw, String message) {
        assertEquals(message, assertThrows(BadValueException.class, () -> Values.duration(raw, false)).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "undefined", "N/A"})
    void missingDurationsAreMissing(String raw) throws Exception {
        assertTrue(Values.duration(raw, false).isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-03-01|2026-03-01", "' 2026/03/01 '|2026-03-01", "01/03/26|2026-03-01", "01.03.2026|2026-03-01",
            "01-03-26|2026-03-01", "November 19|", "Nov 19, 2026|", "'٠١/٠٣/٢٠٢٦'|", "x2026-03-01|", "''|"})
    void datesInEveryPatternAndNoneInWords(String cell, String expected) {
        assertEquals(expected == null ? null : java.time.LocalDate.parse(expected), Values.localDate(cell == null ? "" : cell));
    }
}
