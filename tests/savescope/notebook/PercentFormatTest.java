package savescope.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import savescope.cells.Cell;

class PercentFormatTest {
    static final String TEXT = String.join("\n",
            "///usr/bin/env jbang \"$0\" \"$@\" ; exit $?", // 1
            "//DEPS ../notebook.java", //                      2
            "//DEPS org.example:a:1.0, org.example:b:2.0", //   3
            "", //                                              4
            "// %% [markdown]", //                              5
            "// # Title", //                                    6
            "//", //                                            7
            "// Some *text*.", //                               8
            "", //                                              9
            "// %% tags=[\"parameters\"]", //                   10
            "int n = 3;", //                                    11
            "", //                                              12
            "// %% Totals [md] tags=[\"a\", \"b\"]", //          13
            "// more", //                                       14
            "// %%", //                                         15
            "", //                                              16
            "", //                                              17
            "  display(n);", //                                 18
            "n + 1", //                                         19
            "");

    @Test
    void splitsCellsWithTypesTagsAndLines() {
        PercentFormat.Parsed p = PercentFormat.parse(TEXT, "x.jsh");
        assertEquals(List.of("///usr/bin/env jbang \"$0\" \"$@\" ; exit $?", "//DEPS ../notebook.java",
                "//DEPS org.example:a:1.0, org.example:b:2.0", ""), p.header());
        assertEquals(List.of("../notebook.java", "org.example:a:1.0", "org.example:b:2.0"), p.deps());
        List<PercentFormat.SourceCell> c = p.cells();
        assertEquals(4, c.size());
        assertEquals(new PercentFormat.SourceCell(Cell.Type.MARKDOWN, "# Title\n\nSome *text*.", List.of(), 6), c.get(0));
        assertEquals(new PercentFormat.SourceCell(Cell.Type.CODE, "int n = 3;", List.of("parameters"), 11), c.get(1));
        assertEquals(new PercentFormat.SourceCell(Cell.Type.MARKDOWN, "more", List.of("a", "b"), 14), c.get(2));
        // Blank lines after the marker are dropped, so the cell starts at line 18, where its code is.
        assertEquals(new PercentFormat.SourceCell(Cell.Type.CODE, "  display(n);\nn + 1", List.of(), 18), c.get(3));
    }

    @Test
    void codeBeforeTheFirstMarkerIsACell() {
        PercentFormat.Parsed p = PercentFormat.parse("//DEPS g:a:1\n// a comment\nint x = 1;\n// %%\nx\n", "y.jsh");
        assertEquals(List.of("//DEPS g:a:1", "// a comment"), p.header());
        assertEquals(new PercentFormat.SourceCell(Cell.Type.CODE, "int x = 1;", List.of(), 3), p.cells().get(0));
        assertEquals(new PercentFormat.SourceCell(Cell.Type.CODE, "x", List.of(), 5), p.cells().get(1));
    }

    @Test
    void writeThenParseGivesTheSameCells() {
        PercentFormat.Parsed p = PercentFormat.parse(TEXT, "x.jsh");
        String written = PercentFormat.write(p.header(), p.cells());
        PercentFormat.Parsed again = PercentFormat.parse(written, "x.jsh");
        assertEquals(p.header(), again.header());
        assertEquals(p.cells().stream().map(c -> List.of(c.type(), c.source(), c.tags())).toList(),
                again.cells().stream().map(c -> List.of(c.type(), c.source(), c.tags())).toList());
        assertEquals("// %% tags=[\"parameters\"]\nint n = 3;\n",
                PercentFormat.write(List.of(), List.of(p.cells().get(1))));
    }

    @Test
    void unknownCellTypeNamesFileAndLine() {
        savescope.UserError e = assertThrows(savescope.UserError.class,
                () -> PercentFormat.parse("// %%\nint a = 1;\n// %% [raw]\ntext\n", "z.jsh"));
        assertEquals("z.jsh:3: cell marker \"[raw]\": expected [markdown] (or no brackets for a code cell)",
                e.getMessage());
    }
}
