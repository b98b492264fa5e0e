// Apache Spark, for ./jbang report-spark and the tests only: the default report never loads it. Spark brings
// its own Jackson, which JBang aligns with the version in Deps.java.
//DEPS org.apache.spark:spark-sql_2.13:4.2.0
package savescope;

/** Holds the Spark //DEPS line; not used at run time. */
final class SparkDeps {
    private SparkDeps() {}
}
