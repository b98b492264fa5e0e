///usr/bin/env jbang "$0" "$@" ; exit $?
// Run with `./jbang notebook scripts/notebooks/ab-experiment.jsh --param a=tutorial --param b=comedy`;
// the line below lets plain `jbang` run it too.
//DEPS ../notebook.java

// %% [markdown]
// # An A/B comparison of save rates
//
// Did one kind of video really earn more saves, or was it luck? This notebook compares two groups of
// videos (two values of a column, such as two content types) in two ways:
//
// - **per video**: are the save rates of group A's videos generally higher than group B's? (a
//   Mann–Whitney U test, which needs no assumption about how rates are distributed);
// - **per view**: the pooled save rate of each group with a 95% confidence interval for the difference.
//   Views of one video are not independent draws, so read this interval as optimistic.
//
// TikTok exports give no randomised assignment: this compares what you posted, not a controlled
// experiment. Post both variants over the same weeks to make the comparison fair.

// %% tags=["parameters"]
String input = "data/sample";
String column = "content_type";   // the column that tells the groups apart
String a = "";                    // group A's value; empty: the largest group
String b = "";                    // group B's value; empty: the next largest
double confidence = 0.95;

// %%
import static savescope.notebook.Display.*;
import savescope.charts.Theme;
import savescope.load.Loader;
import savescope.cells.Formats;
import tech.tablesaw.api.*;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.knowm.xchart.*;

Table videos = Loader.load(List.of(Path.of(input)), Loader.Options.defaults()).videos();
StringColumn groups = videos.stringColumn(column);
Map<String, Integer> sizes = new TreeMap<>();
groups.forEach(g -> sizes.merge(g == null ? "" : g, 1, Integer::sum));
List<String> bySize = sizes.entrySet().stream().filter(e -> !e.getKey().isBlank())
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
String groupA = !a.isEmpty() ? a : bySize.size() > 0 ? bySize.get(0) : "";
String groupB = !b.isEmpty() ? b : bySize.stream().filter(g -> !g.equals(groupA)).findFirst().orElse("");
System.out.println("Groups in " + column + ": " + sizes);
System.out.println("A = " + groupA + ", B = " + groupB);

// %%
record Group(String name, double[] rates, long views, long saves) {
    double pooled() { return views == 0 ? Double.NaN : (double) saves / views; }
}
Group group(String name) {
    List<Double> rates = new ArrayList<>();
    long v = 0, s = 0;
    for (int i = 0; i < videos.rowCount(); i++) {
        if (!name.equals(groups.get(i)) || videos.longColumn("views").isMissing(i) || videos.longColumn("saves").isMissing(i)) continue;
        long views = videos.longColumn("views").getLong(i);
        if (views == 0) continue;
        long saves = videos.longColumn("saves").getLong(i);
        rates.add((double) saves / views);
        v += views;
        s += saves;
    }
    return new Group(name, rates.stream().mapToDouble(Double::doubleValue).toArray(), v, s);
}
Group ga = group(groupA);
Group gb = group(groupB);
if (ga.rates().length < 2 || gb.rates().length < 2) {
    throw new IllegalArgumentException("each group needs at least two videos with views and saves; found "
            + ga.rates().length + " for A (" + groupA + ") and " + gb.rates().length + " for B (" + groupB
            + "). Choose groups with --param a=VALUE --param b=VALUE.");
}
Table summary = Table.create("groups", StringColumn.create("group"), IntColumn.create("videos"),
        LongColumn.create("views"), LongColumn.create("saves"), DoubleColumn.create("pooled rate %"),
        DoubleColumn.create("median video rate %"));
for (Group g : List.of(ga, gb)) {
    summary.stringColumn("group").append(g.name());
    summary.intColumn("videos").append(g.rates().length);
    summary.longColumn("views").append(g.views());
    summary.longColumn("saves").append(g.saves());
    summary.doubleColumn("pooled rate %").append(100 * g.pooled());
    summary.doubleColumn("median video rate %").append(100 * savescope.metrics.SaveRate.quantile(g.rates(), 0.5));
}
summary

// %% [markdown]
// ## Per video: Mann–Whitney U

// %%
double p = new MannWhitneyUTest().mannWhitneyUTest(ga.rates(), gb.rates());
// One dot per video, each group in its own column; a small fixed spread keeps equal rates from hiding each other.
XYChart dots = new XYChartBuilder().width(760).height(320).title("Save rate per video")
        .xAxisTitle(groupA + " (left) and " + groupB + " (right), one dot per video").yAxisTitle("Save rate (%)").build();
Theme.apply(dots.getStyler());
dots.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
dots.getStyler().setXAxisMin(0.4);
dots.getStyler().setXAxisMax(2.6);
dots.getStyler().setXAxisTicksVisible(false);
dots.getStyler().setPlotGridVerticalLinesVisible(false);
for (Group g : List.of(ga, gb)) {
    double column = g == ga ? 1 : 2;
    double[] x = new double[g.rates().length];
    for (int i = 0; i < x.length; i++) x[i] = column + 0.3 * ((i % 7) / 6.0 - 0.5);
    dots.addSeries(g.name(), x, Arrays.stream(g.rates()).map(r -> 100 * r).toArray());
}
display(dots);
markdown("Two-sided p = **" + Formats.decimal(p, 3) + "**: " + (p < 1 - confidence
        ? "the per-video save rates of the two groups differ by more than chance would usually give."
        : "a difference this large is common by chance alone with this many videos; keep posting both."));

// %% [markdown]
// ## Per view: the difference of pooled rates

// %%
double diff = ga.pooled() - gb.pooled();
double se = Math.sqrt(ga.pooled() * (1 - ga.pooled()) / ga.views() + gb.pooled() * (1 - gb.pooled()) / gb.views());
double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidence) / 2);
markdown(String.format(Locale.ROOT, "Pooled save rate of **%s** minus **%s**: **%+.3f** percentage points "
        + "(%.0f%% interval %+.3f to %+.3f).", groupA, groupB, 100 * diff, 100 * confidence,
        100 * (diff - z * se), 100 * (diff + z * se)));
