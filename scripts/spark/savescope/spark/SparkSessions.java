package savescope.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the Spark session SaveScope computes in. Local masters bind to loopback with the web UI off, so a
 * run on a laptop opens no port to the network; a cluster master keeps what spark-submit configured.
 */
public final class SparkSessions {
    /** The master used when none is given: every core of this machine. */
    public static final String DEFAULT_MASTER = "local[*]";

    private SparkSessions() {}

    /**
     * @param master a Spark master URL ({@code local[2]}, {@code spark://host:7077}, {@code yarn}), or null to
     *     keep the one spark-submit set (falling back to {@link #DEFAULT_MASTER})
     * @param conf further settings, passed through unchanged and applied last
     */
    public static SparkSession open(String master, Map<String, String> conf) {
        SparkSession.Builder b = SparkSession.builder().appName("SaveScope");
        String chosen = master != null ? master : System.getProperty("spark.master", DEFAULT_MASTER);
        b.master(chosen);
        if (chosen.startsWith("local")) {
            b.config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    // A few hundred partitions suit a cluster; on one machine they are pure overhead.
                    .config("spark.sql.shuffle.partitions", "8")
                    .config("spark.sql.session.timeZone", "UTC");
        } else {
            b.config("spark.sql.session.timeZone", "UTC");
        }
        // Rows carry java.time values (Instant, LocalDate), which mean one instant whatever the JVM's zone.
        b.config("spark.sql.datetime.java8API.enabled", "true");
        conf.forEach(b::config);
        SparkSession session = b.getOrCreate();
        session.sparkContext().setLogLevel("ERROR");
        return session;
    }
}
