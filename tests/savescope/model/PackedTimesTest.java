package savescope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.columns.instant.PackedInstant;

class PackedTimesTest {
    /** Boundaries (the epoch and just before it, a leap day's last millisecond, a century) and random times. */
    private static List<Instant> times() {
        List<Instant> out = new ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochMilli(-1),
                Instant.parse("1969-12-31T23:59:59Z"), Instant.parse("2024-02-29T23:59:59.999Z"),
                Instant.parse("2100-03-01T00:00:00Z"), Instant.parse("2026-11-20T13:05:09.123456789Z"),
                Instant.parse("1900-01-01T00:00:00.5Z"), Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("0000-02-29T12:00:00Z"), Instant.parse("1600-02-29T23:59:59.999Z"),
                Instant.parse("1969-12-31T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999Z")));
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = 0; i < 2_000; i++) {
            // Any four-digit year, as a posting time may claim: days counted by arithmetic before 1970 too.
            out.add(Instant.ofEpochSecond(rnd.nextLong(-62_167_219_200L, 253_402_300_800L), rnd.nextInt(1_000_000_000)));
        }
        for (int i = 0; i < 20_000; i++) {
            long second = rnd.nextLong(-5_000_000_000L, 5_000_000_000L); // about 1811 to 2128
            out.add(Instant.ofEpochSecond(second, i % 3 == 0 ? 0 : rnd.nextInt(1_000_000_000)));
        }
        return out;
    }

    @Test
    void packsAsTablesawPacks() {
        for (Instant t : times()) {
            assertEquals(PackedInstant.pack(t), PackedTimes.pack(t), t.toString());
        }
        assertEquals(PackedInstant.pack((Instant) null), PackedTimes.pack(null));
    }

    @Test
    void readsBackWhatTheColumnGives() {
        InstantColumn column = InstantColumn.create("posted_at");
        List<Instant> times = times();
        for (Instant t : times) {
            column.append(t);
        }
        column.appendMissing();
        for (int i = 0; i < times.size(); i++) {
            Instant kept = column.get(i); // Tablesaw's own reading: the time to the millisecond
            assertEquals(kept, PackedTimes.instant(column, i), times.get(i).toString());
            assertEquals(kept.getEpochSecond(), PackedTimes.epochSecond(column, i));
            assertEquals(kept.toEpochMilli(), PackedTimes.epochMilli(column, i), times.get(i).toString());
        }
        int missing = times.size();
        assertEquals(null, PackedTimes.instant(column, missing));
        assertEquals(Long.MIN_VALUE, PackedTimes.epochSecond(column, missing));
        assertEquals(Long.MIN_VALUE, PackedTimes.epochMilli(column, missing));
    }
}
