package savescope.report;

import java.util.List;
import savescope.metrics.Analytics;
import savescope.model.LoadReport;

/**
 * Everything the built-in report's page is made from, as an engine computed it: presenting these needs no data,
 * so they can be computed on one machine (or a cluster), stored in an aggregates file and rendered on another.
 *
 * @param options the options the numbers were computed with (the title only names the page)
 * @param accounts the accounts the videos belong to, sorted
 * @param postingRange the first and last posting time, or null when no video has one
 * @param load how the input was read: the title block names its sources, the missing-saves banner its files
 * @param hasSaves whether any video has a saves count
 * @param sections each section's figures, in the order of {@link SaveReport#sections()}
 */
public record ReportFigures(ReportOptions options, List<String> accounts, Analytics.PostingRange postingRange,
        LoadReport load, boolean hasSaves, List<Record> sections) {

    public ReportFigures {
        accounts = List.copyOf(accounts);
        sections = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(sections));
    }

    /** The same figures under another title ({@code null}: the one made from the account names). */
    public ReportFigures withTitle(String title) {
        ReportOptions o = options;
        return new ReportFigures(new ReportOptions(title, o.minViews(), o.tableRows(), o.compare(), o.minSegment(),
                o.period(), o.vs()), accounts, postingRange, load, hasSaves, sections);
    }
}
