package savescope.report.sections;

import static savescope.report.sections.TrendsSection.orNull;
import static savescope.report.sections.TrendsSection.points;
import static savescope.report.sections.TrendsSection.rate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import savescope.charts.TimeCharts;
import savescope.metrics.Experiment;
import savescope.metrics.RatedVideo;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;
import savescope.report.ReportContext;
import savescope.report.LegacySection;

/** Compares the save rates of experiment variants with an interval, a permutation p-value and a sober verdict. */
public final class ExperimentSection implements LegacySection {
    @Override
    public boolean needsSaves() {
        return true;
    }


    @Override
    public void build(ReportContext ctx) {
        ctx.markdown("## Experiments\n\nDid a change work? Variants are sets of videos: by hashtag "
                + "(`--compare A=#hookA --compare B=#hookB`), by posting dates (`--compare before=2026-01-01..2026-03-31`) "
                + "or by a `variant` column. Each video counts once, whatever its views, because the views of one "
                + "video rise and fall together.");
        Map<String, Object> j = new LinkedHashMap<>();
        List<Experiment.Arm> arms = ctx.options().compare();
        String source = "named with --compare";
        if (arms.isEmpty()) {
            arms = Experiment.detect(ctx.videos(), ctx.ratedVideos());
            source = arms.isEmpty() ? "" : "found in the data: " + String.join(", ",
                    arms.stream().map(Experiment.Arm::rule).toList()) + " (name others with --compare)";
        }
        if (arms.size() < 2) {
            ctx.markdown("*No experiment to compare: name at least two variants with `--compare NAME=RULE`, or tag "
                    + "videos with sibling hashtags such as #hookA and #hookB.*");
            j.put("status", "no variants");
            ctx.json("experiment", j);
            return;
        }
        Experiment.Assignment a = Experiment.assign(ctx.videos(), ctx.ratedVideos(), arms, source);
        List<Experiment.Comparison> comparisons = Experiment.compare(a);
        List<String> names = new ArrayList<>(a.arms().keySet());
        double[] rates = new double[names.size()];
        double[] lows = new double[names.size()];
        double[] highs = new double[names.size()];
        int[] n = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            List<RatedVideo> vs = a.arms().get(names.get(i));
            rates[i] = RatedVideo.ratioOfSums(vs);
            n[i] = vs.size();
            Experiment.Comparison c = comparisons.get(Math.max(0, i - 1));
            lows[i] = i == 0 ? c.baselineLow() : c.variantLow();
            highs[i] = i == 0 ? c.baselineHigh() : c.variantHigh();
        }
        ctx.markdown("Variants " + source + "." + (a.overlapping() > 0 ? " " + a.overlapping()
                + " videos matched more than one variant and are left out." : ""));
        List<Output> outs = new ArrayList<>();
        if (java.util.Arrays.stream(n).allMatch(k -> k > 0)) {
            outs.add(TimeCharts.experiment(names, rates, lows, highs, n));
        }
        List<List<Cell>> rows = new ArrayList<>();
        List<Map<String, Object>> js = new ArrayList<>();
        for (Experiment.Comparison c : comparisons) {
            rows.add(List.of(Cell.plain(c.variant() + " vs " + c.baseline()),
                    Cell.plain(c.nVariant() + " / " + c.nBaseline()), rate(c.rateVariant()), rate(c.rateBaseline()),
                    Cell.plain(points(c.difference())),
                    Cell.plain(points(c.low()) + " to " + points(c.high())),
                    Cell.plain(Formats.percent(orNull(c.medianVariant())) + " / "
                            + Formats.percent(orNull(c.medianBaseline()))),
                    Cell.plain(TrendsSection.p(c.p()) + (c.exact() ? " (exact)" : "")),
                    Cell.plain(c.neededPerArm() < 0 ? "–" : Long.toString(c.neededPerArm()))));
            ctx.finding(c.level().equals("moderate") ? 1.4 : 0.9, c.variant() + " vs " + c.baseline() + ": "
                    + Formats.percent(c.rateVariant()) + " vs " + Formats.percent(c.rateBaseline()) + " save rate, "
                    + ContentStrategySection.pIs(c.p()) + (c.p() < 0.05 ? "" : "; the gap could be chance") + ".",
                    c.verdict(), c.level());
            js.add(json(c));
        }
        outs.add(new Output.Table(new TableView(List.of(new Column("Comparison", false),
                new Column("Videos", false), new Column("Save rate", true), new Column("Baseline", true),
                new Column("Difference", false), new Column("95% interval", false),
                new Column("Median per video", false), new Column("Permutation p", false),
                new Column("Videos per variant for 80% power", false)), rows, rows.size(),
                "Save rate = the variant's saves / views. Interval: " + Experiment.BOOTSTRAP + " bootstrap resamples "
                        + "of videos within each variant; p: labels shuffled over videos (seeded).")));
        ctx.code("""
                var arms = Experiment.assign(videos, variants, source);
                Experiment.compare(arms)   // bootstrap interval, permutation p, videos needed""",
                outs.toArray(Output[]::new));
        StringBuilder md = new StringBuilder("**What it means.** ");
        comparisons.forEach(c -> md.append(c.verdict()).append(" "));
        md.append("\n\nVideos needed per variant for an 80% chance of a clear result at the 5% level, if the true "
                + "gap equals the one seen: *n* = 2 (z₀.₉₇₅ + z₀.₈)² σ² / δ² = 2 × (1.96 + 0.84)² σ² / δ², where σ is "
                + "the spread (standard deviation) of per-video save rates and δ the gap in mean per-video rate.");
        ctx.markdown(md.toString().strip());
        j.put("source", source);
        j.put("arms", names.stream().map(nm -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", nm);
            m.put("videos", a.arms().get(nm).size());
            m.put("save_rate", orNull(RatedVideo.ratioOfSums(a.arms().get(nm))));
            m.put("median_rate", orNull(RatedVideo.medianRate(a.arms().get(nm))));
            return m;
        }).toList());
        j.put("overlapping_videos", a.overlapping());
        j.put("comparisons", js);
        ctx.json("experiment", j);
    }

    static Map<String, Object> json(Experiment.Comparison c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("baseline", c.baseline());
        m.put("variant", c.variant());
        m.put("videos_baseline", c.nBaseline());
        m.put("videos_variant", c.nVariant());
        m.put("rate_baseline", orNull(c.rateBaseline()));
        m.put("rate_variant", orNull(c.rateVariant()));
        m.put("difference", orNull(c.difference()));
        m.put("ci_low", orNull(c.low()));
        m.put("ci_high", orNull(c.high()));
        m.put("median_rate_baseline", orNull(c.medianBaseline()));
        m.put("median_rate_variant", orNull(c.medianVariant()));
        m.put("permutation_p", orNull(c.p()));
        m.put("permutation_exact", c.exact());
        m.put("sd_pooled", orNull(c.sdPooled()));
        m.put("mean_difference", orNull(c.meanDifference()));
        m.put("videos_needed_per_variant", c.neededPerArm() < 0 ? null : c.neededPerArm());
        m.put("verdict", c.verdict());
        return m;
    }
}
