///usr/bin/env jbang "$0" "$@" ; exit $?
// Run with `./jbang notebook scripts/notebooks/trends-evergreen.jsh`; the line below lets plain `jbang` run it too.
//DEPS ../notebook.java

// %% [markdown]
// # Trends and evergreen videos
//
// Is the channel's save rate rising or falling, month by month? And which videos keep collecting saves
// long after posting? Evergreen videos are the ones worth updating, pinning and linking to.

// %% tags=["parameters"]
String input = "data/sample";
int earlyDays = 7;         // saves in a video's first days count as "early"
long minDailySaves = 10;   // judge only videos with at least this many saves in the daily export

// %%
import static savescope.notebook.Display.*;
import java.time.*;
import java.time.format.TextStyle;
import savescope.charts.Theme;
import savescope.load.Loader;
import tech.tablesaw.api.*;
import org.knowm.xchart.*;

var data = Loader.load(List.of(Path.of(input)), Loader.Options.defaults());
Table videos = data.videos();
Table daily = data.daily();
System.out.println(videos.rowCount() + " videos, " + daily.rowCount() + " daily rows");

// %% [markdown]
// ## Save rate by month of posting
//
// Each month's rate is its videos' total saves over their total views, so a month with one viral video
// leans toward that video's rate: check the views column before reading a dip as a trend.

// %%
Map<YearMonth, long[]> months = new TreeMap<>();
for (int i = 0; i < videos.rowCount(); i++) {
    Instant posted = videos.instantColumn("posted_at").get(i);
    if (posted == null || videos.longColumn("views").isMissing(i) || videos.longColumn("saves").isMissing(i)) continue;
    long[] a = months.computeIfAbsent(YearMonth.from(posted.atZone(ZoneOffset.UTC)), k -> new long[3]);
    a[0]++;
    a[1] += videos.longColumn("views").getLong(i);
    a[2] += videos.longColumn("saves").getLong(i);
}
Table byMonth = Table.create("months", StringColumn.create("month"), IntColumn.create("videos"),
        LongColumn.create("views"), LongColumn.create("saves"), DoubleColumn.create("save rate %"));
months.forEach((m, a) -> {
    if (a[1] == 0) return;
    byMonth.stringColumn("month").append(m.toString());
    byMonth.intColumn("videos").append((int) a[0]);
    byMonth.longColumn("views").append(a[1]);
    byMonth.longColumn("saves").append(a[2]);
    byMonth.doubleColumn("save rate %").append(100.0 * a[2] / a[1]);
});
display(byMonth);
CategoryChart trend = new CategoryChartBuilder().width(760).height(300).title("Save rate by month of posting")
        .xAxisTitle("Month posted").yAxisTitle("Save rate (%)").build();
Theme.apply(trend.getStyler());
trend.getStyler().setLegendVisible(false);
if (byMonth.rowCount() > 0) {
    // Short axis labels ("Nov 25", "Dec", ...): a year only where it starts or changes, so 12+ months fit.
    List<String> labels = new ArrayList<>();
    for (String m : byMonth.stringColumn("month")) {
        YearMonth ym = YearMonth.parse(m);
        String name = ym.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        boolean withYear = labels.isEmpty() || ym.getMonthValue() == 1;
        labels.add(withYear ? name + " " + ym.getYear() % 100 : name);
    }
    trend.addSeries("save rate", labels, byMonth.doubleColumn("save rate %").asList());
    display(trend);
} else {
    markdown("No video has a posting date, views and saves, so there is no trend to draw.");
}

// %% [markdown]
// ## Evergreen videos
//
// From the daily export: the share of each video's saves that came after its first days. Day 0 is the
// first day the export has for the video.

// %%
Map<String, LocalDate> firstDay = new HashMap<>();
Map<String, long[]> saves = new TreeMap<>();   // video -> {early saves, later saves}
DateColumn dates = daily.dateColumn("date");
LongColumn dailySaves = daily.longColumn("saves");
for (int i = 0; i < daily.rowCount(); i++) {
    firstDay.merge(daily.stringColumn("video_id").get(i), dates.get(i), (a, b) -> a.isBefore(b) ? a : b);
}
for (int i = 0; i < daily.rowCount(); i++) {
    if (dailySaves.isMissing(i)) continue;
    String id = daily.stringColumn("video_id").get(i);
    long age = java.time.temporal.ChronoUnit.DAYS.between(firstDay.get(id), dates.get(i));
    saves.computeIfAbsent(id, k -> new long[2])[age < earlyDays ? 0 : 1] += dailySaves.getLong(i);
}
Map<String, String> titles = new HashMap<>();
for (int i = 0; i < videos.rowCount(); i++) {
    titles.put(videos.stringColumn("video_id").get(i), videos.stringColumn("title").get(i));
}
Table evergreen = Table.create("evergreen", StringColumn.create("video"), LongColumn.create("early saves"),
        LongColumn.create("later saves"), DoubleColumn.create("later share %"));
saves.forEach((id, s) -> {
    if (s[0] + s[1] < minDailySaves) return;
    evergreen.stringColumn("video").append(titles.getOrDefault(id, id));
    evergreen.longColumn("early saves").append(s[0]);
    evergreen.longColumn("later saves").append(s[1]);
    evergreen.doubleColumn("later share %").append(100.0 * s[1] / (s[0] + s[1]));
});
if (daily.rowCount() == 0) {
    markdown("This input has no daily export (`daily.csv`), so evergreen videos cannot be told apart.");
} else {
    markdown("**" + evergreen.rowCount() + "** videos have at least " + minDailySaves + " saves in the daily export; "
            + "the ones at the top still collect most of their saves after day " + earlyDays + ".");
}
evergreen.sortDescendingOn("later share %").first(15)
