package savescope.report;

import java.util.List;
import savescope.metrics.Experiment;

/**
 * Choices that shape the built-in report.
 *
 * @param title the report title, or null for one made from the account name
 * @param minViews minimum views for a video to be ranked by save rate
 * @param tableRows at most this many rows in the per-video table
 * @param compare experiment variants to compare ({@code --compare}); empty to detect them from the data
 * @param minSegment audience segments smaller than this are suppressed ({@code --min-segment})
 */
public record ReportOptions(String title, long minViews, int tableRows, List<Experiment.Arm> compare, int minSegment) {
    public static final int DEFAULT_MIN_SEGMENT = 10;

    public ReportOptions {
        compare = List.copyOf(compare);
    }

    public ReportOptions(String title, long minViews, int tableRows) {
        this(title, minViews, tableRows, List.of(), DEFAULT_MIN_SEGMENT);
    }

    public static ReportOptions defaults() {
        return new ReportOptions(null, 1000, 500);
    }
}
