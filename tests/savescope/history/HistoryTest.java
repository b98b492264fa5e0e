package savescope.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.load.InputException;
import savescope.load.Loader;

class HistoryTest {
    static final Path SAMPLE = Path.of("data/sample");
    static final Instant FIRST = Instant.parse("2026-11-06T12:00:00Z");
    static final Instant SECOND = Instant.parse("2026-11-20T12:00:00Z");

    @TempDir
    Path dir;

    private static List<Path> objects(Path history) throws Exception {
        try (Stream<Path> s = Files.list(history.resolve("objects"))) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static long exportFiles() throws Exception {
        try (Stream<Path> s = Files.walk(SAMPLE)) {
            return s.filter(Files::isRegularFile).filter(Loader::isDataFile).count();
        }
    }

    @Test
    void importingTheSampleTwiceKeepsEachFileOnce() throws Exception {
        History h = new History(dir);
        Manifest.Import first = h.importFiles(List.of(SAMPLE), Loader.Options.defaults(), FIRST);
        Manifest.Import second = h.importFiles(List.of(SAMPLE), Loader.Options.defaults(), SECOND);
        long files = exportFiles();
        assertEquals(9, files, "the sample's export files: 4 ZIPs, videos.csv, daily.csv, comments.json, 2 snapshots");
        assertEquals(files, first.files().size());
        assertTrue(first.files().stream().allMatch(Manifest.Entry::added));
        assertEquals(files, second.files().size());
        assertTrue(second.files().stream().noneMatch(Manifest.Entry::added), "the second import adds nothing");
        assertEquals(files, objects(dir).size(), "one object per content");
        assertEquals(2, h.manifest().imports().size());
        assertEquals(files, h.storedFiles().size());
    }

    @Test
    void objectsAreNamedByTheSha256OfTheirContentAndKeepOriginalsByteForByte() throws Exception {
        History h = new History(dir);
        h.importFiles(List.of(SAMPLE), Loader.Options.defaults(), FIRST);
        for (Path object : objects(dir)) {
            byte[] bytes = Files.readAllBytes(object);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertEquals(sha, object.getFileName().toString().replaceAll("\\..*$", ""), object.toString());
            assertFalse(Files.isWritable(object) && !"root".equals(System.getProperty("user.name")),
                    "objects are read-only");
        }
        Manifest.Entry videos = h.manifest().imports().get(0).files().stream()
                .filter(e -> e.name().equals("sample/videos.csv")).findFirst().orElseThrow();
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(SAMPLE.resolve("videos.csv")),
                Files.readAllBytes(dir.resolve(videos.object()))), "a non-comment export is kept as it was");
        assertEquals(Files.getLastModifiedTime(SAMPLE.resolve("videos.csv")).toInstant(), videos.modified());
    }

    @Test
    void commentExportsAreKeptWithoutCommenterNamesAndIds() throws Exception {
        History h = new History(dir);
        h.importFiles(List.of(SAMPLE.resolve("comments.json"), SAMPLE.resolve("videos.csv")), Loader.Options.defaults(),
                FIRST);
        Manifest.Entry comments = h.manifest().imports().get(0).files().get(0);
        assertTrue(comments.authorsRemoved());
        String original = Files.readString(SAMPLE.resolve("comments.json"));
        String kept = Files.readString(dir.resolve(comments.object()));
        // The sample's comments carry "user": {"unique_id", "nickname"} on each of its 500 comments.
        assertTrue(original.contains("\"unique_id\"") && original.contains("\"nickname\""));
        assertFalse(kept.contains("unique_id") || kept.contains("nickname") || kept.contains("\"user\""), kept.substring(0, 300));
        assertEquals(500, kept.split("\"cid\"", -1).length - 1, "every comment kept");
        assertTrue(kept.contains("\"text\"") && kept.contains("\"aweme_id\"") && kept.contains("\"digg_count\""));
    }

    @Test
    void commentCsvLosesItsAuthorColumnsOnly() {
        String csv = "video_id;text;user_name;Author ID;likes\n1;\"nice; saved\";ada;42;3\n";
        assertEquals("video_id;text;likes\r\n1;\"nice; saved\";3\r\n", CommentAuthors.removeFromCsv(csv));
    }

    @Test
    void badInputNeverEntersTheHistory() throws Exception {
        History h = new History(dir);
        h.importFiles(List.of(SAMPLE.resolve("videos.csv")), Loader.Options.defaults(), FIRST);
        String manifest = Files.readString(dir.resolve("manifest.json"));
        Path bad = dir.resolveSibling(dir.getFileName() + "-bad.csv");
        Files.writeString(bad, "name,colour\nAda,blue\n");
        try {
            assertThrows(InputException.class,
                    () -> h.importFiles(List.of(SAMPLE.resolve("daily.csv"), bad), Loader.Options.defaults(), SECOND));
        } finally {
            Files.delete(bad);
        }
        assertEquals(manifest, Files.readString(dir.resolve("manifest.json")), "manifest unchanged");
        assertEquals(1, objects(dir).size(), "daily.csv, good on its own, was not stored either");
    }

    @Test
    void aDamagedObjectStopsTheImport() throws Exception {
        History h = new History(dir);
        h.importFiles(List.of(SAMPLE.resolve("videos.csv")), Loader.Options.defaults(), FIRST);
        Path object = objects(dir).get(0);
        object.toFile().setWritable(true);
        Files.writeString(object, Files.readString(object).replace("Add to Favorites", "Add to Favourites"),
                StandardCharsets.UTF_8);
        HistoryException e = assertThrows(HistoryException.class,
                () -> h.importFiles(List.of(SAMPLE.resolve("videos.csv")), Loader.Options.defaults(), SECOND));
        assertTrue(e.getMessage().contains("no longer matches its name"), e.getMessage());
    }

    @Test
    void savesGainedSinceTheLastImportComeFromTheTwoLatestImports() throws Exception {
        History h = new History(dir);
        h.importFiles(List.of(SAMPLE.resolve("snapshots")), Loader.Options.defaults(), FIRST);
        h.importFiles(List.of(SAMPLE.resolve("videos.csv")), Loader.Options.defaults(), SECOND);
        var now = Loader.loadStored(h.storedFiles(), Loader.Options.defaults());
        SavesSinceImport g = SavesSinceImport.of(h, Loader.Options.defaults(), now).orElseThrow();
        // Summed with a spreadsheet from the two files: "Add to Favorites" totals 113,353 in videos.csv (150 videos)
        // and 112,334 in snapshots/videos_2026-11-06.csv (146 videos): +1,019, 4 videos first seen.
        assertEquals(1019, g.gained());
        assertEquals(4, g.firstSeen());
        assertEquals(FIRST, g.since());
        assertTrue(g.headline().startsWith("Saves gained since the last import (6 Nov 2026): +1,019"), g.headline());
        assertFalse(g.top().isEmpty());
        long topSum = g.top().stream().mapToLong(SavesSinceImport.VideoGain::gained).sum();
        assertTrue(topSum * 2 >= g.gained(), "the videos named give at least half the gain");
    }

    @Test
    void oneImportHasNothingToCompareWith() throws Exception {
        History h = new History(dir);
        h.importFiles(List.of(SAMPLE), Loader.Options.defaults(), FIRST);
        h.importFiles(List.of(SAMPLE), Loader.Options.defaults(), SECOND);
        var now = Loader.loadStored(h.storedFiles(), Loader.Options.defaults());
        assertTrue(SavesSinceImport.of(h, Loader.Options.defaults(), now).isEmpty(),
                "the second import brought nothing new, so there is no earlier import with content to compare with");
    }

    @Test
    void defaultFolderFollowsEachSystemsConvention() {
        assertEquals(Path.of("/x/data/savescope"),
                HistoryFolder.defaultFolder("Linux", java.util.Map.of("XDG_DATA_HOME", "/x/data"), "/home/u"));
        assertEquals(Path.of("/home/u/.local/share/savescope"),
                HistoryFolder.defaultFolder("Linux", java.util.Map.of("XDG_DATA_HOME", "relative"), "/home/u"));
        assertEquals(Path.of("/Users/u/Library/Application Support/SaveScope"),
                HistoryFolder.defaultFolder("Mac OS X", java.util.Map.of(), "/Users/u"));
        assertEquals(Path.of("C:\\Users\\u\\AppData\\Local", "SaveScope"),
                HistoryFolder.defaultFolder("Windows 11", java.util.Map.of("LOCALAPPDATA", "C:\\Users\\u\\AppData\\Local"), "C:\\Users\\u"));
    }
}
