package savescope.load;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VideoMergeTest {
    @Test
    void distinctNumericIdsNeedNoGrouping() {
        boolean[] real = {true, true, true};
        assertTrue(VideoMerge.distinctNumbers(List.of("7300000000000000001", "12", "9999999999999999999"), real));
    }

    @Test
    void aRepeatedIdOrAnyIdThatIsNoPlainNumberGoesToTheExactGrouping() {
        boolean[] real = {true, true, true};
        assertFalse(VideoMerge.distinctNumbers(List.of("5", "6", "5"), real));
        // "012" and "12" are different ids but the same number: only the exact grouping may tell them apart.
        assertFalse(VideoMerge.distinctNumbers(List.of("012", "12", "7"), real));
        assertFalse(VideoMerge.distinctNumbers(List.of("1", "v-2", "3"), real));
        assertFalse(VideoMerge.distinctNumbers(List.of("1", "12345678901234567890", "3"), real));
        assertFalse(VideoMerge.distinctNumbers(List.of("1", "", "3"), real));
    }

    @Test
    void rowsWithoutARealIdAreNeverCompared() {
        // The repeated "5" and the text id are fallback ids, never merged: nothing to group.
        assertTrue(VideoMerge.distinctNumbers(List.of("5", "5", "file.csv#3", "7"), new boolean[] {true, false, false, true}));
    }
}
