package savescope.report.sections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import savescope.model.Canonical;
import savescope.cells.TableView;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

class VideosSectionTest {

    @Test
    void mostSavedMatchesAFullSortIncludingTiesAndMissing() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            int n = random.nextInt(60);
            LongColumn saves = LongColumn.create("saves");
            for (int i = 0; i < n; i++) {
                // Few distinct values, so ties are common; about one in six is missing.
                if (random.nextInt(6) == 0) {
                    saves.appendMissing();
                } else {
                    saves.append(random.nextInt(8));
                }
            }
            int cap = random.nextInt(n + 3);
            // The independent reference: every row sorted, most saved first, ties by row, missing last.
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingLong((Integer i) -> saves.isMissing(i) ? Long.MIN_VALUE : saves.getLong(i))
                            .reversed().thenComparing(i -> i))
                    .limit(cap).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, VideosSection.mostSaved(saves, cap), "n=" + n + " cap=" + cap);
        }
    }

    @Test
    void mostSavedByHand() {
        LongColumn saves = LongColumn.create("saves", new long[] {5, 9, 5, 1});
        saves.appendMissing();
        saves.append(9);
        // 9 (row 1), 9 (row 5), then 5 (row 0) before 5 (row 2).
        assertArrayEquals(new int[] {1, 5, 0}, VideosSection.mostSaved(saves, 3));
        // All six: ... 1 (row 3), missing (row 4) last.
        assertArrayEquals(new int[] {1, 5, 0, 2, 3, 4}, VideosSection.mostSaved(saves, 10));
    }

    @Test
    void shortenCutsOnCodePoints() {
        // 4 letters then emoji (each two UTF-16 chars): a cut at 6 code points keeps 5 and adds the ellipsis.
        String title = "abcd😀😀😀😀";
        String cut = VideosSection.shorten(title, 6);
        assertEquals("abcd😀…", cut);
        // A cut by chars (5 of them then the ellipsis) would have kept half of the first emoji: "abcd\uD83D…".
        assertEquals(title, VideosSection.shorten(title, 8));
        // Lone surrogates do not survive a UTF-8 round trip; whole code points do.
        assertEquals(cut, new String(cut.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Test
    void tableKeepsEmojiTitlesWholeAndSaysItIsCapped() {
        Table v = Canonical.emptyVideos("v");
        String longTitle = "🍰".repeat(100);
        addVideo(v, "a", longTitle, 10);
        addVideo(v, "b", "short", 30);
        addVideo(v, "c", "middle", 20);
        TableView t = VideosSection.table(v, 2);
        assertEquals(2, t.rows().size());
        assertEquals("short", t.rows().get(0).get(0).text());
        assertEquals("middle", t.rows().get(1).get(0).text());
        assertEquals("Showing the 2 most saved of 3 videos; the full table is in the --data-dir export.", t.note());

        TableView all = VideosSection.table(v, 10);
        String shown = all.rows().get(2).get(0).text();
        // 89 cakes and the ellipsis; every surrogate has its partner.
        assertEquals(90, shown.codePointCount(0, shown.length()));
        assertEquals("🍰".repeat(89) + "…", shown);
    }

    private static void addVideo(Table v, String id, String title, long saves) {
        for (var c : v.columns()) {
            String name = c.name();
            if (name.equals(Canonical.VIDEO_ID)) {
                v.stringColumn(name).append(id);
            } else if (name.equals(Canonical.TITLE)) {
                v.stringColumn(name).append(title);
            } else if (name.equals(Canonical.SAVES)) {
                v.longColumn(name).append(saves);
            } else if (name.equals(Canonical.VIEWS)) {
                v.longColumn(name).append(1000);
            } else {
                c.appendMissing();
            }
        }
    }
}
