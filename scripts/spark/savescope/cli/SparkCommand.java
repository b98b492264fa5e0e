package savescope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import savescope.UserError;
import savescope.load.Loader;
import savescope.spark.Aggregates;
import savescope.spark.AggregatesJson;
import savescope.spark.CorpusGenerator;
import savescope.spark.ParquetConvert;
import savescope.spark.SparkAggregates;
import savescope.spark.SparkCorpus;
import savescope.spark.SparkInputs;
import savescope.spark.SparkSessions;

/**
 * {@code ./jbang report-spark}: the report's numbers computed by Apache Spark, for corpora too big for one
 * machine's memory. Reads canonical Parquet, canonical CSV or Research API JSON Lines on any Hadoop path.
 */
@Command(name = "report-spark", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {SparkCommand.Convert.class, SparkCommand.Generate.class},
        description = {"Computes the report's aggregates with Apache Spark (local mode or a cluster).", "",
            "Examples:",
            "  ./jbang report-spark corpus/ --aggregates numbers.json",
            "  ./jbang report-spark s3a://bucket/videos.parquet --master spark://host:7077 --aggregates a.json",
            "  ./jbang report-spark convert ~/Downloads/tiktok/ --out corpus/",
            "  ./jbang report-spark generate --videos 10000000 --out /tmp/corpus-10m"})
public final class SparkCommand implements Callable<Integer> {

    /** Options every Spark command takes. */
    static final class SparkOptions {
        @Option(names = "--master", paramLabel = "URL",
                description = "Spark master (default: local[*], or what spark-submit set).")
        String master;

        @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting, passed through (repeatable).")
        Map<String, String> conf = new LinkedHashMap<>();

        @Option(names = "--verbose", description = "Show stack traces of errors.")
        boolean verbose;

        SparkSession open() {
            return SparkSessions.open(master, conf);
        }
    }

    @picocli.CommandLine.Mixin
    SparkOptions spark = new SparkOptions();

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "Canonical Parquet (a folder `convert` wrote, or a videos Parquet), canonical CSV, or "
                    + "Research API JSON Lines; local paths or any Hadoop-compatible URL.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--aggregates", paramLabel = "FILE",
            description = "Write every aggregate as JSON to FILE (small, whatever the input size).")
    Path aggregatesFile;

    @Option(names = "--min-views", paramLabel = "N", defaultValue = "1000",
            description = "Videos need at least N views to be ranked (default: ${DEFAULT-VALUE}).")
    long minViews;

    @Override
    public Integer call() throws Exception {
        if (inputs.isEmpty() || aggregatesFile == null) {
            throw new UserError("give the INPUT to read and --aggregates FILE to write (see --help).");
        }
        try (SparkSession session = spark.open()) {
            Aggregates a = compute(session, inputs, minViews);
            AggregatesJson.write(a, aggregatesFile);
            System.out.println("Aggregates of " + a.totals().videos() + " videos written to " + aggregatesFile);
            return 0;
        }
    }

    static Aggregates compute(SparkSession session, List<String> inputs, long minViews) {
        try {
            SparkCorpus corpus = SparkInputs.read(session, inputs);
            return SparkAggregates.compute(corpus, minViews, null);
        } catch (Exception e) {
            throw userError(e, inputs.toString());
        }
    }

    /** An input Spark could not read (it throws AnalysisException undeclared) as a user error. */
    static RuntimeException userError(Exception e, String what) {
        if (e instanceof AnalysisException a) {
            return new UserError(what + ": " + a.getSimpleMessage(), e);
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
    }

    /** {@code convert}: any export SaveScope reads → canonical Parquet. */
    @Command(name = "convert", mixinStandardHelpOptions = true,
            description = "Reads exports with SaveScope's loader and writes OUT/videos.parquet and OUT/daily.parquet.")
    static final class Convert implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        SparkOptions spark = new SparkOptions();

        @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Export files or folders, as for report.")
        List<Path> inputs;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new folder (or Hadoop path).")
        String out;

        @Override
        public Integer call() throws Exception {
            try (SparkSession session = spark.open()) {
                ParquetConvert.Written w = ParquetConvert.convert(session, inputs, Loader.Options.defaults(), out);
                System.out.println("Wrote " + w.videos() + " videos and " + w.daily() + " daily rows to " + out
                        + (w.rejected() > 0 ? " (" + w.rejected() + " input rows rejected; see ./jbang report's "
                                + "data quality section for where)" : ""));
                return 0;
            } catch (Exception e) {
                if (e instanceof AnalysisException a && a.getMessage().contains("already exists")) {
                    throw new UserError(out + ": already exists; give a new folder.", e);
                }
                throw userError(e, out);
            }
        }
    }

    /** {@code generate}: a seeded synthetic corpus of any size, written by Spark. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Writes a seeded synthetic corpus OUT/videos.parquet (same seed, same corpus).")
    static final class Generate implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        SparkOptions spark = new SparkOptions();

        @Option(names = "--videos", required = true, paramLabel = "N", description = "How many videos.")
        long videos;

        @Option(names = "--seed", defaultValue = "20240917", paramLabel = "N", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--files", defaultValue = "16", paramLabel = "N", description = "Parquet files (default: ${DEFAULT-VALUE}).")
        int files;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new folder (or Hadoop path).")
        String out;

        @Override
        public Integer call() throws Exception {
            if (videos < 1) {
                throw new UserError("--videos " + videos + ": expected a whole number of at least 1.");
            }
            try (SparkSession session = spark.open()) {
                CorpusGenerator.write(session, videos, seed, files, out);
                System.out.println("Wrote " + videos + " videos to " + out + "/videos.parquet");
                return 0;
            }
        }
    }
}
