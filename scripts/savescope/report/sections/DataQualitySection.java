package savescope.report.sections;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import savescope.metrics.Analytics;
import savescope.model.FieldGap;
import savescope.model.LoadReport;
import savescope.model.Rejection;
import savescope.model.SourceReport;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;
import savescope.report.ReportContext;
import savescope.report.ReportOptions;
import savescope.report.Section;

/** What was read, used and rejected from each input, with the reasons, and what each source lacks. */
public final class DataQualitySection implements Section<DataQualitySection.Figures> {
    /** The JSON lists at most this many rejections; the counts always cover all of them. */
    static final int MAX_LISTED = 1000;
    /** The page lists this many rejected rows with their places, and this many reasons. */
    static final int PLACES_SHOWN = 50;
    static final int REASONS_SHOWN = 10;

    /**
     * @param input the JSON's {@code input}: every file, its rows and what was rejected
     * @param load the load report it comes from, for the page
     */
    public record Figures(Input input, @JsonIgnore LoadReport load) {}

    /**
     * What was read.
     *
     * @param files each input file
     * @param rowsRead rows read over all files
     * @param rowsUsed rows that became data
     * @param rowsRejected rows not used, each counted with its reason
     * @param rowsMerged per-video rows kept as earlier counts of a video seen again
     * @param warnings what the user should know that rejected no row
     * @param assumptions what the reader assumed, the run's own then each file's
     * @param rejections the first {@link #MAX_LISTED} rejections with their places
     * @param rejectionsNotListed the rejected rows not in {@code rejections}
     */
    public record Input(List<InputFile> files, long rowsRead, long rowsUsed, long rowsRejected, long rowsMerged,
            List<String> warnings, List<String> assumptions, List<ListedRejection> rejections, long rejectionsNotListed) {

        public static Input of(LoadReport load) {
            List<Rejection> all = load.rejections();
            return new Input(load.sources().stream().map(InputFile::of).toList(), load.rowsRead(), load.rowsUsed(),
                    load.rowsRejected(), load.rowsMerged(), load.warnings(), load.allAssumptions(),
                    all.stream().limit(MAX_LISTED).map(ListedRejection::of).toList(),
                    // Past this list's length, or past a source's own listed ones.
                    load.rowsRejected() - Math.min(MAX_LISTED, all.size()));
        }
    }

    /** One input file as {@link SourceReport} describes it, without its rejections (listed once, in {@link Input}). */
    public record InputFile(String file, String format, String kind, long rowsRead, long rowsUsed, long rowsRejected,
            List<String> missingMetrics, List<String> warnings, List<FieldGap> fieldsMissing, List<String> assumptions) {
        static InputFile of(SourceReport s) {
            return new InputFile(s.file(), s.format(), s.kind(), s.rowsRead(), s.rowsUsed(), s.rowsRejected(),
                    s.missingMetrics(), s.warnings(), s.fieldGaps(), s.assumptions());
        }
    }

    /** A rejected row: its file, its place and why. */
    public record ListedRejection(String file, String location, String reason) {
        static ListedRejection of(Rejection r) {
            return new ListedRejection(r.file(), r.location(), r.message());
        }
    }

    @Override
    public Figures analyse(Analytics data, ReportOptions options) {
        LoadReport load = data.load();
        return new Figures(Input.of(load), load);
    }

    @Override
    public void present(Figures f, ReportContext ctx) {
        LoadReport load = f.load();
        ctx.markdown(summary(load));
        List<Output> outputs = new ArrayList<>();
        outputs.add(filesTable(load));
        Map<String, Long> reasons = load.topReasons(REASONS_SHOWN);
        if (!reasons.isEmpty()) {
            List<List<Cell>> rr = new ArrayList<>();
            reasons.forEach((reason, n) -> rr.add(List.of(Cell.plain(reason), VideosSection.count(n))));
            outputs.add(new Output.Table(new TableView(List.of(new Column("Top rejection reasons", false),
                    new Column("Rows", true)), rr, rr.size(), "")));
            outputs.add(placesTable(load));
        }
        List<List<Cell>> gaps = new ArrayList<>();
        for (SourceReport s : load.sources()) {
            for (FieldGap g : s.fieldGaps()) {
                gaps.add(List.of(Cell.plain(s.file()), Cell.plain(g.header()), VideosSection.count(g.rows()),
                        Cell.plain(String.join(", ", g.firstPlaces()) + (g.rows() > g.firstPlaces().size() ? ", ..." : "")),
                        Cell.plain(g.firstReason())));
            }
        }
        if (!gaps.isEmpty()) {
            outputs.add(new Output.Table(new TableView(List.of(new Column("File", false),
                    new Column("Field left missing", false), new Column("Rows", true), new Column("First places", false),
                    new Column("First reason", false)), gaps, gaps.size(), "These rows were kept; the field "
                            + "named is missing in them (left blank, a marker such as NaN, or a value that could not be read).")));
        }
        Map<String, Object> shows = new LinkedHashMap<>();
        shows.put("load", load);
        shows.put("reasons", reasons);
        ctx.code("""
                var load = data.load();   // every file: rows read, used, rejected, fields left missing
                var reasons = load.topReasons(%d);""".formatted(REASONS_SHOWN), shows, outputs.toArray(Output[]::new));
        presentFindings(load, ctx);
    }

    /** The opening paragraph: rows read, used and rejected, sources without saves, warnings and assumptions. */
    private static String summary(LoadReport load) {
        StringBuilder md = new StringBuilder("## Data quality\n\n");
        md.append("Read **").append(Formats.exact(load.rowsRead())).append("** rows from ")
                .append(load.sources().size()).append(load.sources().size() == 1 ? " file" : " files")
                .append(": **").append(Formats.exact(load.rowsUsed())).append("** used, **")
                .append(Formats.exact(load.rowsRejected())).append("** rejected. Every row is either used or "
                        + "listed here with its place and reason; a value that cannot be read is never counted "
                        + "as zero.");
        if (load.rejectionsNotListed() > 0) {
            md.append(" Each file lists its first rejected rows with their places; the other ")
                    .append(Formats.exact(load.rejectionsNotListed())).append(" are counted here with their reasons.");
        }
        List<String> lacking = new ArrayList<>();
        for (SourceReport s : load.sources()) {
            if (s.kind().equals(SourceReport.VIDEOS) && s.missingMetrics().contains("saves")) {
                lacking.add("`" + s.file() + "` (" + s.format() + ")");
            }
        }
        if (!lacking.isEmpty()) {
            md.append("\n\nSaves are **missing** (not zero) for the videos from ").append(String.join(", ", lacking))
                    .append(": that source carries no saves count.");
        }
        for (String w : load.warnings()) {
            md.append("\n\n> ").append(w);
        }
        List<String> assumed = load.allAssumptions();
        if (!assumed.isEmpty()) {
            md.append("\n\n**Assumptions made while reading** (check them against what you know of the files):\n");
            assumed.forEach(a -> md.append("\n- ").append(a));
        }
        return md.toString();
    }

    private static Output filesTable(LoadReport load) {
        List<Column> cols = List.of(new Column("File", false), new Column("Format", false),
                new Column("Rows read", true), new Column("Used", true), new Column("Rejected", true),
                new Column("Metrics missing", false), new Column("Notes", false));
        List<List<Cell>> rows = new ArrayList<>();
        for (SourceReport s : load.sources()) {
            rows.add(List.of(Cell.plain(s.file()), Cell.plain(s.format()), VideosSection.count(s.rowsRead()),
                    VideosSection.count(s.rowsUsed()), VideosSection.count(s.rowsRejected()),
                    Cell.plain(s.missingMetrics().isEmpty() ? "none" : String.join(", ", s.missingMetrics())),
                    Cell.plain(String.join(" ", s.warnings()))));
        }
        return new Output.Table(new TableView(cols, rows, rows.size(), ""));
    }

    /** The first rejected rows with their places. */
    private static Output placesTable(LoadReport load) {
        List<List<Cell>> places = new ArrayList<>();
        List<Rejection> all = load.rejections();
        for (Rejection r : all.subList(0, Math.min(PLACES_SHOWN, all.size()))) {
            places.add(List.of(Cell.plain(r.file() + ":" + r.location()), Cell.plain(r.message())));
        }
        long rejected = load.rowsRejected();
        // Each source keeps only its first rejections with their places; the counts cover every one.
        long inJson = Math.min(MAX_LISTED, all.size());
        return new Output.Table(new TableView(List.of(new Column("Where", false), new Column("Why", false)),
                places, rejected, rejected > places.size() ? "The first " + places.size() + " of "
                        + Formats.exact(rejected) + " rejected rows; --json lists "
                        + (rejected > inJson ? Formats.exact(inJson) + " of them" : "them all") + "." : ""));
    }

    private static void presentFindings(LoadReport load, ReportContext ctx) {
        if (load.rowsRejected() > 0) {
            ctx.finding(0.2, Formats.exact(load.rowsRejected()) + " of " + Formats.exact(load.rowsRead())
                    + " input rows could not be used.", "See Data quality for each row's place and reason.", "info");
        }
        if (load.metricsMissingEverywhere().contains("saves")) {
            ctx.finding(2.0, "Your data has no saves count.", "The sources loaded carry no saves (TikTok Studio's "
                    + "standard download and the Display API never do), so save rates cannot be computed. Add the "
                    + "per-video export of a business account (its \"Add to Favorites\" column), web-item data with "
                    + "collectCount, or name a saves column with --map saves=HEADER.", "strong");
        }
    }
}
