package savescope.report.sections;

import static savescope.report.sections.TrendsSection.orNull;
import static savescope.report.sections.TrendsSection.points;
import static savescope.report.sections.TrendsSection.rate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import savescope.charts.TimeCharts;
import savescope.metrics.Analytics;
import savescope.metrics.Experiment;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;
import savescope.report.ReportContext;
import savescope.report.ReportOptions;
import savescope.report.Section;

/** Compares the save rates of experiment variants with an interval, a permutation p-value and a sober verdict. */
public final class ExperimentSection implements Section<ExperimentSection.Figures> {
    @Override
    public boolean needsSaves() {
        return true;
    }

    /** @param experiment the JSON's {@code experiment}: the variants compared, or only a status without two */
    public record Figures(Summary experiment) {}

    /**
     * The test of variants; with fewer than two variants, only {@code status}.
     *
     * @param status why nothing is compared, or null when variants were compared
     * @param source how the variants were chosen, in words
     * @param arms each variant's videos and rates
     * @param overlappingVideos videos that matched more than one variant and were left out
     * @param comparisons each variant after the first against the first
     * @param outcome what {@link Analytics#experiment} gave, for the chart and the code cell
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(String status, String source, List<Arm> arms, Integer overlappingVideos,
            List<Comparison> comparisons, @JsonIgnore Experiment.Outcome outcome) {

        static final Summary NO_VARIANTS = new Summary("no variants", null, null, null, null, null);

        public static Summary of(Experiment.Outcome o, String source) {
            return new Summary(null, source, o.arms().stream().map(Arm::of).toList(), o.overlapping(),
                    o.comparisons().stream().map(Comparison::of).toList(), o);
        }
    }

    /**
     * One variant.
     *
     * @param name its name
     * @param videos its videos with a save rate
     * @param saveRate their saves / views (NaN, written as null, without videos)
     * @param medianRate the median per-video rate
     */
    public record Arm(String name, int videos, double saveRate, double medianRate) {
        static Arm of(Experiment.ArmSummary a) {
            return new Arm(a.name(), a.videos(), a.saveRate(), a.medianRate());
        }
    }

    /**
     * One variant against the baseline, as {@link Experiment.Comparison} computes it; NaN is written as null.
     *
     * @param videosNeededPerVariant videos per variant for 80% power, or null when there is no gap
     * @param level how sure the verdict is: {@code moderate}, {@code weak} or {@code info}
     */
    public record Comparison(String baseline, String variant, int videosBaseline, int videosVariant, double rateBaseline,
            double rateVariant, double difference, double ciLow, double ciHigh, double medianRateBaseline,
            double medianRateVariant, double permutationP, boolean permutationExact, double sdPooled,
            double meanDifference, Long videosNeededPerVariant, String verdict, @JsonIgnore String level) {

        static Comparison of(Experiment.Comparison c) {
            return new Comparison(c.baseline(), c.variant(), c.nBaseline(), c.nVariant(), c.rateBaseline(),
                    c.rateVariant(), c.difference(), c.low(), c.high(), c.medianBaseline(), c.medianVariant(), c.p(),
                    c.exact(), c.sdPooled(), c.meanDifference(), c.neededPerArm() < 0 ? null : c.neededPerArm(),
                    c.verdict(), c.level());
        }
    }

    @Override
    public Figures analyse(Analytics data, ReportOptions options) {
        List<Experiment.Arm> arms = options.compare();
        String source = "named with --compare";
        if (arms.isEmpty()) {
            arms = data.experimentArms();
            source = arms.isEmpty() ? "" : "found in the data: " + String.join(", ",
                    arms.stream().map(Experiment.Arm::rule).toList()) + " (name others with --compare)";
        }
        if (arms.size() < 2) {
            return new Figures(Summary.NO_VARIANTS);
        }
        return new Figures(Summary.of(data.experiment(arms), source));
    }

    @Override
    public void present(Figures f, ReportContext ctx) {
        ctx.markdown("## Experiments\n\nDid a change work? Variants are sets of videos: by hashtag "
                + "(`--compare A=#hookA --compare B=#hookB`), by posting dates (`--compare before=2026-01-01..2026-03-31`) "
                + "or by a `variant` column. Each video counts once, whatever its views, because the views of one "
                + "video rise and fall together.");
        Summary s = f.experiment();
        if (s.status() != null) {
            ctx.markdown("*No experiment to compare: name at least two variants with `--compare NAME=RULE`, or tag "
                    + "videos with sibling hashtags such as #hookA and #hookB.*");
            return;
        }
        ctx.markdown("Variants " + s.source() + "." + (s.overlappingVideos() > 0 ? " " + s.overlappingVideos()
                + " videos matched more than one variant and are left out." : ""));
        List<Output> outs = new ArrayList<>();
        List<Experiment.ArmSummary> arms = s.outcome().arms();
        if (arms.stream().allMatch(a -> a.videos() > 0)) {
            outs.add(TimeCharts.experiment(arms.stream().map(Experiment.ArmSummary::name).toList(),
                    arms.stream().mapToDouble(Experiment.ArmSummary::saveRate).toArray(),
                    arms.stream().mapToDouble(Experiment.ArmSummary::low).toArray(),
                    arms.stream().mapToDouble(Experiment.ArmSummary::high).toArray(),
                    arms.stream().mapToInt(Experiment.ArmSummary::videos).toArray()));
        }
        outs.add(comparisonTable(s.comparisons()));
        ctx.code("""
                var outcome = data.experiment(options.compare().isEmpty()
                        ? data.experimentArms() : options.compare());   // bootstrap, permutation p, videos needed""", Map.of("outcome", s.outcome()),
                outs.toArray(Output[]::new));
        presentVerdicts(s.comparisons(), ctx);
    }

    private static Output comparisonTable(List<Comparison> comparisons) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Comparison c : comparisons) {
            rows.add(List.of(Cell.plain(c.variant() + " vs " + c.baseline()),
                    Cell.plain(c.videosVariant() + " / " + c.videosBaseline()), rate(c.rateVariant()),
                    rate(c.rateBaseline()), Cell.plain(points(c.difference())),
                    Cell.plain(points(c.ciLow()) + " to " + points(c.ciHigh())),
                    Cell.plain(Formats.percent(orNull(c.medianRateVariant())) + " / "
                            + Formats.percent(orNull(c.medianRateBaseline()))),
                    Cell.plain(TrendsSection.p(c.permutationP()) + (c.permutationExact() ? " (exact)" : "")),
                    Cell.plain(c.videosNeededPerVariant() == null ? "–" : Long.toString(c.videosNeededPerVariant()))));
        }
        return new Output.Table(new TableView(List.of(new Column("Comparison", false),
                new Column("Videos", false), new Column("Save rate", true), new Column("Baseline", true),
                new Column("Difference", false), new Column("95% interval", false),
                new Column("Median per video", false), new Column("Permutation p", false),
                new Column("Videos per variant for 80% power", false)), rows, rows.size(),
                "Save rate = the variant's saves / views. Interval: " + Experiment.BOOTSTRAP + " bootstrap resamples "
                        + "of videos within each variant; p: labels shuffled over videos (seeded)."));
    }

    private static void presentVerdicts(List<Comparison> comparisons, ReportContext ctx) {
        StringBuilder md = new StringBuilder("**What it means.** ");
        for (Comparison c : comparisons) {
            ctx.finding(c.level().equals("moderate") ? 1.4 : 0.9, savescope.UserText.isolated(c.variant()) + " vs "
                    + savescope.UserText.isolated(c.baseline()) + ": "
                    + Formats.percent(c.rateVariant()) + " vs " + Formats.percent(c.rateBaseline()) + " save rate, "
                    + ContentStrategySection.pIs(c.permutationP()) + (c.permutationP() < 0.05 ? ""
                    : "; the gap could be chance") + ".", c.verdict(), c.level());
            md.append(c.verdict()).append(" ");
        }
        md.append("\n\nVideos needed per variant for an 80% chance of a clear result at the 5% level, if the true "
                + "gap equals the one seen: *n* = 2 (z₀.₉₇₅ + z₀.₈)² σ² / δ² = 2 × (1.96 + 0.84)² σ² / δ², where σ is "
                + "the spread (standard deviation) of per-video save rates and δ the gap in mean per-video rate.");
        ctx.markdown(md.toString().strip());
    }
}
