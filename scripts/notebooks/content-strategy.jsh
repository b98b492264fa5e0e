///usr/bin/env jbang "$0" "$@" ; exit $?
// Run with `./jbang notebook scripts/notebooks/content-strategy.jsh`; the line below lets plain `jbang` run it too.
//DEPS ../notebook.java

// %% [markdown]
// # Content strategy: what earns saves?
//
// Saves mean "I want this again". This notebook compares save rates across content types, video
// lengths and hashtags, weighting each group by its views (total saves / total views), so a group's
// rate is what a viewer of that group actually did.

// %% tags=["parameters"]
String input = "data/sample";
int minVideos = 3;   // leave out groups with fewer videos than this

// %%
import static savescope.notebook.Display.*;
import savescope.charts.Theme;
import savescope.load.Loader;
import tech.tablesaw.api.*;
import org.knowm.xchart.*;

Table videos = Loader.load(List.of(Path.of(input)), Loader.Options.defaults()).videos();

/** Videos, views, saves and save rate (%) per group, largest rate first; rows without saves are left out. */
Table rateBy(String title, List<String> groups) {
    Map<String, long[]> acc = new TreeMap<>();
    LongColumn views = videos.longColumn("views");
    LongColumn saves = videos.longColumn("saves");
    for (int i = 0; i < videos.rowCount(); i++) {
        if (views.isMissing(i) || saves.isMissing(i)) continue;
        long[] a = acc.computeIfAbsent(groups.get(i), k -> new long[3]);
        a[0]++;
        a[1] += views.getLong(i);
        a[2] += saves.getLong(i);
    }
    Table t = Table.create(title, StringColumn.create(title), IntColumn.create("videos"),
            LongColumn.create("views"), LongColumn.create("saves"), DoubleColumn.create("save rate %"));
    acc.forEach((group, a) -> {
        if (a[0] < minVideos || a[1] == 0) return;
        t.stringColumn(0).append(group);
        t.intColumn("videos").append((int) a[0]);
        t.longColumn("views").append(a[1]);
        t.longColumn("saves").append(a[2]);
        t.doubleColumn("save rate %").append(100.0 * a[2] / a[1]);
    });
    return t.sortDescendingOn("save rate %");
}

/** A bar chart of the save rate per group, in the report's colours. */
CategoryChart rateChart(Table t, String title) {
    CategoryChart chart = new CategoryChartBuilder().width(760).height(320).title(title)
            .xAxisTitle(t.column(0).name()).yAxisTitle("Save rate (%)").build();
    Theme.apply(chart.getStyler());
    chart.getStyler().setLegendVisible(false);
    chart.addSeries("save rate", t.stringColumn(0).asList(), t.doubleColumn("save rate %").asList());
    return chart;
}

// %% [markdown]
// ## By content type

// %%
List<String> types = new ArrayList<>();
videos.stringColumn("content_type").forEach(s -> types.add(s == null || s.isBlank() ? "(none)" : s));
Table byType = rateBy("content type", types);
display(byType);
rateChart(byType, "Save rate by content type")

// %% [markdown]
// ## By length
//
// Longer videos have more room for something worth keeping (a recipe, a list, a tutorial), but lose
// viewers before the end.

// %%
List<String> lengths = new ArrayList<>();
DoubleColumn duration = videos.doubleColumn("duration_s");
for (int i = 0; i < videos.rowCount(); i++) {
    double d = duration.isMissing(i) ? -1 : duration.getDouble(i);
    lengths.add(d < 0 ? "unknown" : d < 15 ? "1: under 15 s" : d < 30 ? "2: 15-30 s" : d < 60 ? "3: 30-60 s" : "4: 60 s and up");
}
Table byLength = rateBy("length", lengths).sortAscendingOn("length");
display(byLength);
rateChart(byLength, "Save rate by video length")

// %% [markdown]
// ## By hashtag
//
// Each video counts once for every hashtag it carries, so the rows overlap.

// %%
Map<String, long[]> tags = new TreeMap<>();
for (int i = 0; i < videos.rowCount(); i++) {
    long views = videos.longColumn("views").isMissing(i) ? 0 : videos.longColumn("views").getLong(i);
    if (videos.longColumn("saves").isMissing(i) || views == 0) continue;
    for (String tag : videos.stringColumn("hashtags").get(i).split(" ")) {
        if (tag.isBlank()) continue;
        long[] a = tags.computeIfAbsent(tag, k -> new long[3]);
        a[0]++;
        a[1] += views;
        a[2] += videos.longColumn("saves").getLong(i);
    }
}
Table byTag = Table.create("hashtags", StringColumn.create("hashtag"), IntColumn.create("videos"),
        DoubleColumn.create("save rate %"));
tags.forEach((tag, a) -> {
    if (a[0] >= minVideos) {
        byTag.stringColumn("hashtag").append("#" + tag);
        byTag.intColumn("videos").append((int) a[0]);
        byTag.doubleColumn("save rate %").append(100.0 * a[2] / a[1]);
    }
});
byTag.sortDescendingOn("save rate %").first(15)
