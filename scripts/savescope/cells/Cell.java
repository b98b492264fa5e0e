package savescope.cells;

import java.util.List;

/**
 * A notebook cell: markdown, or code with the outputs it produced.
 *
 * @param type markdown or code
 * @param source the markdown text, or the code
 * @param outputs what a code cell produced (empty for markdown)
 * @param executionCount the {@code In [n]} number of an executed code cell, or null
 * @param tags cell tags such as {@code parameters}
 */
public record Cell(Type type, String source, List<Output> outputs, Integer executionCount, List<String> tags) {

    public enum Type { MARKDOWN, CODE }

    public Cell {
        outputs = List.copyOf(outputs);
        tags = List.copyOf(tags);
    }

    public static Cell markdown(String source) {
        return new Cell(Type.MARKDOWN, source, List.of(), null, List.of());
    }

    public static Cell code(String source, List<Output> outputs) {
        return new Cell(Type.CODE, source, outputs, null, List.of());
    }

    public boolean isMarkdown() {
        return type == Type.MARKDOWN;
    }
}
