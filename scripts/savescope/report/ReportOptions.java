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
 * @param period the period to compare ({@code --period}, e.g. {@code last-28d}), or null for none
 * @param vs what to compare it with ({@code --vs}, e.g. {@code previous}), or null for the previous period
 */
public record ReportOptions(String title, long minViews, int tableRows, List<Experiment.Arm> compare, int minSegment,
        String period, String vs) {
    public static final int DEFAULT_MIN_SEGMENT = 10;

    public ReportOptions {
        compare = List.copyOf(compare);
    }

    public ReportOptions(String title, long minViews, int tableRows, List<Experiment.Arm> compare, int minSegment) {
        this(title, minViews, tableRows, compare, minSegment, null, null);
    }

    public ReportOptions(String title, long minViews, int tableRows) {
        this(title, minViews, tableRows, List.of(), DEFAULT_MIN_SEGMENT);
    }

    public static ReportOptions defaults() {
        return new ReportOptions(null, 1000, 500);
    }
}
