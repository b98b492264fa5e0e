package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import savescope.cli.Cli;
import savescope.cli.ReportCommand;
import savescope.cells.Cell;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.load.Loader;
import savescope.metrics.PeriodRates;
import savescope.report.sections.AccountsSection;
import savescope.report.sections.ChannelSection;
import savescope.report.sections.ContentStrategySection;
import savescope.report.sections.OverviewSection;
import savescope.report.sections.PeriodSection;
import savescope.report.sections.PeriodView;

/**
 * The sample report with {@code --period last-28d --vs previous}: its period cards and group tables against numbers
 * recomputed here from the CSV rows themselves (a small CSV reader of this test's own, not the loader), and the
 * chance flags against their intervals.
 */
class PeriodViewTest {
    static final Path SAMPLE = Path.of("data", "sample");
    /** The two periods, counted by hand: the daily series ends on 20 Nov 2026, so the last 28 days start 24 Oct. */
    static final LocalDate FROM = LocalDate.of(2026, 10, 24);
    static final LocalDate TO = LocalDate.of(2026, 11, 20);
    static final LocalDate BEFORE_FROM = LocalDate.of(2026, 9, 26);
    static final LocalDate BEFORE_TO = LocalDate.of(2026, 10, 23);

    static SaveReport.Result report;
    static List<Row> videos;

    /** One row of a Studio-style per-video CSV, as this test reads it. */
    record Row(String id, String title, LocalDate day, long views, long saves) {
        double rate() {
            return (double) saves / views;
        }

        /** The content type as the sample's README defines it: the first type whose hashtag the title carries. */
        String type() {
            String t = title.toLowerCase(Locale.ROOT) + " ";
            Map<String, List<String>> types = Map.of("tutorial", List.of("#tutorial ", "#howto ", "#bakingtips "),
                    "recipe", List.of("#recipe ", "#easyrecipe "), "comedy", List.of("#comedy ", "#funny "),
                    "vlog", List.of("#vlog ", "#dayinmylife "), "review", List.of("#review ", "#tastetest "));
            return types.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(t::contains))
                    .map(Map.Entry::getKey).findFirst().orElse("other");
        }
    }

    @BeforeAll
    static void build() throws IOException {
        ReportOptions options = new ReportOptions(null, 1000, 500, List.of(), ReportOptions.DEFAULT_MIN_SEGMENT,
                "last-28d", "previous");
        report = SaveReport.build(Loader.load(List.of(SAMPLE), Loader.Options.defaults()), options,
                Instant.parse("2026-01-01T00:00:00Z"));
        videos = read(SAMPLE.resolve("videos.csv"));
    }

    @Test
    void theLastDayOfTheDailySeriesAnchorsThePeriods() throws IOException {
        LocalDate last = Files.readAllLines(SAMPLE.resolve("daily.csv")).stream().skip(1)
                .map(l -> LocalDate.parse(l.split(",")[1])).max(LocalDate::compareTo).orElseThrow();
        assertEquals(TO, last);
        OverviewSection.PeriodKpis k = kpis();
        assertEquals(new PeriodView.Span(FROM.toString(), TO.toString(), "the last 28 days"), k.period());
        assertEquals(new PeriodView.Span(BEFORE_FROM.toString(), BEFORE_TO.toString(), "the 28 days before"),
                k.comparison());
    }

    @Test
    void cardsOfBothPeriodsAndTheirChangesAgreeWithTheRows() {
        List<Row> now = postedIn(FROM, TO, r -> true);
        List<Row> before = postedIn(BEFORE_FROM, BEFORE_TO, r -> true);
        OverviewSection.PeriodKpis k = kpis();
        assertEquals(now.size(), k.totals().videos());
        assertEquals(before.size(), k.totalsComparison().videos());
        assertEquals(sum(now, Row::views), k.totals().views());
        assertEquals(sum(before, Row::views), k.totalsComparison().views());
        assertEquals(sum(now, Row::saves), k.totals().saves());
        assertEquals(sum(before, Row::saves), k.totalsComparison().saves());
        double a = rate(now);
        double b = rate(before);
        assertEquals(a, k.saveRate().overall(), 1e-12);
        assertEquals(b, k.saveRateComparison().overall(), 1e-12);
        assertEquals(median(now), k.saveRate().medianPerVideo(), 1e-12);
        assertEquals(median(before), k.saveRateComparison().medianPerVideo(), 1e-12);
        PeriodRates change = k.saveRateChange();
        assertEquals(a - b, change.change(), 1e-12);
        assertEquals((a - b) / b, change.changeRelative(), 1e-12);
        assertChanceAgreesWithInterval(change);
        // The same interval as the period section's experiment comparison: one method, the experiments'.
        var experiment = report.figures(PeriodSection.Figures.class).comparison().rate();
        assertEquals(experiment.low(), change.ciLow(), 0);
        assertEquals(experiment.high(), change.ciHigh(), 0);
        // What the cards print: the change in points and percent, written here from the hand-computed rates.
        Output.Kpi saveRate = card("Save rate");
        assertEquals(String.format(Locale.ROOT, "%s%.2f pts · %s%.0f%%", sign(a - b), Math.abs(a - b) * 100,
                sign(a - b), Math.abs((a - b) / b) * 100), saveRate.change().change());
        assertEquals(String.format(Locale.ROOT, "vs %.2f%%", b * 100), saveRate.change().vs());
        assertEquals(change.couldBeChance() ? "could be chance" : "unlikely to be chance", saveRate.change().chance());
        long dv = now.size() - before.size();
        assertEquals(sign(dv) + Math.abs(dv) + String.format(Locale.ROOT, " · %s%.0f%%", sign(dv),
                Math.abs(100.0 * dv / before.size())), card("Videos posted").change().change());
    }

    @Test
    void theTopContentTypeInBothPeriods() {
        List<PeriodView.GroupRow> rows = report.figures(ContentStrategySection.Figures.class).periodGroups()
                .byContentType();
        // The whole table lists the most viewed type first: recipe in the sample.
        PeriodView.GroupRow top = rows.get(0);
        assertEquals("recipe", top.group());
        List<Row> now = postedIn(FROM, TO, r -> r.type().equals("recipe"));
        List<Row> before = postedIn(BEFORE_FROM, BEFORE_TO, r -> r.type().equals("recipe"));
        PeriodRates r = top.rates();
        assertEquals(now.size(), r.videos());
        assertEquals(before.size(), r.videosComparison());
        assertEquals(rate(now), r.saveRate(), 1e-12);
        assertEquals(rate(before), r.saveRateComparison(), 1e-12);
        assertEquals(rate(now) - rate(before), r.change(), 1e-12);
        assertEquals((rate(now) - rate(before)) / rate(before), r.changeRelative(), 1e-12);
        // Two recipe videos in the last 28 days: fewer than the experiments' three, so no interval and no verdict.
        assertEquals(2, now.size());
        assertNull(r.ciLow());
        assertNull(r.couldBeChance());
        List<String> shown = tableRow("Content type", "recipe").stream().map(TableView.Cell::text).toList();
        assertEquals(List.of("recipe", "2", Integer.toString(before.size()),
                String.format(Locale.ROOT, "%.2f%%", rate(now) * 100),
                String.format(Locale.ROOT, "%.2f%%", rate(before) * 100),
                String.format(Locale.ROOT, "+%.2f", (rate(now) - rate(before)) * 100),
                String.format(Locale.ROOT, "+%.0f%%", (rate(now) - rate(before)) / rate(before) * 100), "–", "too few"),
                shown);
    }

    @Test
    void everyChanceFlagIsWhetherItsIntervalHoldsZero() {
        var p = report.figures(ContentStrategySection.Figures.class).periodGroups();
        int judged = 0;
        for (List<PeriodView.GroupRow> table : List.of(p.byContentType(), p.byHashtag(), p.byDuration(), p.byWeekday(),
                p.byHour())) {
            for (PeriodView.GroupRow row : table) {
                assertChanceAgreesWithInterval(row.rates());
                judged += row.rates().ciLow() == null ? 0 : 1;
            }
        }
        assertTrue(judged >= 3, "the sample has groups with three videos a side: " + judged);
        // What the tables print says the same.
        for (List<TableView.Cell> shown : periodTableRows()) {
            String chance = shown.get(8).text();
            String interval = shown.get(7).text();
            if (interval.equals("–")) {
                assertTrue(chance.equals("–") || chance.equals("too few"), chance);
                continue;
            }
            String[] ends = interval.replace('\u2212', '-').split(" to ");
            boolean holdsZero = Double.parseDouble(ends[0]) <= 0 && Double.parseDouble(ends[1]) >= 0;
            assertEquals(holdsZero ? "yes" : "no", chance, interval);
        }
    }

    @Test
    void savesGainedAgreeWithTheSnapshotsAndTheDailySeries() throws IOException {
        // The period starts the day after the 23 Oct export (taken at its midnight): per video, saves now minus
        // saves then; a video posted since counts from 0.
        Map<String, Long> then = new HashMap<>();
        read(SAMPLE.resolve("snapshots").resolve("videos_2026-10-23.csv")).forEach(r -> then.put(r.id(), r.saves()));
        long gained = videos.stream().mapToLong(r -> r.saves() - then.getOrDefault(r.id(), 0L)).sum();
        assertTrue(videos.stream().filter(r -> !then.containsKey(r.id())).allMatch(r -> !r.day().isBefore(BEFORE_TO)));
        OverviewSection.PeriodKpis k = kpis();
        assertEquals(gained, k.savesGained());
        assertEquals("snapshots", k.savesGainedSource());
        // No export before 26 Sep: the comparison's gains come from the daily series, so both are also given that way.
        assertEquals(daily(BEFORE_FROM, BEFORE_TO), k.savesGainedComparison());
        assertEquals("daily series", k.savesGainedComparisonSource());
        assertEquals(daily(FROM, TO), k.savesGainedDaily());
        assertEquals(daily(BEFORE_FROM, BEFORE_TO), k.savesGainedDailyComparison());
        assertFalse(k.gainsComparable());
        assertEquals("", card("Saves gained").change().change(), "counted differently: not compared");
        assertNotNull(card("Saves gained, daily series").change().change());
    }

    /**
     * Studio's Overview rows run one a day, oldest first, from 19 Nov 2025 (its dates have no year): the period's sums
     * are its rows' sums; with 26 days of the period in the export against 28, the change is per day.
     */
    @Test
    void channelSumsOfBothPeriods() throws IOException {
        List<String> lines;
        try (var zip = new java.util.zip.ZipFile(SAMPLE.resolve("Overview_2026-11-20_1795165200_lena.bakes.zip")
                .toFile())) {
            lines = new String(zip.getInputStream(zip.getEntry("Overview.csv")).readAllBytes(), StandardCharsets.UTF_8)
                    .lines().skip(1).toList();
        }
        long now = 0;
        long before = 0;
        int daysNow = 0;
        for (int i = 0; i < lines.size(); i++) {
            LocalDate day = LocalDate.of(2025, 11, 19).plusDays(i);
            long views = Long.parseLong(fields(lines.get(i)).get(1));
            if (!day.isBefore(FROM) && !day.isAfter(TO)) {
                now += views;
                daysNow++;
            } else if (!day.isBefore(BEFORE_FROM) && !day.isAfter(BEFORE_TO)) {
                before += views;
            }
        }
        var p = report.figures(ChannelSection.Figures.class).periodChannel();
        assertEquals(26, daysNow);
        assertEquals(daysNow, p.days());
        assertEquals(28, p.daysComparison());
        assertEquals(now, p.totals().get("video_views"));
        assertEquals(before, p.totalsComparison().get("video_views"));
        double perDay = ((double) now / 26) / ((double) before / 28) - 1;
        assertEquals(String.format(Locale.ROOT, "%s%.0f%% a day", sign(perDay), Math.abs(perDay) * 100),
                outputs(Output.Kpis.class).stream().flatMap(k -> k.kpis().stream())
                        .filter(k -> k.label().equals("Video views") && k.change() != null).findFirst().orElseThrow()
                        .change().change());
    }

    /**
     * Two accounts worked by hand, with markup in every label: in the last 28 days account one's three videos (1,000
     * views each) have 10, 20 and 30 saves (2%), against 10 each (1%) in the 28 days before: +1 point, +100%.
     * Account two's have 20 saves of 2,000 views each (1%) against 40 (2%): −1 point, −50%.
     */
    @Test
    void accountsInBothPeriodsAndLabelsFromTheDataEscaped(@TempDir Path dir) throws Exception {
        String one = "<b>acct</b>";
        String two = "<i>two</i>";
        StringBuilder csv = new StringBuilder("video_id,account,title,post_time,content_type,duration_s,views,likes,"
                + "comments,shares,saves,hashtags\n");
        int id = 0;
        for (String day : List.of("2024-05-26", "2024-05-27", "2024-05-28", "2024-04-10", "2024-04-11", "2024-04-12")) {
            boolean now = day.startsWith("2024-05");
            long saves = now ? 10L * (id % 3 + 1) : 10;
            csv.append(line(++id, one, day, 1000, saves)).append(line(++id, two, day, 2000, now ? 20 : 40));
        }
        Path file = dir.resolve("hostile.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        ReportOptions options = new ReportOptions(null, 0, 500, List.of(), ReportOptions.DEFAULT_MIN_SEGMENT,
                "last-28d", "previous");
        SaveReport.Result r = SaveReport.build(Loader.load(List.of(file), Loader.Options.defaults()), options,
                Instant.parse("2026-01-01T00:00:00Z"));
        var accounts = r.figures(AccountsSection.Figures.class).periodAccounts().accounts();
        PeriodRates a = accounts.stream().filter(g -> g.group().equals(one)).findFirst().orElseThrow().rates();
        PeriodRates b = accounts.stream().filter(g -> g.group().equals(two)).findFirst().orElseThrow().rates();
        assertEquals(List.of(3, 3, 3, 3), List.of(a.videos(), a.videosComparison(), b.videos(), b.videosComparison()));
        assertEquals(0.02, a.saveRate(), 1e-12);
        assertEquals(0.01, a.saveRateComparison(), 1e-12);
        assertEquals(0.01, a.change(), 1e-12);
        assertEquals(1.0, a.changeRelative(), 1e-12);
        assertEquals(-0.01, b.change(), 1e-12);
        assertEquals(-0.5, b.changeRelative(), 1e-12);
        // Account two's videos are alike within each period: every resample gives −1 point, so no chance.
        assertEquals(-0.01, b.ciLow(), 1e-12);
        assertEquals(-0.01, b.ciHigh(), 1e-12);
        assertFalse(b.couldBeChance());
        assertChanceAgreesWithInterval(a);

        Path out = dir.resolve("hostile.html");
        CommandLine cl = Cli.commandLine(new ReportCommand());
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertEquals(0, cl.execute(file.toString(), "-o", out.toString(), "--no-index", "--period", "last-28d",
                "--generated-at", "2026-01-01T00:00:00Z"), err.toString());
        String page = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(page.replaceAll(">\\s+<", "><").contains("<td>&lt;b&gt;acct&lt;/b&gt;</td><td class=\"num\" "
                + "data-sort=\"3\">3</td><td class=\"num\" data-sort=\"3\">3</td><td class=\"num\" data-sort=\"0.02\" "
                + "title=\"2.000000%\">2.00%</td>"), "account one's row in the period table, escaped");
        assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;"), "the content type, escaped");
        for (String raw : List.of("<b>acct", "<i>two", "<img", "alert(1)</script>")) {
            assertFalse(page.contains(raw), raw);
        }
    }

    /** Two accounts of the same three videos each (1,000 views, 10 saves): equal, so neither is "the highest". */
    @Test
    void accountsWithEqualRatesAreSaidToBeEqual(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("video_id,account,title,post_time,content_type,duration_s,views,likes,"
                + "comments,shares,saves,hashtags\n");
        int id = 0;
        for (String day : List.of("2024-05-26", "2024-05-27", "2024-05-28")) {
            csv.append(line(++id, "north", day, 1000, 10)).append(line(++id, "south", day, 1000, 10));
        }
        Path file = dir.resolve("twins.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        SaveReport.Result r = SaveReport.build(Loader.load(List.of(file), Loader.Options.defaults()),
                ReportOptions.defaults(), Instant.parse("2026-01-01T00:00:00Z"));
        String text = r.notebook().cells().toString();
        assertFalse(text.contains("has the highest typical save rate"), "no account picked out of a tie");
        assertTrue(text.contains("have the same typical save rate (1.00% per video), the highest of the 2 accounts"),
                "the tie said as such");
    }

    static String line(int id, String account, String day, long views, long saves) {
        return String.join(",", "91000000000000000" + String.format(Locale.ROOT, "%02d", id), account,
                "video " + id, day + "T18:00:00Z", id % 2 == 0 ? "<img src=x onerror=alert(1)>" : "tutorial", "30",
                Long.toString(views), "50", "5", "5", Long.toString(saves), "#<script>alert(1)</script>") + "\n";
    }

    /**
     * The last 7 days against the 7 before hold 2 and 2 of the sample's videos (its README's posting days), below
     * the 3 a side the cards ask for: the section's change has no interval either, in the JSON or on the page.
     */
    @Test
    void tooFewVideosGiveNoIntervalInTheSectionEither() {
        ReportOptions options = new ReportOptions(null, 1000, 500, List.of(), ReportOptions.DEFAULT_MIN_SEGMENT,
                "last-7d", "previous");
        SaveReport.Result r = SaveReport.build(Loader.load(List.of(SAMPLE), Loader.Options.defaults()), options,
                Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(2, postedIn(TO.minusDays(6), TO, x -> true).size());
        assertEquals(2, postedIn(TO.minusDays(13), TO.minusDays(7), x -> true).size());
        @SuppressWarnings("unchecked")
        Map<String, Object> change = (Map<String, Object>) ((Map<String, Object>) r.json().get("period_comparison"))
                .get("save_rate_change");
        assertEquals(List.of("difference", "ci_low", "ci_high", "p"), new ArrayList<>(change.keySet()));
        assertNotNull(change.get("difference"));
        assertNull(change.get("ci_low"));
        assertNull(change.get("ci_high"));
        assertNull(change.get("p"));
        String text = r.notebook().cells().toString();
        assertTrue(text.contains("too few videos to judge (fewer than 3 on a side)"), "the table's note");
        assertFalse(text.contains("95% interval of the change"), "no interval anywhere in the section");
    }

    /**
     * A year before the last 28 days the sample's daily series has only its first day(s): that sum is not the
     * period's gain, so it is not compared with the 28 days' (it was +86,033% before), and no like-with-like card.
     */
    @Test
    void aDailySeriesWithFewerDaysOfOnePeriodIsNotCompared() throws IOException {
        ReportOptions options = new ReportOptions(null, 1000, 500, List.of(), ReportOptions.DEFAULT_MIN_SEGMENT,
                "last-28d", "year-ago");
        SaveReport.Result r = SaveReport.build(Loader.load(List.of(SAMPLE), Loader.Options.defaults()), options,
                Instant.parse("2026-01-01T00:00:00Z"));
        LocalDate from = FROM.minusYears(1);
        LocalDate to = TO.minusYears(1);
        long covered = Files.readAllLines(SAMPLE.resolve("daily.csv")).stream().skip(1)
                .map(l -> LocalDate.parse(l.split(",")[1])).filter(d -> !d.isBefore(from) && !d.isAfter(to))
                .distinct().count();
        assertTrue(covered > 0 && covered < 28, "the series starts inside the year-ago period: " + covered);
        OverviewSection.PeriodKpis k = r.figures(OverviewSection.Figures.class).periodKpis();
        assertEquals("daily series, " + covered + " of 28 days", k.savesGainedComparisonSource());
        assertEquals(daily(from, to), k.savesGainedComparison());
        assertFalse(k.gainsComparable());
        assertNull(k.savesGainedDaily());
        assertNull(k.savesGainedDailyComparison());
        assertTrue(r.notebook().cells().stream().flatMap(c -> c.outputs().stream())
                .filter(o -> o instanceof Output.Kpis).flatMap(o -> ((Output.Kpis) o).kpis().stream())
                .noneMatch(x -> x.label().startsWith("Saves gained") && x.change() != null
                        && x.change().change().contains("%")), "no percent change of saves gained");
    }

    @Test
    void withoutAPeriodNothingIsAdded() {
        SaveReport.Result plain = SaveReport.build(Loader.load(List.of(SAMPLE), Loader.Options.defaults()),
                ReportOptions.defaults(), Instant.parse("2026-01-01T00:00:00Z"));
        assertNull(plain.figures(OverviewSection.Figures.class).periodKpis());
        assertNull(plain.figures(ContentStrategySection.Figures.class).periodGroups());
        for (String key : List.of("period_kpis", "period_groups", "period_accounts", "period_comparison")) {
            assertFalse(plain.json().containsKey(key), key);
        }
        assertTrue(report.json().containsKey("period_kpis") && report.json().containsKey("period_groups"));
        assertTrue(plain.notebook().cells().stream().flatMap(c -> c.outputs().stream())
                .filter(o -> o instanceof Output.Kpis).flatMap(o -> ((Output.Kpis) o).kpis().stream())
                .allMatch(k -> k.change() == null));
    }

    static void assertChanceAgreesWithInterval(PeriodRates r) {
        boolean enough = r.videos() >= 3 && r.videosComparison() >= 3;
        assertEquals(enough, r.ciLow() != null, r.toString());
        if (enough) {
            assertTrue(r.ciLow() <= r.ciHigh());
            assertEquals(r.ciLow() <= 0 && r.ciHigh() >= 0, r.couldBeChance(), r.toString());
        } else {
            assertNull(r.couldBeChance());
        }
    }

    static OverviewSection.PeriodKpis kpis() {
        return report.figures(OverviewSection.Figures.class).periodKpis();
    }

    static Output.Kpi card(String label) {
        return outputs(Output.Kpis.class).stream().flatMap(k -> k.kpis().stream())
                .filter(k -> k.label().equals(label) && k.change() != null).findFirst().orElseThrow();
    }

    static <O extends Output> List<O> outputs(Class<O> type) {
        List<O> out = new ArrayList<>();
        for (Cell c : report.notebook().cells()) {
            c.outputs().stream().filter(type::isInstance).map(type::cast).forEach(out::add);
        }
        return out;
    }

    /** The rows of every period table (the tables whose second column is "Videos now"). */
    static List<List<TableView.Cell>> periodTableRows() {
        return outputs(Output.Table.class).stream().map(Output.Table::table)
                .filter(t -> t.columns().get(1).name().equals("Videos now")).flatMap(t -> t.rows().stream()).toList();
    }

    static List<TableView.Cell> tableRow(String firstColumn, String group) {
        return outputs(Output.Table.class).stream().map(Output.Table::table)
                .filter(t -> t.columns().get(0).name().equals(firstColumn)
                        && t.columns().get(1).name().equals("Videos now"))
                .flatMap(t -> t.rows().stream()).filter(r -> r.get(0).text().equals(group)).findFirst().orElseThrow();
    }

    static List<Row> postedIn(LocalDate from, LocalDate to, Predicate<Row> also) {
        return videos.stream().filter(r -> !r.day().isBefore(from) && !r.day().isAfter(to)).filter(also).toList();
    }

    static long sum(List<Row> rows, java.util.function.ToLongFunction<Row> f) {
        return rows.stream().mapToLong(f).sum();
    }

    static double rate(List<Row> rows) {
        return (double) sum(rows, Row::saves) / sum(rows, Row::views);
    }

    /** The median of per-video rates: the middle one, or the mean of the two middle ones. */
    static double median(List<Row> rows) {
        double[] r = rows.stream().mapToDouble(Row::rate).sorted().toArray();
        return r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
    }

    static String sign(double d) {
        return d >= 0 ? "+" : "\u2212";
    }

    /** Saves in the daily series on the days from {@code from} to {@code to}, both included. */
    static long daily(LocalDate from, LocalDate to) throws IOException {
        return Files.readAllLines(SAMPLE.resolve("daily.csv")).stream().skip(1).map(l -> l.split(","))
                .filter(f -> !LocalDate.parse(f[1]).isBefore(from) && !LocalDate.parse(f[1]).isAfter(to))
                .mapToLong(f -> Long.parseLong(f[6])).sum();
    }

    /**
     * The sample's per-video CSV: a BOM, every field quoted, quotes doubled inside; the id is the link's last part,
     * post times are UTC, counts may carry thousands separators.
     */
    static List<Row> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<Row> rows = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            List<String> f = fields(line);
            if (f.get(0).equals("Video title")) {
                continue;
            }
            String link = f.get(1);
            rows.add(new Row(link.substring(link.lastIndexOf('/') + 1), f.get(0),
                    LocalDateTime.parse(f.get(2).replace(' ', 'T')).atOffset(ZoneOffset.UTC).toLocalDate(),
                    Long.parseLong(f.get(3).replace(",", "")), Long.parseLong(f.get(7).replace(",", ""))));
        }
        return rows;
    }

    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                b.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return Arrays.asList(out.toArray(new String[0]));
    }
}
