package savescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A creator's hand-kept sheet without video ids, saved over the same name every week and imported each time: the
 * report counts each video once, with the latest week's counts, and the gain since the last import per video.
 */
class WeeklySheetTest {
    @TempDir
    Path dir;

    /** The public hand-kept sheet (tests/fixtures/public/SOURCES.md) and the same sheet a week later. */
    static final Path WEEK1 = Path.of("tests", "fixtures", "public", "handcopied-studio-content.csv");
    static final Path WEEK2 = Path.of("tests", "fixtures", "history", "handcopied-studio-content-week2.csv");

    /** {@code Content.csv} in folder {@code week}, as saved at {@code savedAt}. */
    private Path sheet(String week, Path from, String savedAt) throws Exception {
        Path file = Files.createDirectories(dir.resolve(week)).resolve("Content.csv");
        Files.copy(from, file);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(savedAt)));
        return file;
    }

    private JsonNode report(String name, String... args) throws Exception {
        Path json = dir.resolve(name + ".json");
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("-o",
                dir.resolve(name + ".html").toString(), "--json", json.toString(), "--no-index")).toArray(String[]::new);
        var r = ReportCommandTest.run(all);
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(json.toFile());
    }

    /** Sums of the week-2 sheet by a Python csv.DictReader: 105 rows, 8,896,674 views, 30,989 saves. */
    private static void assertWeek2Totals(JsonNode root) {
        JsonNode totals = root.path("totals");
        assertEquals(105, totals.path("videos").asLong(), totals.toString());
        assertEquals(8_896_674, totals.path("views").asLong());
        assertEquals(361_728, totals.path("likes").asLong());
        assertEquals(3_609, totals.path("comments").asLong());
        assertEquals(5_093, totals.path("shares").asLong());
        assertEquals(30_989, totals.path("saves").asLong());
    }

    @Test
    void twoWeeksOfTheSheetReadTogetherAreItsVideosOnceWithTheLaterCounts() throws Exception {
        Path week1 = sheet("week1", WEEK1, "2024-12-27T18:00:00Z");
        Path week2 = sheet("week2", WEEK2, "2025-01-03T18:00:00Z");
        assertWeek2Totals(report("plain", week1.toString(), week2.toString()));
        assertWeek2Totals(report("reversed", week2.toString(), week1.toString()));
    }

    @Test
    void importedWeekByWeekTheHistoryCountsEachVideoOnceAndTheSavesGainedPerVideo() throws Exception {
        Path history = dir.resolve("history");
        Path week1 = sheet("week1", WEEK1, "2024-12-27T18:00:00Z");
        Path week2 = sheet("week2", WEEK2, "2025-01-03T18:00:00Z");
        var first = ImportCommandTest.importing(week1.toString(), "--history", history.toString(), "--imported-at",
                "2024-12-27T19:00:00Z");
        assertEquals(0, first.code(), first.err());
        var second = ImportCommandTest.importing(week2.toString(), "--history", history.toString(), "--imported-at",
                "2025-01-03T19:00:00Z");
        assertEquals(0, second.code(), second.err());
        JsonNode root = report("history", "--history", history.toString());
        assertWeek2Totals(root);
        // 35 videos gained 7 saves each: 30,989 - 30,744 = 245; none is new.
        JsonNode gain = root.path("saves_since_last_import");
        assertEquals(245, gain.path("saves_gained").asLong(), gain.toString());
        assertEquals(35, gain.path("videos_gaining").asLong());
        assertEquals(0, gain.path("videos_first_seen").asLong());
        assertEquals(0, gain.path("videos_without_id_left_out").asLong());
        String headline = root.path("findings").get(0).path("headline").asText();
        assertTrue(headline.startsWith("Saves gained since the last import (27 Dec 2024): +245"), headline);
    }
}
