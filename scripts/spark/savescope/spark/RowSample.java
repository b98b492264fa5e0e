package savescope.spark;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Rows picked by their position in row order, brought to the driver as columns. */
final class RowSample {
    private RowSample() {}

    /**
     * The columns {@code cols} (doubles) of the rows at positions {@code keep} (sorted ascending; null: every
     * row) when {@code rows} is ordered by {@code orderColumn}.
     */
    static double[][] fetch(Dataset<Row> rows, String orderColumn, String[] cols, int[] keep) {
        Column[] select = new Column[cols.length + 1];
        select[0] = rows.col(orderColumn);
        for (int i = 0; i < cols.length; i++) {
            select[i + 1] = rows.col(cols[i]);
        }
        Dataset<Row> ordered = rows.select(select).sort(orderColumn);
        List<Row> picked;
        long[] index;
        if (keep == null) {
            picked = ordered.collectAsList();
            index = null;
        } else {
            Broadcast<int[]> shared = JavaSparkContext.fromSparkContext(rows.sparkSession().sparkContext()).broadcast(keep);
            var hits = ordered.javaRDD().zipWithIndex()
                    .filter(t -> t._2() <= Integer.MAX_VALUE && Arrays.binarySearch(shared.value(), (int) (long) t._2()) >= 0)
                    .collect();
            picked = new java.util.ArrayList<>();
            index = new long[hits.size()];
            var sorted = new java.util.ArrayList<>(hits);
            sorted.sort(java.util.Comparator.comparingLong(t -> t._2()));
            for (var t : sorted) {
                picked.add(t._1());
            }
            shared.destroy();
        }
        double[][] out = new double[cols.length][picked.size()];
        for (int r = 0; r < picked.size(); r++) {
            Row row = picked.get(r);
            for (int c = 0; c < cols.length; c++) {
                out[c][r] = row.getDouble(c + 1);
            }
        }
        return out;
    }
}
