package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which id cells a spreadsheet rounded, and which video a link names. */
class VideoIdsTest {

    @ParameterizedTest(name = "\"{0}\" is kind {1}")
    @CsvSource(delimiter = '|', value = {
        "7,42E+18|3",               // a decimal-comma spreadsheet's scientific notation
        "7,4E+18|3",
        "7.42e18|3",
        "7.37023E+18|3",
        "7,37023E+18|3",
        "7.502050730354789e+18|3",  // a float printed in full is still rounded
        "7420000000000000000|3",    // sixteen zeros: a real id does that once in 10^16
        "7502050641603280000|2",    // four zeros: 15 significant digits, or a real id (1 in 10,000)
        "7502050641603284245|1",
        "17912345678901234|1",      // an Instagram post id
        "C8xYz_AbCdE|1",
        "''|0",
    })
    void tellsRoundedIdsFromRealOnes(String cell, int kind) {
        assertEquals(kind, VideoIds.kind(VideoIds.digitsOf(cell)));
    }

    @Test
    void groupedAndPointZeroIdsBecomeDigits() {
        assertEquals("7502050641603280000", VideoIds.digitsOf("7,502,050,641,603,280,000"));
        assertEquals("7502050641603284245", VideoIds.digitsOf("7502050641603284245.0"));
        assertEquals("7.42E+18", VideoIds.digitsOf("7.42E+18"));
    }

    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource(delimiter = '|', value = {
        "https://www.tiktok.com/@demo.cook/video/7420000000000000101|7420000000000000101",
        "https://www.tiktok.com/@demo.cook/video/7420000000000000101?is_from_webapp=1|7420000000000000101",
        "https://www.tiktok.com/@demo.cook/photo/7400000000000000303|7400000000000000303",
        "https://www.instagram.com/p/C8xYz_AbCdE/|C8xYz_AbCdE",
        "https://www.instagram.com/reel/C9aBc-DeFgH/|C9aBc-DeFgH",
        "https://www.instagram.com/demo.ig/reel/C9aBc-DeFgH/|C9aBc-DeFgH",
    })
    void readsTheVideoALinkNames(String link, String video) {
        assertEquals(video, VideoIds.ofLink(link));
    }

    @Test
    void shortLinksNameNoVideo() {
        assertNull(VideoIds.ofLink("https://vm.tiktok.com/ZMabc123/"));
        assertNull(VideoIds.ofLink("https://www.tiktok.com/@demo.cook"));
        assertNull(VideoIds.ofLink(""));
    }

    @Test
    void aColumnIsRoundedWhenItsZeroEndingIdsAreFarAboveChance() {
        // A real id ends in four zeros one time in 10,000: 92 of a million is chance, 3 of 3 is not.
        assertFalse(VideoIds.roundedColumn(92, 1_000_000));
        assertTrue(VideoIds.roundedColumn(3, 3));
        assertFalse(VideoIds.roundedColumn(2, 2));
        assertTrue(VideoIds.roundedColumn(10_000, 1_000_000));
    }
}
