package savescope.cells;

import java.util.List;
import java.util.Map;

/**
 * The one cell model both the built-in report and user notebooks produce, and every renderer reads.
 *
 * @param title the page title
 * @param subtitle one line under the title (account, period), or empty
 * @param meta labelled facts for the title block ("Period" → "…"), in order
 * @param cells the cells in order
 * @param style {@code report} (Quarto-like: code folded, no prompts), {@code notebook} (Jupyter-like: code with
 *     In/Out prompts) or {@code outputs} (Jupyter-like without code or prompts, as {@code --no-input})
 */
public record Notebook(String title, String subtitle, Map<String, String> meta, List<Cell> cells, String style) {
    public Notebook {
        meta = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
        cells = List.copyOf(cells);
    }
}
