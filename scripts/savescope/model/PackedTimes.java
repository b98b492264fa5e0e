package savescope.model;

import java.time.Instant;
import java.time.LocalDate;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.instant.PackedInstant;
import tech.tablesaw.columns.times.PackedLocalTime;

/**
 * Posting times to and from the packed longs Tablesaw keeps in an {@link InstantColumn}, without the
 * date-time objects its own conversion makes per value (on Java 17 each builds a fresh set of UTC zone
 * rules): at a million videos those were some 250 MB of garbage per report. Equal to
 * {@link PackedInstant#pack} and {@link PackedInstant#asInstant} to the millisecond, as that column keeps.
 */
public final class PackedTimes {
    /** The packed value of a missing time, as Tablesaw writes it. */
    public static final long MISSING = PackedInstant.pack((Instant) null);

    private PackedTimes() {}

    /** The packed value of {@code t} (null: {@link #MISSING}). */
    public static long pack(Instant t) {
        if (t == null) {
            return MISSING;
        }
        long second = t.getEpochSecond();
        long day = Math.floorDiv(second, 86_400L);
        int secondOfDay = (int) Math.floorMod(second, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(day);
        int packedDate = PackedLocalDate.pack(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        int packedTime = PackedLocalTime.of(secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60,
                t.getNano() / 1_000_000);
        return PackedInstant.create(packedDate, packedTime);
    }

    /** Seconds since the epoch of row {@code row}'s time, or {@link Long#MIN_VALUE} when it is missing. */
    public static long epochSecond(InstantColumn column, int row) {
        long packed = column.getLongInternal(row);
        if (packed == MISSING) {
            return Long.MIN_VALUE;
        }
        int time = PackedInstant.time(packed);
        return PackedLocalDate.toEpochDay(PackedInstant.date(packed)) * 86_400L + PackedLocalTime.getSecondOfDay(time);
    }

    /** Milliseconds since the epoch of row {@code row}'s time, or {@link Long#MIN_VALUE} when it is missing. */
    public static long epochMilli(InstantColumn column, int row) {
        long second = epochSecond(column, row);
        if (second == Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        return second * 1000 + PackedLocalTime.getMillisecondOfDay(PackedInstant.time(column.getLongInternal(row))) % 1000;
    }

    /** Row {@code row}'s time, or null when it is missing. */
    public static Instant instant(InstantColumn column, int row) {
        long ms = epochMilli(column, row);
        return ms == Long.MIN_VALUE ? null : Instant.ofEpochMilli(ms);
    }
}
