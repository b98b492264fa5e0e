package savescope.report;

import java.util.ArrayList;
import java.util.List;
import savescope.model.LoadReport;
import savescope.model.SourceReport;
import savescope.cells.Cell;

/**
 * What the report says when no video has a saves count (the usual TikTok Studio download): a banner at the top
 * on how to get saves, and in place of each part about saves, what it needs.
 */
final class MissingSaves {
    /** The cell tag the page renders as a banner above the findings. */
    static final String BANNER_TAG = "banner";
    /** Starts the hint a reader leaves when a file of videos had count columns but none it knew as saves. */
    private static final String HINT = "No saves column was recognised";
    private static final int FILES_NAMED = 3;

    private MissingSaves() {}

    /** The banner: that saves are missing, from which files, and exactly how to add them. */
    static Cell banner(LoadReport load) {
        java.util.Map<String, Integer> formats = new java.util.LinkedHashMap<>();
        List<String> hints = new ArrayList<>();
        for (SourceReport s : load.sources()) {
            if (!s.kind().equals(SourceReport.VIDEOS)) {
                continue;
            }
            formats.merge(s.format(), 1, Integer::sum);
            s.warnings().stream().filter(w -> w.startsWith(HINT)).findFirst()
                    .ifPresent(w -> hints.add("For `" + s.file() + "`: " + w));
        }
        List<String> files = new ArrayList<>();
        formats.forEach((format, n) -> files.add(n + (n == 1 ? " file" : " files") + " of " + format));
        String named = files.size() <= FILES_NAMED ? String.join(", ", files)
                : String.join(", ", files.subList(0, FILES_NAMED)) + " and " + (files.size() - FILES_NAMED) + " more kinds";
        StringBuilder md = new StringBuilder("**Saves are missing: this report shows views, likes, comments and "
                + "shares only.**\n\nNo video in the files loaded has a saves count (videos from " + named + "). "
                + "TikTok Studio's standard download (Content, Overview, Viewers, Followers) never includes saves. "
                + "The parts of this report about saves say what they need instead of showing numbers; nothing is "
                + "counted as zero.\n\nTo add saves, run the report again with one of these:\n\n"
                + "- **The per-video export of a business account** in TikTok Studio: its `Add to Favorites` column "
                + "is the saves count. Give it together with these files; the same videos are matched by their links.\n"
                + "- **A file that has saves under another name**: name its column with `--map saves=HEADER`, for "
                + "example `--map saves=\"Saved\"`.");
        hints.forEach(h -> md.append("\n\n").append(h));
        return new Cell(Cell.Type.MARKDOWN, md.toString(), List.of(), null, List.of(BANNER_TAG));
    }

    /**
     * The cells of a part about saves, built without them: its heading and opening paragraph, then what it needs.
     */
    static List<Cell> needsSaves(List<Cell> built) {
        if (built.isEmpty() || !built.get(0).isMarkdown()) {
            return List.of();
        }
        String[] paragraphs = built.get(0).source().split("\n\n");
        String opening = paragraphs.length > 1 ? paragraphs[0] + "\n\n" + paragraphs[1] : paragraphs[0];
        return List.of(Cell.markdown(opening + "\n\n*This part needs a saves count for each video, and none of the "
                + "files loaded has one; see the note at the top for how to add saves.*"));
    }
}
