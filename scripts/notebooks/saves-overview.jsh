///usr/bin/env jbang "$0" "$@" ; exit $?
// A Java notebook: run it with `./jbang notebook scripts/notebooks/saves-overview.jsh` for HTML + .ipynb,
// or plainly with `jbang scripts/notebooks/saves-overview.jsh`. The line below gives a plain run the
// SaveScope library (the notebook runner already has it).
//DEPS ../notebook.java

// %% [markdown]
// # Saves overview
//
// How often do people save your videos, and which videos do they save most? This notebook loads your
// exports, puts the headline numbers on cards, shows how save rates spread across videos, and lists the
// videos with the best save rates.

// %% tags=["parameters"]
String input = "data/sample";   // an export file or a folder of them
long minViews = 1000;           // rank save rates only from this many views up
int top = 10;                   // how many videos to list

// %%
import static savescope.notebook.Display.*;
import savescope.charts.Charts;
import savescope.load.Loader;
import savescope.metrics.SaveRate;
import savescope.metrics.Totals;
import savescope.cells.Output;
import savescope.cells.Formats;
import tech.tablesaw.api.*;

var data = Loader.load(List.of(Path.of(input)), Loader.Options.defaults());
Table videos = data.videos();
System.out.println("Loaded " + videos.rowCount() + " videos from " + data.load().sources().size() + " file(s); "
        + data.load().rowsRejected() + " rows rejected.");

// %% [markdown]
// ## The headline numbers
//
// The channel's save rate is total saves over total views; the typical video's rate is the median of
// the per-video rates, which one viral video cannot move.

// %%
Totals totals = Totals.of(videos);
Double overall = SaveRate.overall(videos);
Double typical = SaveRate.medianPerVideo(videos);
display(new Output.Kpis(List.of(
        new Output.Kpi("Videos", Formats.exact(totals.videos()), Formats.exact(totals.videos()), ""),
        new Output.Kpi("Views", Formats.compact(totals.views()), Formats.exact(totals.views()), ""),
        new Output.Kpi("Saves", Formats.compact(totals.saves()), Formats.exact(totals.saves()), ""),
        new Output.Kpi("Save rate", Formats.percent(overall), Formats.percentExact(overall), "all saves / all views"),
        new Output.Kpi("Typical video", Formats.percent(typical), Formats.percentExact(typical), "median per-video rate"))));
markdown(overall == null ? "No video has both views and saves, so there is no save rate to report."
        : "Of every 1,000 views, **" + Formats.decimal(1000 * overall, 1) + "** ended in a save.");

// %% [markdown]
// ## How save rates spread
//
// A long right tail means a few videos are saved far more often than the rest: those are the ones to
// learn from.

// %%
Charts.saveRateHistogram(SaveRate.perVideo(videos), 20)

// %% [markdown]
// ## The most saved videos for their views

// %%
Table ranked = videos.where(videos.longColumn("views").isGreaterThanOrEqualTo(minViews)
        .and(videos.longColumn("saves").isNotMissing()));
DoubleColumn rate = ranked.longColumn("saves").divide(ranked.longColumn("views")).multiply(100);
rate.setName("save rate %");
ranked.addColumns(rate);
ranked.sortDescendingOn("save rate %").selectColumns("title", "views", "saves", "save rate %").first(top)
