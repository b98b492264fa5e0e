///usr/bin/env jbang "$0" "$@" ; exit $?
// Run with `./jbang notebook scripts/notebooks/content-strategy.jsh`; the line below lets plain `jbang` run it too.
//DEPS ../notebook.java

// %% [markdown]
// # Content strategy: what earns saves?
//
// Saves mean "I want this again". This notebook compares save rates across content types, video lengths
// and hashtags with the same functions the built-in report uses: each group's rate is its total saves over
// its total views, with a 95% Wilson interval, and a Kruskal–Wallis test says whether the groups' videos
// differ by more than chance.

// %% tags=["parameters"]
String input = "data/sample";
int topHashtags = 10;   // how many hashtags to list, most viewed first

// %%
import static savescope.notebook.Display.*;
import savescope.charts.AnalyticsCharts;
import savescope.load.Loader;
import savescope.metrics.GroupComparison;
import savescope.cells.Formats;
import tech.tablesaw.api.*;

Table videos = Loader.load(List.of(Path.of(input)), Loader.Options.defaults()).videos();

/** One row per group: its size, its save rate with the 95% interval, and its typical (median) video. */
Table asTable(String label, List<GroupComparison.Group> groups) {
    Table t = Table.create(label, StringColumn.create(label), IntColumn.create("videos"),
            LongColumn.create("views"), LongColumn.create("saves"), StringColumn.create("save rate"),
            StringColumn.create("95% interval"), StringColumn.create("typical video"), StringColumn.create("note"));
    for (GroupComparison.Group g : groups) {
        t.stringColumn(0).append(g.key());
        t.intColumn("videos").append(g.videos());
        t.longColumn("views").append(g.views());
        t.longColumn("saves").append(g.saves());
        t.stringColumn("save rate").append(Formats.percent(g.saveRate()));
        t.stringColumn("95% interval").append(g.ci() == null ? "–"
                : Formats.percent(g.ci().low()) + "–" + Formats.percent(g.ci().high()));
        t.stringColumn("typical video").append(Formats.percent(g.medianRate()));
        t.stringColumn("note").append(g.tooSmall() ? "too small to judge" : "");
    }
    return t;
}

/** The test's verdict in one sentence. */
String verdict(GroupComparison.Result r, String what) {
    GroupComparison.Test test = r.test();
    if (test == null) {
        return "Fewer than two " + what + " are large enough to compare, so there is no test.";
    }
    String p = test.p() < 0.001 ? "p < 0.001" : "p = " + Formats.decimal(test.p(), 3);
    return "Kruskal–Wallis across " + test.groups() + " " + what + " (" + test.n() + " videos): " + p
            + (test.p() < 0.05 ? ", so these groups probably differ in how often their videos are saved."
                    : ": gaps like these are common by chance alone.");
}

// %% [markdown]
// ## By content type
//
// Where two whiskers overlap, the difference between those groups could be chance. The whiskers treat
// every view as independent, so they are narrower than the real uncertainty: the typical video column
// (the median per-video rate) is the sturdier comparison.

// %%
var byType = GroupComparison.byContentType(videos);
display(asTable("content type", byType.groups()));
display(AnalyticsCharts.saveRateByGroup("content type", byType.groups()));
markdown(verdict(byType, "content types"));

// %% [markdown]
// ## By length
//
// Photo posts have no running time and form their own group.

// %%
var byLength = GroupComparison.byDuration(videos);
display(asTable("length", byLength.groups()));
display(AnalyticsCharts.saveRateByGroup("length", byLength.groups()));
markdown(verdict(byLength, "lengths"));

// %% [markdown]
// ## By hashtag
//
// A video counts under each of its hashtags, so the groups overlap and are not tested against each other:
// read them as descriptions of what your saved videos carry, not as causes.

// %%
var byTag = GroupComparison.byHashtag(videos);
List<GroupComparison.Group> tags = byTag.groups().subList(0, Math.min(topHashtags, byTag.groups().size()));
asTable("hashtag", tags)
