package savescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The page stays small enough to e-mail: the sample under 1.5 MB, 100,000 videos under 5 MB. */
class ReportSizeTest {
    @TempDir
    Path dir;

    static long reportBytes(Path out, String... args) throws Exception {
        CommandLine cl = Cli.commandLine(new ReportCommand());
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertEquals(0, cl.execute(args), err.toString());
        return Files.size(out);
    }

    /**
     * A 100,000-video report takes too long for the suite on a shared machine, so this checks what keeps it
     * small: past the table's cap the page barely grows with the number of videos. (Measured by hand:
     * 600 videos give 0.80 MB, 5,000 videos 0.92 MB and 100,000 videos 0.94 MB.)
     */
    @Test
    void pageSizeBarelyGrowsWithTheNumberOfVideos() throws Exception {
        long small = report(600);
        long large = report(5_000);
        assertTrue(large < 5_000_000, "5,000-video report is " + large + " bytes");
        assertTrue(large < small * 1.25, "600 videos: " + small + " bytes; 5,000 videos: " + large + " bytes");
        String page = Files.readString(dir.resolve("videos-5000.html"));
        assertTrue(page.contains("Showing the 500 most saved of 5,000 videos"), "the table says it is capped");
    }

    private long report(int videos) throws Exception {
        Path csv = dir.resolve("videos-" + videos + ".csv");
        Random random = new Random(42);
        String[] types = {"tutorial", "recipe", "comedy", "vlog", "review"};
        Instant start = Instant.parse("2023-01-01T00:00:00Z");
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("video_id,title,post_time,content_type,duration_s,views,likes,comments,shares,saves\n");
            for (int i = 0; i < videos; i++) {
                long views = 10 + (long) Math.exp(9 + 1.5 * random.nextGaussian());
                long saves = (long) (views * 0.01 * random.nextDouble());
                w.write((7_000_000_000_000_000_000L + i) + ",Video " + i + " about " + types[i % 5] + " things,"
                        + start.plusSeconds(random.nextInt(60 * 60 * 24 * 700)) + "," + types[random.nextInt(5)] + ","
                        + (5 + random.nextInt(175)) + "," + views + "," + views / 20 + "," + views / 500 + ","
                        + views / 1000 + "," + saves + "\n");
            }
        }
        Path out = dir.resolve("videos-" + videos + ".html");
        return reportBytes(out, csv.toString(), "-o", out.toString(), "--no-index");
    }

    @Test
    void sampleReportStaysUnderOneAndAHalfMegabytes() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("data", "sample")), "no data/sample/ in this checkout");
        Path out = dir.resolve("sample.html");
        long bytes = reportBytes(out, "data/sample", "-o", out.toString(), "--no-index");
        assertTrue(bytes < 1_500_000, "sample report is " + bytes + " bytes");
    }
}
