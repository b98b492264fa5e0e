package savescope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import savescope.metrics.Correlations;
import savescope.metrics.Correlations.Correlation;
import savescope.metrics.Correlations.Matrix;

/**
 * Correlations where each column lacks values on rows of its own, so pairs have different complete rows (and
 * their own ranks and Kendall samples), above Kendall's sample size, with long tie runs, spread over
 * partitions: every cell must be the local engine's, Kendall's tau and every n exactly.
 */
class PairwiseCorrelationsTest {
    static final int N = 130_000;
    static final String[] XS = {"x0", "x1", "x2", "x3"};
    static List<Matrix> local;
    static Correlation[][][] spark;

    @BeforeAll
    static void computeBoth() {
        // x0: every row, 50 values; x1: 1 row in 20 missing, heavy ties; x2: 1 in 9 missing, nearly distinct;
        // x3: two rows only, so its pairs are undefined.
        var rows = LocalSpark.get().range(N).selectExpr("id as row",
                "cast(pmod(xxhash64(id, 1), 50) as double) as x0",
                "case when pmod(xxhash64(id, 3), 20) = 0 then null "
                        + "else cast(pmod(xxhash64(id, 2), 30) + pmod(xxhash64(id, 1), 50) as double) end as x1",
                "case when pmod(xxhash64(id, 4), 9) = 0 then null "
                        + "else cast(pmod(xxhash64(id, 5), 1000000) as double) / 70000 + pmod(xxhash64(id, 1), 50) end as x2",
                "case when id < 2 then cast(id as double) end as x3")
                .repartition(5).cache();
        spark = SparkCorrelations.matrices(rows, XS);
        List<Row> ordered = rows.orderBy(SparkCorpus.ROW).collectAsList();
        List<double[]> columns = new ArrayList<>();
        for (int c = 0; c < XS.length; c++) {
            double[] v = new double[N];
            for (int r = 0; r < N; r++) {
                v[r] = ordered.get(r).isNullAt(c + 1) ? Double.NaN : ordered.get(r).getDouble(c + 1);
            }
            columns.add(v);
        }
        local = Correlations.matrices(List.of(XS), columns);
        rows.unpersist();
    }

    @Test
    void pairsHaveTheirOwnCompleteRows() {
        Correlation[][] pearson = spark[0];
        assertEquals(N, pearson[0][0].n());
        assertTrue(pearson[1][1].n() < N && pearson[2][2].n() < N, "x1 and x2 lack values");
        assertTrue(pearson[1][2].n() < Math.min(pearson[1][1].n(), pearson[2][2].n()), "they lack them on other rows");
        assertTrue(pearson[1][2].n() > Correlations.KENDALL_MAX_N, "even that pair is sampled for Kendall's tau");
        assertEquals(2, pearson[0][3].n());
    }

    @Test
    void kendallIsExactlyTheLocalOneOnTheSameSamples() {
        for (int i = 0; i < XS.length; i++) {
            for (int j = 0; j < XS.length; j++) {
                assertEquals(local.get(2).cells()[i][j], spark[2][i][j], XS[i] + " " + XS[j]);
            }
        }
        assertEquals(Correlations.KENDALL_MAX_N, spark[2][1][2].n());
    }

    @Test
    void pearsonAndSpearmanAgreeWithTheLocalOnes() {
        for (int method = 0; method < 2; method++) {
            for (int i = 0; i < XS.length; i++) {
                for (int j = 0; j < XS.length; j++) {
                    Correlation a = local.get(method).cells()[i][j];
                    Correlation b = spark[method][i][j];
                    String cell = local.get(method).method() + " " + XS[i] + " " + XS[j];
                    assertEquals(a.n(), b.n(), cell);
                    close(a.r(), b.r(), 1e-12, cell);
                    close(a.p(), b.p(), 1e-9 * a.p(), cell);
                }
            }
        }
        assertTrue(Math.abs(spark[1][1][2].r()) > 0.01, "x1 and x2 share x0's term, so ranks correlate: "
                + spark[1][1][2].r());
    }

    /** Equal within {@code delta}, or both undefined (NaN). */
    private static void close(double expected, double actual, double delta, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": " + actual);
        } else {
            assertEquals(expected, actual, delta, what);
        }
    }
}
