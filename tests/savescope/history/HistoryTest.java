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
        Manifest.Import first = h.importFiles(List.of(SAMPLE), Reading.NONE, FIRST);
        Manifest.Import second = h.importFiles(List.of(SAMPLE), Reading.NONE, SECOND);
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
    void aHistoryReadsAFoldersFilesInTheFoldersNumericNameOrder() throws Exception {
        // Two weekly sheets without dates in their names and one modification time (a git checkout): the one read
        // last is the newest, week 10 as the folder is read, and so from the history it was imported into.
        Path weeks = Files.createDirectories(dir.resolve("in").resolve("weeks"));
        String head = "video_id,title,views,saves\n";
        Files.writeString(weeks.resolve("week 9.csv"), head + "7400000000000000001,A,100,1\n7400000000000000002,B,200,2\n");
        Files.writeString(weeks.resolve("week 10.csv"), head + "7400000000000000001,A,150,5\n7400000000000000002,B,260,9\n");
        for (Path f : List.of(weeks.resolve("week 9.csv"), weeks.resolve("week 10.csv"))) {
            Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.from(FIRST));
        }
        var folder = Loader.load(List.of(weeks), Loader.Options.defaults());
        assertEquals(410, (long) folder.videos().longColumn("views").sum(), "week 10's 150 + 260");
        History h = new History(dir.resolve("history"));
        h.importFiles(List.of(weeks), Reading.NONE, SECOND);
        assertEquals(List.of("weeks/week 9.csv", "weeks/week 10.csv"),
                h.storedFiles().stream().map(f -> f.name().toString()).toList());
        var stored = Loader.loadStored(h.storedFiles(), Loader.Options.defaults());
        assertEquals(410, (long) stored.videos().longColumn("views").sum());
        assertEquals(14, (long) stored.videos().longColumn("saves").sum());
    }

    @Test
    void objectsAreNamedByTheSha256OfTheirContentAndKeepOriginalsByteForByte() throws Exception {
        History h = new History(dir);
        h.importFiles(List.of(SAMPLE), Reading.NONE, FIRST);
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
        h.importFiles(List.of(SAMPLE.resolve("comments.json"), SAMPLE.resolve("videos.csv")), Reading.NONE,
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
        h.importFiles(List.of(SAMPLE.resolve("videos.csv")), Reading.NONE, FIRST);
        String manifest = Files.readString(dir.resolve("manifest.json"));
        Path bad = dir.resolveSibling(dir.getFileName() + "-bad.csv");
        Files.writeString(bad, "name,colour\nAda,blue\n");
        try {
            assertThrows(InputException.class,
                    () -> h.importFiles(List.of(SAMPLE.resolve("daily.csv"), bad), Reading.NONE, SECOND));
        } finally {
            Files.delete(bad);
        }
        assertEquals(manifest, Files.readString(dir.resolve("manifest.json")), "manifest unchanged");
        assertEquals(1, objects(dir).size(), "daily.csv, good on its own, was not stored either");
    }

    @Test
    void aDamagedObjectStopsTheImport() throws Exception {
        History h = new History(dir);
        h.importFiles(List.of(SAMPLE.resolve("videos.csv")), Reading.NONE, FIRST);
        Path object = objects(dir).get(0);
        object.toFile().setWritable(true);
        Files.writeString(object, Files.readString(object).replace("Add to Favorites", "Add to Favourites"),
                StandardCharsets.UTF_8);
        // Another export does not repair it: the import stops. The same export puts the copy back.
        HistoryException e = assertThrows(HistoryException.class,
                () -> h.importFiles(List.of(SAMPLE.resolve("daily.csv")), Reading.NONE, SECOND));
        assertTrue(e.getMessage().contains("no longer matches its name"), e.getMessage());
        h.importFiles(List.of(SAMPLE.resolve("videos.csv")), Reading.NONE, SECOND);
        assertEquals(Files.readString(SAMPLE.resolve("videos.csv")), Files.readString(object));
        assertEquals("r--r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(object)), "read-only again");
    }

    @Test
    void theManifestKeepsItsPermissionsAcrossImports() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        History h = new History(dir);
        h.importFiles(List.of(SAMPLE.resolve("videos.csv")), Reading.NONE, FIRST);
        Path manifest = dir.resolve("manifest.json");
        // A history shared with a team: its owner opened it to the group.
        Files.setPosixFilePermissions(manifest, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        h.importFiles(List.of(SAMPLE.resolve("daily.csv")), Reading.NONE, SECOND);
        assertTrue(Files.readString(manifest).contains("daily.csv"), "the second import is in the manifest");
        assertEquals("rw-rw-r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(manifest)));
    }

    /** A report reads the stored copies: one changed after its import would change the numbers without a word. */
    @Test
    void aDamagedObjectStopsAReportOverTheHistory() throws Exception {
        History h = new History(dir);
        h.importFiles(List.of(SAMPLE.resolve("videos.csv")), Reading.NONE, FIRST);
        assertEquals(1, h.storedFiles().size());
        Path object = objects(dir).get(0);
        object.toFile().setWritable(true);
        Files.writeString(object, Files.readString(object).replaceFirst("611", "999"), StandardCharsets.UTF_8);
        HistoryException e = assertThrows(HistoryException.class, h::storedFiles);
        assertTrue(e.getMessage().contains("no longer matches its name") && e.getMessage().contains("videos.csv"),
                e.getMessage());
    }

    @Test
    void savesGainedSinceTheLastImportComeFromTheTwoLatestImports() throws Exception {
        History h = new History(dir);
        h.importFiles(List.of(SAMPLE.resolve("snapshots")), Reading.NONE, FIRST);
        h.importFiles(List.of(SAMPLE.resolve("videos.csv")), Reading.NONE, SECOND);
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

    /** {@code name} in its own folder {@code week} with {@code text}, saved at {@code savedAt}. */
    private Path sheet(String week, String name, String text, Instant savedAt) throws Exception {
        Path file = Files.createDirectories(dir.resolve("exports").resolve(week)).resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(savedAt));
        return file;
    }

    @Test
    void videosWithoutAnIdThatCannotBeToldApartAreLeftOutOfTheGainAndSaidSo() throws Exception {
        String header = "Video title,Post time,Video views,Saves\n";
        Path week1 = sheet("w1", "sheet.csv", header + "Recipe,2026-10-20 10:00,100,1\nRecipe,2026-10-20 10:00,200,2\n"
                + "Other,2026-10-21 09:00,50,1\n", FIRST.minusSeconds(3600));
        Path week2 = sheet("w2", "sheet.csv", header + "Recipe,2026-10-20 10:00,120,3\nRecipe,2026-10-20 10:00,230,4\n"
                + "Other,2026-10-21 09:00,80,4\nNew,2026-11-18 09:00,10,5\n", SECOND.minusSeconds(3600));
        History h = new History(dir.resolve("history"));
        h.importFiles(List.of(week1), Reading.NONE, FIRST);
        h.importFiles(List.of(week2), Reading.NONE, SECOND);
        var now = h.load(Loader.Options.defaults());
        SavesSinceImport g = SavesSinceImport.of(h, Loader.Options.defaults(), now).orElseThrow();
        // "Other" gained 4 - 1 = 3; "New" is first seen with 5; which week-1 "Recipe" each week-2 one is cannot be
        // told (both posted 20 Oct 10:00), so the two week-2 rows are left out: +8, not +3 + 5 + 3 + 4.
        assertEquals(8, g.gained());
        assertEquals(2, g.videos());
        assertEquals(1, g.firstSeen());
        assertEquals(2, g.leftOut());
        assertEquals("Saves gained since the last import (6 Nov 2026): +8, most of them from one video; 2 videos "
                + "without a video id left out.", g.headline());
        assertTrue(g.detail().endsWith(" Left out: 2 videos without a video id that could not be told apart from "
                + "videos imported before (no posting time or title, or the same account, posting time and title as "
                + "another video), so whether their saves are new is unknown."), g.detail());
    }

    @Test
    void anOlderSheetImportedLateStillJoinsItsVideosWithoutIds() throws Exception {
        // The week-2 sheet is imported first, the week-1 sheet it grew from a week later: every video keeps its
        // week-2 counts, so nothing was gained, and no video is new.
        String header = "Video title,Post time,Video views,Saves\n";
        Path week2 = sheet("w2", "b.csv", header + "Bread,2026-10-20 10:00,300,9\nCake,2026-10-21 09:00,80,4\n",
                FIRST.minusSeconds(3600));
        Path week1 = sheet("w1", "a.csv", header + "Bread,2026-10-20 10:00,100,1\nCake,2026-10-21 09:00,50,2\n",
                FIRST.minusSeconds(8 * 86_400));
        History h = new History(dir.resolve("history"));
        h.importFiles(List.of(week2), Reading.NONE, FIRST);
        h.importFiles(List.of(week1), Reading.NONE, SECOND);
        var now = h.load(Loader.Options.defaults());
        assertEquals(2, now.videos().rowCount());
        assertEquals(13, (long) now.videos().longColumn("saves").sum(), "9 + 4, the later sheet's");
        SavesSinceImport g = SavesSinceImport.of(h, Loader.Options.defaults(), now).orElseThrow();
        assertEquals(0, g.gained());
        assertEquals(0, g.firstSeen());
        assertEquals(0, g.leftOut());
    }

    @Test
    void oneImportHasNothingToCompareWith() throws Exception {
        History h = new History(dir);
        h.importFiles(List.of(SAMPLE), Reading.NONE, FIRST);
        h.importFiles(List.of(SAMPLE), Reading.NONE, SECOND);
        var now = Loader.loadStored(h.storedFiles(), Loader.Options.defaults());
        assertTrue(SavesSinceImport.of(h, Loader.Options.defaults(), now).isEmpty(),
                "the second import brought nothing new, so there is no earlier import with content to compare with");
    }

    @Test
    void theManifestKeepsEachFilesMappingAndTheLatestGivenOneIsUsed() throws Exception {
        History h = new History(dir);
        Reading keeps = new Reading(java.util.Map.of("saves", "Keeps"), List.of("guide=#stepbystep"));
        Path file = Path.of("tests/fixtures/history/keeps.csv");
        h.importFiles(List.of(file), new Reading(java.util.Map.of("saves", "Likes"), List.of()), FIRST);
        h.importFiles(List.of(file), keeps, SECOND);
        h.importFiles(List.of(file), Reading.NONE, SECOND.plusSeconds(60));
        Manifest read = Manifest.parse(Files.readString(dir.resolve("manifest.json")), "manifest.json");
        assertEquals(keeps, read.imports().get(1).files().get(0).reading(), "written and read back");
        assertEquals(Reading.NONE, read.imports().get(2).files().get(0).reading());
        // The content is read with the latest mapping given for it, also in a report as of the first import.
        assertEquals(1, h.storedFiles().size());
        Loader.Options options = h.storedFiles(read, 1, Loader.Options.defaults()).get(0).options();
        assertEquals(java.util.Map.of("saves", "Keeps"), options.columnMap());
        // keeps.csv: Keeps 30 + 50 + 20.
        assertEquals(100L, h.load(Loader.Options.defaults()).videos().longColumn("saves").sum(), 0);
    }

    @Test
    void aReportsOwnMapFillsOnlyWhatTheImportLeftAlone() {
        Reading imported = new Reading(java.util.Map.of("saves", "Keeps"), List.of());
        Loader.Options report = new Loader.Options(new java.util.LinkedHashMap<>(java.util.Map.of(
                "saves", "Favs", "views", "Plays", "likes", "keeps")), savescope.load.ContentTypes.defaults());
        // saves stays with the import's column; views is added; likes would read the column saves reads, so not.
        assertEquals(java.util.Map.of("saves", "Keeps", "views", "Plays"), imported.over(report).columnMap());
        assertEquals(report, Reading.NONE.over(report));
    }

    @Test
    void aManifestWithAnUnknownFieldOrBadTypesIsRefusedNamingThePlace() {
        String entry = "{\"format\": \"savescope-history 1\", \"imports\": [{\"imported_at\": \"2026-11-06T12:00:00Z\", "
                + "\"files\": [{\"name\": \"a.csv\", \"sha256\": \"" + "a".repeat(64) + "\", \"object\": \"objects/"
                + "a".repeat(64) + ".csv\", \"modified\": \"2026-11-06T12:00:00Z\", ";
        HistoryException field = assertThrows(HistoryException.class,
                () -> Manifest.parse(entry + "\"map\": {\"savez\": \"Keeps\"}}]}]}", "m.json"));
        assertTrue(field.getMessage().startsWith("m.json: /imports/0/files/0/map: unknown field \"savez\"; expected one "
                + "of [video_id"), field.getMessage());
        HistoryException types = assertThrows(HistoryException.class,
                () -> Manifest.parse(entry + "\"types\": [\"guide\"]}]}]}", "m.json"));
        assertEquals("m.json: /imports/0/files/0/types: --types \"guide\": expected TYPE=#tag1,#tag2 (for example "
                + "tutorial=#howto,#tutorial).", types.getMessage());
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
