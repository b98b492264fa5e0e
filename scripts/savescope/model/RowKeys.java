package savescope.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A key for each distinct text of a plain text column, in order of first appearance, and each row's key: what
 * Tablesaw's grouping operations (countBy, splitOn, summarize ... by) ask a string column for.
 */
record RowKeys(int[] ofRow, List<String> texts) {
    static RowKeys of(int rows, IntFunction<String> textOfRow) {
        int[] ofRow = new int[rows];
        List<String> texts = new ArrayList<>();
        Map<String, Integer> keyOf = new HashMap<>();
        for (int r = 0; r < rows; r++) {
            ofRow[r] = keyOf.computeIfAbsent(textOfRow.apply(r), text -> {
                texts.add(text);
                return texts.size() - 1;
            });
        }
        return new RowKeys(ofRow, texts);
    }
}
