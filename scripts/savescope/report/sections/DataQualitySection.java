package savescope.report.sections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import savescope.report.LegacySection;

/** What was read, used and rejected from each input, with the reasons, and what each source lacks. */
public final class DataQualitySection implements LegacySection {
    /** The JSON lists at most this many rejections; the counts always cover all of them. */
    static final int MAX_LISTED = 1000;

    @Override
    public void build(ReportContext ctx) {
        LoadReport load = ctx.data().load();
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
        ctx.markdown(md.toString());

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
        List<Output> outputs = new ArrayList<>();
        outputs.add(new Output.Table(new TableView(cols, rows, rows.size(), "")));
        Map<String, Long> reasons = load.topReasons(10);
        if (!reasons.isEmpty()) {
            List<List<Cell>> rr = new ArrayList<>();
            reasons.forEach((reason, n) -> rr.add(List.of(Cell.plain(reason), VideosSection.count(n))));
            outputs.add(new Output.Table(new TableView(List.of(new Column("Top rejection reasons", false),
                    new Column("Rows", true)), rr, rr.size(), "")));
            List<List<Cell>> places = new ArrayList<>();
            List<Rejection> all = load.rejections();
            for (Rejection r : all.subList(0, Math.min(50, all.size()))) {
                places.add(List.of(Cell.plain(r.file() + ":" + r.location()), Cell.plain(r.message())));
            }
            long rejected = load.rowsRejected();
            // Each source keeps only its first rejections with their places; the counts cover every one.
            long inJson = Math.min(MAX_LISTED, all.size());
            outputs.add(new Output.Table(new TableView(List.of(new Column("Where", false), new Column("Why", false)),
                    places, rejected, rejected > places.size() ? "The first " + places.size() + " of "
                            + Formats.exact(rejected) + " rejected rows; --json lists "
                            + (rejected > inJson ? Formats.exact(inJson) + " of them" : "them all") + "." : "")));
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
        ctx.code("loadReport.sources()", outputs.toArray(Output[]::new));
        if (load.rowsRejected() > 0) {
            ctx.finding(0.2, Formats.exact(load.rowsRejected()) + " of " + Formats.exact(load.rowsRead())
                    + " input rows could not be used.", "See Data quality for each row's place and reason.", "info");
        }
        List<String> missing = load.metricsMissingEverywhere();
        if (missing.contains("saves")) {
            ctx.finding(2.0, "Your data has no saves count.", "The sources loaded carry no saves (TikTok Studio's "
                    + "standard download and the Display API never do), so save rates cannot be computed. Add the "
                    + "per-video export of a business account (its \"Add to Favorites\" column), web-item data with "
                    + "collectCount, or name a saves column with --map saves=HEADER.", "strong");
        }

        Map<String, Object> input = new LinkedHashMap<>();
        input.put("files", load.sources().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", s.file());
            m.put("format", s.format());
            m.put("kind", s.kind());
            m.put("rows_read", s.rowsRead());
            m.put("rows_used", s.rowsUsed());
            m.put("rows_rejected", s.rowsRejected());
            m.put("missing_metrics", s.missingMetrics());
            m.put("warnings", s.warnings());
            m.put("fields_missing", s.fieldGaps().stream().map(g -> {
                Map<String, Object> gm = new LinkedHashMap<>();
                gm.put("field", g.field());
                gm.put("header", g.header());
                gm.put("rows", g.rows());
                gm.put("first_places", g.firstPlaces());
                gm.put("first_reason", g.firstReason());
                return gm;
            }).toList());
            m.put("assumptions", s.assumptions());
            return m;
        }).toList());
        input.put("rows_read", load.rowsRead());
        input.put("rows_used", load.rowsUsed());
        input.put("rows_rejected", load.rowsRejected());
        input.put("rows_merged", load.rowsMerged());
        input.put("warnings", load.warnings());
        input.put("assumptions", load.allAssumptions());
        input.put("rejections", load.rejections().stream().limit(MAX_LISTED).map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", r.file());
            m.put("location", r.location());
            m.put("reason", r.message());
            return m;
        }).toList());
        // The rejected rows not in the list above: past this list's length, or past a source's own listed ones.
        input.put("rejections_not_listed", load.rowsRejected() - Math.min(MAX_LISTED, load.rejections().size()));
        ctx.json("input", input);
    }
}
