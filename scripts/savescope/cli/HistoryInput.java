package savescope.cli;

import savescope.UserError;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import savescope.history.History;
import savescope.history.HistoryFolder;
import savescope.history.SavesSinceImport;
import savescope.load.Loader;
import savescope.model.Dataset;
import savescope.cells.Output;
import savescope.report.LeadFindings;
import savescope.report.SaveReport;

/** A report's input when it is a history folder: every export imported, and what changed since the last import. */
final class HistoryInput {
    private HistoryInput() {}

    /**
     * The history a report reads: the one {@code --history} names (empty for the default folder), or the only
     * INPUT when that is a history folder; null when the report reads its inputs as they are.
     */
    static History chosen(String option, List<Path> inputs) {
        if (option == null) {
            return inputs.size() == 1 && History.isHistory(inputs.get(0)) ? new History(inputs.get(0)) : null;
        }
        if (!inputs.isEmpty()) {
            throw new UserError("--history reads every export imported into the history; give either INPUT "
                    + "files or --history, not both (import new exports first: ./jbang import FILE...).");
        }
        Path dir = option.isEmpty() ? HistoryFolder.defaultFolder() : Path.of(option);
        return History.existing(dir, "--history");
    }

    static Dataset load(History history, Loader.Options options) {
        return history.load(options);
    }

    /** The report with the saves gained since the last import leading its findings, when there was an earlier one. */
    static SaveReport.Result withGainSinceLastImport(SaveReport.Result report, History history, Loader.Options options,
            Dataset data) {
        return SavesSinceImport.of(history, options, data).map(g -> {
            Map<String, Object> numbers = new LinkedHashMap<>();
            numbers.put("since", g.since().toString());
            numbers.put("saves_gained", g.gained());
            numbers.put("videos_gaining", g.videos());
            numbers.put("videos_first_seen", g.firstSeen());
            numbers.put("videos_without_id_left_out", g.leftOut());
            numbers.put("top", g.top().stream().map(v -> Map.of("video_id", v.videoId(), "saves_gained", v.gained()))
                    .toList());
            return LeadFindings.prepend(report, new Output.Finding(g.headline(), g.detail(), "info"),
                    "saves_since_last_import", numbers);
        }).orElse(report);
    }
}
