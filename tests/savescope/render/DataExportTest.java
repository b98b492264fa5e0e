package savescope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.cells.Cell;
import savescope.cells.Notebook;
import savescope.cells.Output;
import savescope.cells.TableView;

class DataExportTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "plain|plain",
        "a,b|`\"a,b\"`",
        "say \"hi\"|`\"say \"\"hi\"\"\"`",
        "=1+1|'=1+1",
        "@cmd|'@cmd",
        "-12.5|-12.5",
        "+x|'+x",
    })
    void fieldsAreQuotedAndFormulasDefused(String value, String expected) {
        assertEquals(expected, DataExport.field(value));
    }

    @ParameterizedTest
    @CsvSource({"3600, 3600", "0.03, 0.03", "0.008333333333333333, 0.008333333333333333", "1e-7, 0.0000001", "-2, -2"})
    void numbersArePlainAndExact(double value, String expected) {
        assertEquals(expected, DataExport.number(value));
    }

    @Test
    void tableCsvUsesExactValuesNotTheDisplayText() {
        TableView t = new TableView(List.of(new TableView.Column("Video", false), new TableView.Column("Saves", true),
                new TableView.Column("Save rate", true)),
                List.of(List.of(new TableView.Cell("Soup…", "Soup, in five minutes", null, ""),
                        new TableView.Cell("12.4K", "12,400", 12400.0, ""),
                        new TableView.Cell("1.83%", "1.830000%", 0.0183, ""))), 1, "");
        assertEquals("\uFEFFVideo,Saves,Save rate\r\n\"Soup, in five minutes\",12400,0.0183\r\n", DataExport.tableCsv(t));
    }

    @TempDir
    Path dir;

    @Test
    void filesAreNamedByHeadingSoANewSectionRenamesNothing() throws Exception {
        TableView one = new TableView(List.of(new TableView.Column("n", true)),
                List.of(List.of(new TableView.Cell("1", "", 1.0, ""))), 1, "");
        List<Cell> cells = new ArrayList<>(List.of(
                Cell.markdown("## Videos"), Cell.code("", List.of(new Output.Table(one))),
                Cell.code("", List.of(new Output.Table(one)))));
        tech.tablesaw.api.Table videos = tech.tablesaw.api.Table.create("videos");
        List<String> before = names(DataExport.write(new Notebook("t", "", Map.of(), cells, ""), videos, dir.resolve("a")));
        cells.addAll(0, List.of(Cell.markdown("## Trends"), Cell.code("", List.of(new Output.Table(one)))));
        List<String> after = names(DataExport.write(new Notebook("t", "", Map.of(), cells, ""), videos, dir.resolve("b")));
        // A second table under one heading gets "-2"; the new section's file is the only addition.
        assertEquals(List.of("all-videos.csv", "videos.csv", "videos-2.csv"), before);
        assertEquals(List.of("all-videos.csv", "trends.csv", "videos.csv", "videos-2.csv"), after);
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(f -> f.getFileName().toString()).toList();
    }
}
