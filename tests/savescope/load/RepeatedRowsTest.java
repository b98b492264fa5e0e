package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.model.Dataset;
import savescope.model.SourceReport;

/**
 * Rows without a video id that another file or sheet repeats in every field are the same videos read twice:
 * each is kept once, and the repeats are rejected naming the row they repeat.
 */
class RepeatedRowsTest {
    static {
        Loader.quietPoiLogging();
    }

    @TempDir
    Path dir;

    private static final Path PUBLIC_SHEET = Path.of("tests", "fixtures", "public", "handcopied-studio-content.csv");

    private static Dataset load(Path... paths) {
        return Loader.load(List.of(paths), Loader.Options.defaults());
    }

    private static long sum(Dataset d, String column) {
        return (long) d.videos().longColumn(column).sum();
    }

    private Path csv(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void aHandKeptSheetDownloadedTwiceIsReadOnce() throws Exception {
        // The browser's second download of the same file, byte for byte. The public sheet's sums, added up apart by
        // a Python csv.reader over it: 105 videos, 8,879,174 views, 30,744 saves.
        Path folder = Files.createDirectory(dir.resolve("downloads"));
        Files.copy(PUBLIC_SHEET, folder.resolve("Content.csv"));
        Files.copy(PUBLIC_SHEET, folder.resolve("Content (1).csv"));
        Dataset d = load(folder);
        assertEquals(105, d.videos().rowCount());
        assertEquals(8_879_174, sum(d, "views"));
        assertEquals(30_744, sum(d, "saves"));
        // The folder is read in name order: "Content (1).csv" comes first, so "Content.csv" repeats it.
        Path first = folder.resolve("Content (1).csv");
        Path second = folder.resolve("Content.csv");
        List<String> rejections = LoaderFormatsTest.rejections(d);
        assertEquals(105, rejections.size());
        assertEquals(second + ":2: the same row as " + first + ":2 in every field, without a video id: read once",
                rejections.get(0));
        assertEquals(second + ":106: the same row as " + first + ":106 in every field, without a video id: read once",
                rejections.get(104));
        assertEquals(List.of(second + ": 105 rows without a video id are the same in every field as rows of " + first
                + " (a video unchanged between two exports, or one export read twice); each video was read once, and the "
                + "repeats are counted as rejected."),
                d.load().warnings());
        SourceReport kept = d.load().sources().get(0);
        SourceReport repeated = d.load().sources().get(1);
        assertEquals(List.of(105L, 105L, 0L), List.of(kept.rowsRead(), kept.rowsUsed(), kept.rowsRejected()));
        assertEquals(List.of(105L, 0L, 105L), List.of(repeated.rowsRead(), repeated.rowsUsed(), repeated.rowsRejected()));
        assertEquals(0, d.load().rowsMerged(), "no row was merged by id");
    }

    @Test
    void aSheetOfRowsCopiedFromAnotherSheetIsReadOnce() throws Exception {
        Path p = dir.resolve("book.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
            Object[] header = {"Post day", "Video title", "Total views", "Total saves"};
            Object[] bread = {"01/09/24", "Bread", 1000, 10};
            Object[] cake = {"02/09/24", "Cake", 2000, 30};
            Object[] pie = {"03/09/24", "Pie", 500, 5};
            WorkbookSheetsTest.sheet(book, "Content", new Object[][] {header, bread, cake, pie});
            // The best two, copied by hand: the same rows in another order.
            WorkbookSheetsTest.sheet(book, "Top 2", new Object[][] {header, cake, bread});
            book.write(out);
        }
        Dataset d = load(p);
        assertEquals(3, d.videos().rowCount());
        assertEquals(3500, sum(d, "views"));
        assertEquals(45, sum(d, "saves"));
        assertEquals(List.of(p + ":Top 2!2: the same row as " + p + ":Content!3 in every field, without a video id: read once",
                p + ":Top 2!3: the same row as " + p + ":Content!2 in every field, without a video id: read once"),
                LoaderFormatsTest.rejections(d));
        assertEquals(List.of(p + " (sheet \"Top 2\"): 2 rows without a video id are the same in every field as rows of "
                + p + " (sheet \"Content\") (a video unchanged between two exports, or one export read twice); each video "
                + "was read once, and the repeats are counted as rejected."), d.load().warnings());
    }

    @Test
    void rowsAlikeWithinOneFileOrUnlikeInOneFieldAreAllKept() throws Exception {
        // Two rows of one sheet may be two videos that look alike; b.csv's row differs from a.csv's in its saves.
        Path a = csv("a.csv", "title,views,saves\nsame,100,1\nsame,100,1\n");
        Path b = csv("b.csv", "title,views,saves\nsame,100,2\n");
        Dataset d = load(a, b);
        assertEquals(List.of(1L, 1L, 2L), LoaderFormatsTest.longs(d.videos(), "saves"));
        assertEquals(List.of(), LoaderFormatsTest.rejections(d));
        // Nothing was repeated; that b.csv's row may be a later count of one of a.csv's is said, as it may be.
        assertEquals(List.of(SnapshotsWithoutIdsTest.unmatched(3, "same", a + ":2, " + a + ":3, " + b + ":2")),
                d.load().warnings());
    }

    /** "@lena" and "Lena" are one account, so the same row under both is one video (2 videos, 900 views). */
    @Test
    void theSameRowsUnderOneAccountWrittenTwoWaysAreReadOnce() throws Exception {
        Path a = csv("a.csv", "Account,Video title,Post time,Video views,Saves\n@lena,Day 1,2026-03-02 10:00,900,5\n"
                + "@lena,Day 2,2026-03-03 10:00,0,0\n");
        Path b = csv("b.csv", "Account,Video title,Post time,Video views,Saves\nLena,Day 1,2026-03-02 10:00,900,5\n"
                + "Lena,Day 2,2026-03-03 10:00,0,0\n");
        Dataset d = load(a, b);
        assertEquals(2, d.videos().rowCount());
        assertEquals(900, sum(d, "views"));
        assertEquals(2, d.load().rowsRejected());
    }

    @Test
    void rowsWithIdsAreStillMergedByIdNotRejected() throws Exception {
        String text = "video_id,title,views,saves\n7400000000000000001,a,100,1\n7400000000000000002,b,200,2\n";
        Dataset d = load(csv("one.csv", text), csv("two.csv", text));
        assertEquals(2, d.videos().rowCount());
        assertEquals(2, d.load().rowsMerged());
        assertEquals(List.of(), LoaderFormatsTest.rejections(d));
    }

    @Test
    void manyRepeatsAreAllCountedThoughOnlyTheFirstThousandAreListed() throws Exception {
        StringBuilder text = new StringBuilder("title,views,saves\n");
        for (int i = 1; i <= 1200; i++) {
            text.append("video ").append(i).append(',').append(i * 10).append(",1\n");
        }
        Path first = csv("first.csv", text.toString());
        Path again = csv("again.csv", text.toString());
        Dataset d = load(first, again);
        assertEquals(1200, d.videos().rowCount());
        assertEquals(1200, sum(d, "saves"));
        assertEquals(1200, d.load().rowsRejected());
        assertEquals(1000, d.load().rejections().size());
        assertEquals(200, d.load().rejectionsNotListed());
        assertEquals(Map.of("the same row as one of " + first + " in every field, without a video id: read once", 1200L),
                d.load().topReasons(5));
    }
}
