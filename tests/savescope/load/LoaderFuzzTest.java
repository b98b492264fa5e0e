package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.model.Dataset;
import savescope.model.FieldGap;
import savescope.model.Rejection;
import savescope.model.SourceReport;

/**
 * Random bytes, random truncations and random byte flips of every fixture (seeded, bounded to a few seconds):
 * the loader either loads or stops with an {@link InputException}, and what it loads adds up.
 */
class LoaderFuzzTest {
    private static final long SEED = 20_261_128L;
    /** The same cases every run (fixed seed and count), so a failure repeats; a slow machine stops early. */
    private static final int CASES = 240;
    private static final long BUDGET_NANOS = 12_000_000_000L;
    /** Header names of the saves column in the CSV fixtures, listed here independently of the loader. */
    private static final Set<String> SAVES_HEADERS = Set.of("saves", "total saves", "add to favorites", "favorites",
            "stats.collectcount", "collectcount");
    /** Header names of the duration column in the CSV fixtures. */
    private static final Set<String> DURATION_HEADERS = Set.of("duration_s", "duration", "video.duration",
            "videometa.duration", "total video time");

    @TempDir
    Path tmp;

    @Test
    void mutatedFixturesLoadOrFailCleanlyAndTheirTotalsAddUp() throws IOException {
        List<Path> fixtures = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(LoaderFormatsTest.DIR)) {
            walk.filter(Files::isRegularFile).sorted().forEach(fixtures::add);
        }
        fixtures.add(Path.of("tests", "fixtures", "public", "handcopied-studio-content.csv"));
        fixtures.add(Path.of("tests", "fixtures", "public", "scraped-videos-nested.json"));
        Random rnd = new Random(SEED);
        long start = System.nanoTime();
        int cases = 0;
        int loaded = 0;
        int checkedTotals = 0;
        while (cases < CASES && (System.nanoTime() - start < BUDGET_NANOS || cases < fixtures.size() * 3)) {
            Path fixture = fixtures.get(cases % fixtures.size());
            byte[] original = Files.readAllBytes(fixture);
            int kind = (cases / fixtures.size()) % 3;
            byte[] bytes;
            String what;
            if (kind == 0) {
                int cut = rnd.nextInt(original.length + 1);
                bytes = java.util.Arrays.copyOf(original, cut);
                what = "cut at byte " + cut;
            } else if (kind == 1) {
                bytes = original.clone();
                int flips = 1 + rnd.nextInt(8);
                for (int i = 0; i < flips && bytes.length > 0; i++) {
                    bytes[rnd.nextInt(bytes.length)] = (byte) rnd.nextInt(256);
                }
                what = flips + " random bytes";
            } else {
                bytes = new byte[rnd.nextInt(2048)];
                rnd.nextBytes(bytes);
                what = "all random (" + bytes.length + " bytes)";
            }
            // Keep the file name: it tells the format and may carry the export time.
            Path dir = Files.createDirectories(tmp.resolve("case" + cases));
            Path file = dir.resolve(fixture.getFileName().toString());
            Files.write(file, bytes);
            String label = fixture + ", " + what + " (case " + cases + ", seed " + SEED + ")";
            try {
                Dataset d = Loader.load(List.of(file), Loader.Options.defaults());
                loaded++;
                checkCounts(d, label);
                if (kind == 0 && file.toString().endsWith(".csv") && d.load().rowsMerged() == 0
                        && d.load().sources().size() == 1 && d.load().sources().get(0).kind().equals(SourceReport.VIDEOS)) {
                    checkSavesTotal(d, bytes, label);
                    checkedTotals++;
                }
            } catch (InputException expected) {
                assertTrue(expected.getMessage().startsWith(file.toString()) || expected.getMessage().startsWith("["),
                        label + ": the message names the file: " + expected.getMessage());
            } catch (Throwable t) {
                java.io.StringWriter trace = new java.io.StringWriter();
                t.printStackTrace(new java.io.PrintWriter(trace));
                fail(label + ": unexpected " + t + "\n" + trace);
            }
            deleteTree(dir);
            cases++;
        }
        assertTrue(loaded > 0, "some mutations still load");
        assertTrue(checkedTotals > 0, "some totals were checked against the rows");
    }

    /**
     * Every row is used or rejected (listed, or counted past the listed ones), and the videos frame holds exactly
     * the used rows not merged away.
     */
    private static void checkCounts(Dataset d, String label) {
        long videoRowsUsed = 0;
        for (SourceReport s : d.load().sources()) {
            assertEquals(s.rowsRead(), s.rowsUsed() + s.rejections().size() + s.rejectionsNotListed(), label + ": " + s.file());
            if (s.kind().equals(SourceReport.VIDEOS)) {
                videoRowsUsed += s.rowsUsed();
            }
        }
        assertEquals(videoRowsUsed, d.videos().rowCount() + d.load().rowsMerged(), label);
    }

    /**
     * The loaded saves total equals the sum of the saves cells of the lines the loader did not reject, read
     * here with a small CSV splitter of its own; and every duration cell of those lines that holds something
     * either became a duration or is counted as left missing.
     */
    private static void checkSavesTotal(Dataset d, byte[] bytes, String label) throws BadValueException {
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
        String[] lines = text.split("\r?\n", -1);
        List<String> header = split(lines[0]);
        int savesAt = -1;
        int durationAt = -1;
        for (int i = 0; i < header.size(); i++) {
            if (SAVES_HEADERS.contains(header.get(i).strip().toLowerCase(Locale.ROOT))) {
                savesAt = i;
            }
            if (DURATION_HEADERS.contains(header.get(i).strip().toLowerCase(Locale.ROOT))) {
                durationAt = i;
            }
        }
        Set<Long> rejectedLines = new HashSet<>();
        for (Rejection r : d.load().rejections()) {
            rejectedLines.add(Long.parseLong(r.location().split(":")[0]));
        }
        long expected = 0;
        long durationCells = 0;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank() || rejectedLines.contains((long) i + 1) || savesAt < 0) {
                continue;
            }
            List<String> cells = split(lines[i]);
            OptionalLong v = Values.count(savesAt < cells.size() ? cells.get(savesAt) : null);
            expected += v.orElse(0);
            if (durationAt >= 0 && durationAt < cells.size() && !Values.isMissing(cells.get(durationAt))) {
                durationCells++;
            }
        }
        assertEquals(expected, (long) d.videos().longColumn("saves").sum(), label);
        if (durationAt >= 0) {
            long leftMissing = d.load().sources().get(0).fieldGaps().stream()
                    .filter(g -> g.field().equals("duration_s")).mapToLong(FieldGap::rows).sum();
            var read = d.videos().doubleColumn("duration_s");
            assertEquals(durationCells, read.size() - read.countMissing() + leftMissing, label + ": durations");
        }
    }

    /** Splits one CSV line (no line breaks inside quotes in these fixtures). */
    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
