package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.model.Dataset;
import savescope.model.SourceReport;

/** Several inputs are read side by side, yet the result, the progress and the error are those of reading in order. */
class LoaderManyFilesTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void theFirstBadFileInTheGivenOrderIsTheOneReported() throws Exception {
        Path empty = write("a-empty.csv", "");
        Path noMetric = write("b-nometric.csv", "title,colour\nx,red\n");
        String first = assertThrows(InputException.class,
                () -> Loader.load(List.of(empty, noMetric), Loader.Options.defaults())).getMessage();
        assertTrue(first.startsWith(empty + ": the file is empty"), first);
        String swapped = assertThrows(InputException.class,
                () -> Loader.load(List.of(noMetric, empty), Loader.Options.defaults())).getMessage();
        assertTrue(swapped.startsWith(noMetric + ": found the columns"), swapped);
    }

    @Test
    void filesJoinInTheGivenOrderAndProgressOnlyGoesForward() throws Exception {
        String header = "video_id,title,post_time,content_type,duration_s,views,likes,comments,shares,saves\n";
        Path one = write("one.csv", header + "1,First,2026-01-01T10:00:00Z,tutorial,30,100,10,1,1,5\n"
                + "2,Second,2026-01-02T10:00:00Z,comedy,20,200,20,2,2,4\n");
        Path two = write("two.csv", header + "3,Third,2026-01-03T10:00:00Z,recipe,40,300,30,3,3,9\n");
        StringBuilder dailyText = new StringBuilder("video_id,date,views,likes,comments,shares,saves\n");
        for (int d = 1; d <= 20; d++) {
            dailyText.append("1,2026-01-").append(String.format("%02d", d)).append(",5,1,0,0,1\n");
        }
        Path daily = write("daily.csv", dailyText.toString());
        long total = Files.size(one) + Files.size(two) + Files.size(daily);
        List<long[]> calls = new ArrayList<>();
        Loader.Options options = Loader.Options.defaults().withProgress((read, all) -> {
            synchronized (calls) {
                calls.add(new long[] {read, all});
            }
        });
        Dataset data = Loader.load(List.of(two, daily, one), options);
        // Rows in the order of the files given: two.csv's video first, then one.csv's.
        assertEquals(List.of("3", "1", "2"), data.videos().stringColumn("video_id").asList());
        assertEquals(20, data.daily().rowCount());
        assertEquals(3, data.load().sources().size());
        assertEquals(List.of(two.toString(), daily.toString(), one.toString()),
                data.load().sources().stream().map(SourceReport::file).toList());
        long last = -1;
        for (long[] c : calls) {
            assertTrue(c[0] >= last, "progress went back from " + last + " to " + c[0]);
            assertEquals(total, c[1]);
            last = c[0];
        }
        assertEquals(total, last, "the last report counts every byte");
    }
}
