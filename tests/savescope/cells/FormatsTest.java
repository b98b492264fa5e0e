package savescope.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FormatsTest {
    @Test
    void exactCountsByHand() {
        assertEquals("missing", Formats.exact(null));
        assertEquals("0", Formats.exact(0L));
        assertEquals("999", Formats.exact(999L));
        assertEquals("1,000", Formats.exact(1_000L));
        assertEquals("-1,000", Formats.exact(-1_000L));
        assertEquals("-999", Formats.exact(-999L));
        assertEquals("12,345", Formats.exact(12_345L));
        assertEquals("8,879,174", Formats.exact(8_879_174L));
        assertEquals("-9,223,372,036,854,775,808", Formats.exact(Long.MIN_VALUE));
        assertEquals("9,223,372,036,854,775,807", Formats.exact(Long.MAX_VALUE));
    }

    @Test
    void exactCountsAtEveryGroupBoundaryAreWhatTheFormatterWrites() {
        // Each power of ten and its neighbours, both signs, and the ends of the long range: where a group of three
        // digits starts or the sign meets the first group.
        long p = 1;
        for (int digits = 1; digits <= 19; digits++, p *= 10) {
            for (long d = -2; d <= 2; d++) {
                for (long n : new long[] {p + d, -p + d, -(p + d)}) {
                    assertEquals(String.format(Locale.ROOT, "%,d", n), Formats.exact(n), "n = " + n);
                }
            }
        }
        for (long n : new long[] {Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE, Long.MAX_VALUE - 1}) {
            assertEquals(String.format(Locale.ROOT, "%,d", n), Formats.exact(n), "n = " + n);
        }
    }

    @Test
    void exactCountsAreWhatTheFormatterWrites() {
        SplittableRandom rnd = new SplittableRandom(18);
        for (int i = 0; i < 20_000; i++) {
            // Every length of number, both signs, and the powers of ten where a group starts.
            long n = switch (i % 3) {
                case 0 -> rnd.nextLong();
                case 1 -> rnd.nextLong() >> rnd.nextInt(64);
                default -> (rnd.nextBoolean() ? 1 : -1) * (long) Math.pow(10, rnd.nextInt(19)) + rnd.nextInt(3) - 1;
            };
            assertEquals(String.format(Locale.ROOT, "%,d", n), Formats.exact(n), "n = " + n);
        }
    }
}
