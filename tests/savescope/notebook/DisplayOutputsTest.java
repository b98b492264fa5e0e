package savescope.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import savescope.cells.TableView;
import savescope.cells.Output;

class DisplayOutputsTest {
    static Table table() {
        return Table.create("t", StringColumn.create("name", "a", "b", "c"),
                LongColumn.create("views", 1234567L, 5L, 0L),
                DoubleColumn.create("rate", 12.3456, 0.5, Double.NaN));
    }

    @Test
    void tablesBecomeTableViewsWithAlignedDecimalsExactValuesAndACapNote() {
        Table t = table();
        t.doubleColumn("rate").setMissing(2);
        TableView v = DisplayOutputs.tableView(t, 2);
        assertEquals(List.of(new TableView.Column("name", false), new TableView.Column("views", true),
                new TableView.Column("rate", true)), v.columns());
        // Largest rate shown is 12.35 (two digits before the point): 4 - 2 = 2 decimals for the whole column.
        assertEquals(List.of(TableView.Cell.plain("a"), new TableView.Cell("1,234,567", "1234567", 1234567.0, ""),
                new TableView.Cell("12.35", "12.3456", 12.3456, "")), v.rows().get(0));
        assertEquals(new TableView.Cell("0.50", "0.5", 0.5, ""), v.rows().get(1).get(2));
        assertEquals(3, v.totalRows());
        assertEquals("Showing the first 2 of 3 rows.", v.note());
        assertEquals(TableView.Cell.plain(""), DisplayOutputs.tableView(t, 3).rows().get(2).get(2), "missing stays empty");
    }

    @Test
    void chartsBecomeSvgWithTheirTextEscaped() {
        CategoryChart chart = new CategoryChartBuilder().width(400).height(200).title("<script>alert(1)</script>").build();
        chart.addSeries("a & b", List.of("x"), List.of(1));
        Output.Chart c = (Output.Chart) DisplayOutputs.of(chart);
        assertTrue(c.svg().startsWith("<svg"));
        assertFalse(c.svg().contains("<script>"), "user text in a chart never becomes markup");
        assertTrue(c.svg().contains("&lt;script&gt;"));
        assertEquals("A category chart \"<script>alert(1)</script>\" of a & b.", c.alt(), "alt is escaped by the template");
    }

    @Test
    void everythingElseIsText() {
        assertEquals(new Output.Text("[1, 2]"), DisplayOutputs.of(List.of(1, 2)));
        assertEquals(new Output.Text("null"), DisplayOutputs.of(null));
        Output.Kpis kpis = new Output.Kpis(List.of());
        assertTrue(DisplayOutputs.of(kpis) == kpis, "our own outputs pass through");
        assertTrue(DisplayOutputs.plainText(table()).contains("1234567"));
        assertEquals("Saves: 1.2K (all videos)\nViews: 90K", DisplayOutputs.plainText(new Output.Kpis(List.of(
                new Output.Kpi("Saves", "1.2K", "1,234", "all videos"), new Output.Kpi("Views", "90K", "90,000", "")))));
        assertEquals("- Tutorials win n = 40", DisplayOutputs.plainText(new Output.Findings(List.of(
                new Output.Finding("Tutorials win", "n = 40", "strong")))));
    }
}
