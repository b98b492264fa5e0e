package savescope.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import savescope.load.Loader;
import savescope.model.Canonical;
import savescope.model.Dataset;
import savescope.model.LoadReport;
import tech.tablesaw.api.Table;

/**
 * {@code convert}: reads any export SaveScope reads with the local loader (every format, quirk and rejection
 * rule) and writes its canonical videos and daily tables as Parquet, so a corpus is parsed once and every
 * later run reads columns. The rows keep the loader's order in the column {@code row}.
 */
public final class ParquetConvert {
    /** Rows handed to Spark at a time, so the copy of a big frame never doubles the heap. */
    static final int CHUNK = 200_000;

    private ParquetConvert() {}

    /** What was written. */
    public record Written(int videos, int daily, int rejected) {}

    public static Written convert(SparkSession spark, List<Path> inputs, Loader.Options options, String out) {
        Dataset data = Loader.load(inputs, options);
        write(spark, data.videos(), SparkCorpus.VIDEOS, out + "/videos.parquet", true);
        write(spark, data.daily(), SparkCorpus.DAILY, out + "/daily.parquet", false);
        writeLoadReport(spark, data.load(), out);
        return new Written(data.videos().rowCount(), data.daily().rowCount(), (int) data.load().rowsRejected());
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Keeps the loader's report beside the tables (as one line of text, through Spark: any Hadoop path). */
    static void writeLoadReport(SparkSession spark, LoadReport load, String out) {
        try {
            String json = MAPPER.writeValueAsString(load);
            spark.createDataset(List.of(json), Encoders.STRING()).coalesce(1).write().text(out + "/load-report");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the load report", e);
        }
    }

    /** The loader's report {@code convert} kept in {@code dir}, or null when there is none. */
    static LoadReport readLoadReport(SparkSession spark, String dir) {
        try {
            List<String> lines = spark.read().textFile(dir + "/load-report").collectAsList();
            return lines.isEmpty() ? null : loadReport(MAPPER.readTree(String.join("\n", lines)));
        } catch (Exception e) {
            if (e instanceof org.apache.spark.sql.AnalysisException) {
                return null;
            }
            throw new IllegalStateException(dir + "/load-report: could not read the load report (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The report from its JSON through its canonical constructor: Jackson alone picks a shorter one of the
     * record's constructors and drops the run's assumptions.
     */
    static LoadReport loadReport(JsonNode n) throws JsonProcessingException {
        return new LoadReport(MAPPER.treeToValue(n.get("sources"), SOURCES), MAPPER.treeToValue(n.get("warnings"), TEXTS),
                n.get("rowsMerged").asLong(), MAPPER.treeToValue(n.get("assumptions"), TEXTS));
    }

    private static final com.fasterxml.jackson.databind.JavaType SOURCES = MAPPER.getTypeFactory()
            .constructCollectionType(List.class, savescope.model.SourceReport.class);
    private static final com.fasterxml.jackson.databind.JavaType TEXTS = MAPPER.getTypeFactory()
            .constructCollectionType(List.class, String.class);

    private static void write(SparkSession spark, Table table, StructType schema, String path, boolean withRow) {
        SaveMode mode = SaveMode.ErrorIfExists;
        int n = table.rowCount();
        for (int from = 0; from < n || from == 0; from += CHUNK) {
            List<Row> rows = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + CHUNK); i++) {
                rows.add(row(table, schema, i, withRow));
            }
            spark.createDataFrame(rows, schema).write().mode(mode).parquet(path);
            mode = SaveMode.Append;
            if (n == 0) {
                break;
            }
        }
    }

    /**
     * A loaded table as a DataFrame of {@code schema} (its {@code row} column numbering the rows in table order
     * when {@code withRow}), handed to Spark in chunks so the copy never holds the table twice over.
     */
    static org.apache.spark.sql.Dataset<Row> frame(SparkSession spark, Table table, StructType schema, boolean withRow) {
        org.apache.spark.sql.Dataset<Row> out = null;
        int n = table.rowCount();
        for (int from = 0; from < n || from == 0; from += CHUNK) {
            List<Row> rows = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + CHUNK); i++) {
                rows.add(row(table, schema, i, withRow));
            }
            org.apache.spark.sql.Dataset<Row> part = spark.createDataFrame(rows, schema);
            out = out == null ? part : out.union(part);
            if (n == 0) {
                break;
            }
        }
        return out;
    }

    private static Row row(Table t, StructType schema, int i, boolean withRow) {
        Object[] v = new Object[schema.size()];
        for (int c = 0; c < v.length; c++) {
            String name = schema.fields()[c].name();
            if (name.equals(SparkCorpus.ROW)) {
                v[c] = (long) i;
            } else if (!t.containsColumn(name) || t.column(name).isMissing(i)) {
                v[c] = null;
            } else if (name.equals(Canonical.POSTED_AT)) {
                v[c] = t.instantColumn(name).get(i);
            } else if (name.equals(Canonical.DATE)) {
                v[c] = t.dateColumn(name).get(i);
            } else if (schema.fields()[c].dataType().equals(org.apache.spark.sql.types.DataTypes.StringType)) {
                v[c] = t.column(name).getString(i);
            } else {
                v[c] = t.column(name).get(i);
            }
        }
        return RowFactory.create(v);
    }
}
