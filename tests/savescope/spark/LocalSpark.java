package savescope.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** One local Spark session for every Spark test: two cores, loopback only, no UI, few shuffle partitions. */
final class LocalSpark {
    private static SparkSession session;

    private LocalSpark() {}

    static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSessions.open("local[2]", Map.of("spark.sql.shuffle.partitions", "2",
                    "spark.default.parallelism", "2"));
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
