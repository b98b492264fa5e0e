package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;
import savescope.model.Dataset;

/** ZIP entries are streamed whole (a ZIP bomb is stopped with its name); spreadsheet cells are never misread. */
class ArchiveAndSheetTest {
    static {
        // The workbooks are written here before the loader has quieted POI's logging.
        Loader.quietPoiLogging();
    }

    @TempDir
    Path dir;

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    @Test
    void everyEntryIsReadWholeOneAfterAnother() throws Exception {
        StringBuilder big = new StringBuilder("video_id,title,views,saves\n");
        for (int i = 1; i <= 100_000; i++) {
            big.append(i).append(",title number ").append(i).append(',').append(i).append(",1\n");
        }
        Path zip = dir.resolve("export.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "a.csv", big.toString().getBytes(StandardCharsets.UTF_8));
            entry(out, "b.csv", "video_id,views,saves\n200001,5,1\n".getBytes(StandardCharsets.UTF_8));
        }
        Dataset d = Loader.load(List.of(zip), Loader.Options.defaults());
        // Reading the first entry closes its reader; the archive must stay open for the second.
        assertEquals(100_001, d.videos().rowCount());
        // Views 1..100,000 add up to 100,000 * 100,001 / 2; the second entry adds 5.
        assertEquals(5_000_050_000L + 5, (long) d.videos().longColumn("views").sum());
    }

    @Test
    void aZipBombIsStoppedWithItsEntryNamed() throws Exception {
        Path zip = dir.resolve("bomb.zip");
        byte[] row = ("1,1,1," + "a".repeat(10_000) + "\n").getBytes(StandardCharsets.US_ASCII);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("Content.csv"));
            out.write("video_id,views,saves,notes\n".getBytes(StandardCharsets.US_ASCII));
            // About 100 MB that compresses to about 0.1 MB: far past any export's ratio.
            for (int i = 0; i < 10_000; i++) {
                out.write(row);
            }
            out.closeEntry();
        }
        assertTrue(Files.size(zip) < 1 << 20, "compressed to " + Files.size(zip));
        String message = assertThrows(InputException.class, () -> Loader.load(List.of(zip), Loader.Options.defaults()))
                .getMessage();
        assertTrue(message.startsWith(zip + "!/Content.csv: this ZIP entry expands more than 200 times ("), message);
        assertTrue(message.endsWith("as a ZIP bomb does; expected an export, which compresses far less. If the data is "
                + "real, unzip it and give SaveScope the files."), message);
    }

    /** A sheet with a header row and one data row, built by {@code cells}. */
    private Path workbook(String name, java.util.function.Consumer<XSSFRow> cells) throws Exception {
        Path p = dir.resolve(name);
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
            XSSFSheet sheet = book.createSheet("Data");
            XSSFRow header = sheet.createRow(0);
            String[] names = {"video_id", "title", "views", "saves"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            XSSFRow ok = sheet.createRow(1);
            ok.createCell(0).setCellValue("1");
            ok.createCell(1).setCellValue("fine");
            ok.createCell(2).setCellValue(100);
            ok.createCell(3).setCellValue(5);
            XSSFRow row = sheet.createRow(2);
            row.createCell(0).setCellValue("2");
            row.createCell(1).setCellValue("odd");
            row.createCell(2).setCellValue(200);
            cells.accept(row);
            book.write(out);
        }
        return p;
    }

    @Test
    void aFormulaWithNoSavedValueIsNeverZero() throws Exception {
        Path p = workbook("formula.xlsx", row -> {
            XSSFCell saves = row.createCell(3);
            saves.setCellFormula("C3/10");
            // A workbook written by a tool that does not calculate: the formula has no cached value at all.
            if (saves.getCTCell().isSetV()) {
                saves.getCTCell().unsetV();
            }
            assertEquals(null, saves.getRawValue());
        });
        Dataset d = Loader.load(List.of(p), Loader.Options.defaults());
        assertEquals(List.of(5L), LoaderFormatsTest.longs(d.videos(), "saves"), "no row holds a 0 from the formula");
        assertEquals(List.of(p + ":Data!D3: column \"saves\": expected a number, found \"=C3/10\""),
                LoaderFormatsTest.rejections(d));
    }

    @Test
    void aNumberCellHoldingTextIsReadAsTextAndRejectedWithItsPlace() throws Exception {
        Path p = workbook("text-number.xlsx", row -> {
            XSSFCell saves = row.createCell(3);
            saves.setCellValue(1);
            saves.getCTCell().setT(STCellType.N);
            saves.getCTCell().setV("about 12");
        });
        Dataset d = Loader.load(List.of(p), Loader.Options.defaults());
        assertEquals(List.of(5L), LoaderFormatsTest.longs(d.videos(), "saves"));
        assertEquals(List.of(p + ":Data!D3: column \"saves\": expected a number, found \"about 12\""),
                LoaderFormatsTest.rejections(d));
    }

    @Test
    void aNumberCellHoldingDigitsAsTextIsRead() throws Exception {
        Path p = workbook("digits.xlsx", row -> {
            XSSFCell saves = row.createCell(3);
            saves.setCellValue(1);
            saves.getCTCell().setV(" 17 ");
        });
        Dataset d = Loader.load(List.of(p), Loader.Options.defaults());
        assertEquals(Arrays.asList(5L, 17L), LoaderFormatsTest.longs(d.videos(), "saves"));
    }
}
