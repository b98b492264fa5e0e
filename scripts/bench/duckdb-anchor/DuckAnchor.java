///usr/bin/env jbang "$0" "$@" ; exit $?
//DEPS org.duckdb:duckdb_jdbc:1.4.4.0
//DESCRIPTION The DuckDB anchor of ./jbang bench: the report's core aggregates in DuckDB SQL, as an analyst would write them.

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the core aggregates of the saves report from a canonical videos CSV with embedded DuckDB on two
 * threads and writes them as JSON: a floor for loading and metrics, with no charts, no HTML and no
 * Kendall or bootstrap. It is its own script so that the report itself never loads DuckDB.
 */
public class DuckAnchor {
    private static final String[] COUNTS = {"views", "likes", "comments", "shares", "saves", "duration_s"};

    public static void main(String... args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: DuckAnchor VIDEOS.csv OUT.json");
            System.exit(2);
        }
        Path csv = Path.of(args[0]).toAbsolutePath();
        Map<String, String> results = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
            sql.execute("SET threads = 2");
            sql.execute("CREATE TABLE v AS SELECT * FROM read_csv(" + literal(csv.toString()) + ", header = true, types = "
                    + "{'video_id': 'VARCHAR', 'views': 'BIGINT', 'likes': 'BIGINT', 'comments': 'BIGINT', "
                    + "'shares': 'BIGINT', 'saves': 'BIGINT'})");
            for (Map.Entry<String, String> q : queries().entrySet()) {
                results.put(q.getKey(), firstRow(sql, q.getValue()));
            }
        }
        StringBuilder json = new StringBuilder("{\n");
        results.forEach((k, v) -> json.append("  \"").append(k).append("\": \"").append(v.replace("\\", "\\\\").replace("\"", "\\\""))
                .append("\",\n"));
        json.setLength(json.length() - 2);
        Files.writeString(Path.of(args[1]), json.append("\n}\n"), StandardCharsets.UTF_8);
    }

    /** The aggregates, by name: each query returns one row. */
    static Map<String, String> queries() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("totals", "SELECT count(*), sum(views), sum(likes), sum(comments), sum(shares), sum(saves), "
                + "sum(saves) / sum(views) FROM v");
        q.put("rate_quantiles", "SELECT quantile_cont(saves / views, [0.1, 0.5, 0.9]) FROM v WHERE views > 0");
        List<String> pearson = new ArrayList<>();
        List<String> spearman = new ArrayList<>();
        List<String> ranks = new ArrayList<>();
        for (int i = 0; i < COUNTS.length; i++) {
            ranks.add("rank() OVER (ORDER BY " + COUNTS[i] + ") AS r" + i);
            for (int k = i + 1; k < COUNTS.length; k++) {
                pearson.add("corr(" + COUNTS[i] + ", " + COUNTS[k] + ")");
                spearman.add("corr(r" + i + ", r" + k + ")");
            }
        }
        q.put("pearson", "SELECT " + String.join(", ", pearson) + " FROM v");
        q.put("spearman", "SELECT " + String.join(", ", spearman) + " FROM (SELECT " + String.join(", ", ranks) + " FROM v)");
        q.put("by_type", "SELECT list(struct_pack(type := content_type, videos := n, rate := r, median := m)) FROM ("
                + "SELECT content_type, count(*) AS n, sum(saves) / sum(views) AS r, median(saves / views) AS m "
                + "FROM v WHERE views > 0 GROUP BY content_type ORDER BY content_type)");
        q.put("quadrants", "WITH mid AS (SELECT median(views) AS mv, median(saves / views) AS mr FROM v WHERE views > 0) "
                + "SELECT list(struct_pack(high_views := hv, high_rate := hr, videos := n)) FROM ("
                + "SELECT views >= mv AS hv, saves / views >= mr AS hr, count(*) AS n FROM v, mid WHERE views > 0 GROUP BY 1, 2)");
        q.put("top", "SELECT list(video_id) FROM (SELECT video_id FROM v WHERE views >= 1000 ORDER BY saves / views DESC LIMIT 10)");
        q.put("bottom", "SELECT list(video_id) FROM (SELECT video_id FROM v WHERE views >= 1000 ORDER BY saves / views ASC LIMIT 10)");
        q.put("histogram", "SELECT list(n) FROM (SELECT floor(100 * saves / views) AS bin, count(*) AS n FROM v "
                + "WHERE views > 0 GROUP BY bin ORDER BY bin)");
        return q;
    }

    private static String firstRow(Statement sql, String query) throws SQLException {
        try (ResultSet r = sql.executeQuery(query)) {
            r.next();
            int n = r.getMetaData().getColumnCount();
            List<String> cells = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                cells.add(String.valueOf(r.getObject(i)));
            }
            return String.join(" | ", cells);
        }
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
