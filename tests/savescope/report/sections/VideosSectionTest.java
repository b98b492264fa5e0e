package savescope.report.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import savescope.cells.TableView;
import savescope.metrics.Analytics;
import savescope.metrics.LocalAnalytics;
import savescope.model.Canonical;
import savescope.model.Dataset;
import savescope.model.LoadReport;
import tech.tablesaw.api.Table;

class VideosSectionTest {

    @Test
    void thePostedDayIsTheUtcDayOfTheInstantForEveryYear() {
        // Against parsing and formatting, for instants as Instant.toString writes them: whole seconds, fractions,
        // the day's first and last second, a leap day, and years a plain prefix cannot hold.
        for (String instant : List.of("2025-11-20T10:00:00Z", "2024-02-29T23:59:59.999Z", "2026-01-01T00:00:00Z",
                "1970-01-01T00:00:00.000001Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z",
                "-0001-06-15T12:00:00Z")) {
            java.time.Instant t = java.time.Instant.parse(instant);
            assertEquals(instant, t.toString());
            String expected = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd", java.util.Locale.ROOT)
                    .format(t.atOffset(java.time.ZoneOffset.UTC));
            assertEquals(expected, VideosSection.day(instant), instant);
        }
        assertEquals("+10000-01-01", VideosSection.day("+10000-01-01T00:00:00Z"));
        assertEquals("2025-11-20", VideosSection.day("2025-11-20T10:00:00Z"));
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
        Analytics data = LocalAnalytics.of(Dataset.ofVideos(v, new LoadReport(List.of(), List.of())));
        TableView t = VideosSection.table(data.topVideos(Canonical.SAVES, 2), 3, 2);
        assertEquals(2, t.rows().size());
        assertEquals("short", t.rows().get(0).get(0).text());
        assertEquals("middle", t.rows().get(1).get(0).text());
        assertEquals("Showing the 2 most saved of 3 videos; the full table is in the --data-dir export.", t.note());

        TableView all = VideosSection.table(data.topVideos(Canonical.SAVES, 10), 3, 10);
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
