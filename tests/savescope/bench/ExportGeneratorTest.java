package savescope.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void sameSpecGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws Exception {
        ExportGenerator.Spec spec = new ExportGenerator.Spec(300, 5, 7);
        Path[] a = ExportGenerator.write(spec, dir.resolve("a"));
        Path[] b = ExportGenerator.write(spec, dir.resolve("b"));
        Path[] c = ExportGenerator.write(new ExportGenerator.Spec(300, 5, 8), dir.resolve("c"));
        assertEquals(List.of("videos_300.csv", "daily_300_5.csv"),
                List.of(a[0].getFileName().toString(), a[1].getFileName().toString()));
        assertArrayEquals(Files.readAllBytes(a[0]), Files.readAllBytes(b[0]));
        assertArrayEquals(Files.readAllBytes(a[1]), Files.readAllBytes(b[1]));
        assertFalse(Files.readString(a[0]).equals(Files.readString(c[0])));
    }

    @Test
    void dailyIncrementsAddUpToEachVideosTotals() throws Exception {
        Path[] files = ExportGenerator.write(new ExportGenerator.Spec(200, 7, 3), dir);
        List<String> videos = Files.readAllLines(files[0]);
        List<String> daily = Files.readAllLines(files[1]);
        assertEquals("video_id,title,post_time,content_type,duration_s,views,likes,comments,shares,saves", videos.get(0));
        assertEquals("video_id,date,views,likes,comments,shares,saves", daily.get(0));
        assertEquals(201, videos.size());
        assertEquals(1 + 200 * 7, daily.size());
        Map<String, long[]> sums = new HashMap<>();
        for (String line : daily.subList(1, daily.size())) {
            String[] f = line.split(",");
            long[] s = sums.computeIfAbsent(f[0], k -> new long[5]);
            for (int m = 0; m < 5; m++) {
                s[m] += Long.parseLong(f[2 + m]);
            }
        }
        long totalSaves = 0;
        for (String line : videos.subList(1, videos.size())) {
            // The counts are the last five fields; titles may hold quoted commas, so count from the end.
            String[] f = line.split(",");
            long[] expected = new long[5];
            for (int m = 0; m < 5; m++) {
                expected[m] = Long.parseLong(f[f.length - 5 + m]);
            }
            assertArrayEquals(expected, sums.get(f[0]), "video " + f[0]);
            assertTrue(expected[4] <= expected[0], "saves cannot exceed views: " + line);
            totalSaves += expected[4];
        }
        assertTrue(totalSaves > 0);
    }

    @Test
    void allocationGivesLeftoverUnitsToLargestRemaindersEarlierDayFirst() {
        // 10 over three equal weights: 3.33 each, floors 3+3+3 = 9, the one unit left goes to day 0 (a tie).
        assertArrayEquals(new long[] {4, 3, 3}, ExportGenerator.allocate(10, new double[] {1, 1, 1}));
        // 7 over weights 1:2:4 -> exactly 1, 2, 4: nothing left over.
        assertArrayEquals(new long[] {1, 2, 4}, ExportGenerator.allocate(7, new double[] {1, 2, 4}));
        // 5 over 1:1:2 -> 1.25, 1.25, 2.5: floors 1+1+2 = 4; remainders .25 .25 .5, so day 2 gets the unit.
        assertArrayEquals(new long[] {1, 1, 3}, ExportGenerator.allocate(5, new double[] {1, 1, 2}));
    }

    @Test
    void binomialStaysWithinZeroAndN() {
        SplittableRandom rng = new SplittableRandom(1);
        assertEquals(0, ExportGenerator.binomial(rng, 0, 0.5));
        assertEquals(0, ExportGenerator.binomial(rng, 1000, 0));
        for (int k = 0; k < 1000; k++) {
            long small = ExportGenerator.binomial(rng, 10, 0.3);
            long large = ExportGenerator.binomial(rng, 1_000_000, 0.02);
            assertTrue(small >= 0 && small <= 10, "small " + small);
            assertTrue(large >= 0 && large <= 1_000_000, "large " + large);
        }
    }

    @Test
    void csvFieldsAreQuotedOnlyWhenNeeded() {
        StringBuilder b = new StringBuilder();
        ExportGenerator.csvField(b, "plain 🍲");
        b.append('|');
        ExportGenerator.csvField(b, "Ben & Jerry's, \"ranked\"");
        assertEquals("plain 🍲|\"Ben & Jerry's, \"\"ranked\"\"\"", b.toString());
    }
}
