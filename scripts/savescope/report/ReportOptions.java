package savescope.report;

/**
 * Choices that shape the built-in report.
 *
 * @param title the report title, or null for one made from the account name
 * @param minViews minimum views for a video to be ranked by save rate
 * @param tableRows at most this many rows in the per-video table
 */
public record ReportOptions(String title, long minViews, int tableRows) {
    public static ReportOptions defaults() {
        return new ReportOptions(null, 1000, 500);
    }
}
