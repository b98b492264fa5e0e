package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccountsTest {

    @Test
    void summaryPerAccountMostSavesFirst() {
        ContextFrames f = new ContextFrames();
        long[] lenaSaves = {20, 30, 40};
        for (int i = 0; i < 3; i++) {
            f.video("l" + i, "@lena", "2026-01-0" + (i + 1) + "T10:00:00Z", 1000L, lenaSaves[i], "");
            f.video("m" + i, "@max", "2026-02-0" + (i + 1) + "T10:00:00Z", 1000L, (long) (i + 1), "");
        }
        f.video("x", "@max", null, 0L, 0L, ""); // no views: not rated
        assertEquals(2, Accounts.count(f.videos()));
        List<Accounts.Summary> s = Accounts.summarize(f.videos());
        assertEquals("@lena", s.get(0).account());
        assertEquals(3, s.get(0).videos());
        assertEquals(90, s.get(0).saves());
        assertEquals(0.03, s.get(0).rate(), 1e-12);        // 90 / 3000
        assertEquals(0.03, s.get(0).medianRate(), 1e-12);  // median(2%, 3%, 4%)
        assertEquals("@max", s.get(1).account());
        assertEquals(0.002, s.get(1).rate(), 1e-12);       // 6 / 3000
        assertEquals("2026-02-01T10:00:00Z", s.get(1).first().toString());
        // Every @lena rate is above every @max rate: U = 9 of 9, the smallest two-sided p for 3 vs 3 (normal
        // approximation as commons-math computes it): z = (0 - 4.5)/sqrt(3*3*7/12) = -1.964, p = 0.0495.
        assertEquals(0.0495, s.get(0).pVsOthers(), 1e-3);
        assertTrue(s.get(0).pVsOthers() < 0.05);
    }
}
