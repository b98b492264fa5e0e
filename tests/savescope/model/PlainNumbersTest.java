package savescope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlainNumbersTest {
    @Test
    void plainNumbersAreOneToNineteenDigitsWithoutALeadingZero() {
        for (String yes : List.of("0", "7", "7600000000000000001", "9223372036854775807", "9223372036854775808",
                "9999999999999999999")) {
            assertTrue(PlainNumbers.is(yes), yes);
            // The bits are the number's unsigned 64 bits, as the library reads them.
            assertEquals(Long.parseUnsignedLong(yes), PlainNumbers.bits(yes), yes);
        }
        assertEquals(Long.MIN_VALUE, PlainNumbers.bits("9223372036854775808"));
        for (String no : List.of("", "0123", "00", "10000000000000000000", "99999999999999999999", "12a", "-1", "+1",
                " 1", "1 ", "１２", "1.0", "1e3")) {
            assertFalse(PlainNumbers.is(no), no);
        }
    }
}
