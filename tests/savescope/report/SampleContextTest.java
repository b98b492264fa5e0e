package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import savescope.load.CommentsReader;
import savescope.load.CsvRows;
import savescope.load.Loader;
import savescope.model.Canonical;
import savescope.model.Dataset;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The time and context sections on the bundled sample, end to end and in a real browser. */
class SampleContextTest {
    @org.junit.jupiter.api.io.TempDir
    Path dir;

    static SaveReport.Result build(Dataset d, ReportOptions o) {
        return ContextSectionsTest.build(d, o);
    }

    static String html(SaveReport.Result r) throws IOException {
        return ContextSectionsTest.html(r);
    }

    /** The bundled sample: videos and daily through the loader, comments through CommentsReader, followers from the ZIP. */
    @Test
    @SuppressWarnings("unchecked")
    void onTheSampleEverySectionHasRealNumbers() throws Exception {
        Path sample = Path.of("data", "sample");
        Dataset loaded = Loader.load(List.of(sample.resolve("videos.csv"), sample.resolve("daily.csv")),
                Loader.Options.defaults());
        Table comments = Canonical.emptyComments("comments");
        CommentsReader.readJson(sample.resolve("comments.json"), comments);
        List<Dataset.ChannelTable> channel = new ArrayList<>(
                followers(sample.resolve("Followers_2026-11-20_1795165200_lena.bakes.zip")));
        channel.add(viewers(sample.resolve("Viewers_2026-11-20_1795165200_lena.bakes.zip")));
        Dataset d = new Dataset(loaded.videos(), loaded.daily(), loaded.snapshots(), channel, comments, loaded.load());
        SaveReport.Result r = build(d, ReportOptions.defaults());
        Map<String, Object> j = r.json();
        Map<String, Object> trend = (Map<String, Object>) ((Map<String, Object>) j.get("trends")).get("trend_test");
        assertEquals(52, trend.get("n"));
        assertEquals("up", trend.get("direction"), "the sample models a mild upward trend");
        Map<String, Object> acc = (Map<String, Object>) j.get("accumulation");
        int evergreen = (int) acc.get("evergreen_videos");
        assertTrue(evergreen >= 20 && evergreen <= 45, "about a fifth of 150 videos: " + evergreen);
        Map<String, Object> early = (Map<String, Object>) j.get("early_signal");
        assertTrue((int) early.get("videos") > 100);
        Map<String, Object> exp = (Map<String, Object>) j.get("experiment");
        List<Map<String, Object>> arms = (List<Map<String, Object>>) exp.get("arms");
        assertEquals(10, arms.get(0).get("videos"));
        assertEquals(10, arms.get(1).get("videos"));
        Map<String, Object> com = (Map<String, Object>) j.get("comments");
        assertEquals(500, com.get("comments"));
        double saving = (double) com.get("about_saving_share");
        assertTrue(saving > 0.10 && saving < 0.25, "about 16% talk about saving: " + saving);
        Map<String, Object> aud = (Map<String, Object>) j.get("audience");
        assertTrue((long) ((Map<String, Object>) aud.get("followers")).get("followers_end") > 40_000);
        assertTrue(aud.containsKey("active_hours"));
        Map<String, Object> viewers = (Map<String, Object>) aud.get("viewers");
        // 7 cells are undefined in the sample: 1 total, 3 new, 3 returning; 3 days lack total or returning.
        assertEquals(365 - 3, viewers.get("days"));
        double back = (double) viewers.get("returning_share");
        assertTrue(back > 0 && back < 1, "returning share " + back);
        String page = html(r);
        for (String user : List.of("ruby.eats", "laura.crumbs", "unique_id", "nickname")) {
            assertFalse(page.contains(user), user + " must never reach the report");
        }
        if (savescope.browser.BrowserCheck.findChromium().isPresent()) {
            Path file = dir.resolve("sample.html");
            Files.writeString(file, page);
            savescope.browser.BrowserCheck.Result seen = savescope.browser.BrowserCheck.check(file, null,
                    java.time.Duration.ofSeconds(60));
            // Overview histogram, weekly rate and saves, accumulation, experiment, posting grid.
            assertEquals(List.of(), seen.problems(6, 8));
        }
    }

    /**
     * The follower tables of a Studio Followers ZIP, with the year-less dates placed on or before the last day
     * the sample covers (the export of 20 November lags two days).
     */
    static List<Dataset.ChannelTable> followers(Path zip) throws IOException {
        LocalDate export = LocalDate.of(2026, 11, 18);
        List<Dataset.ChannelTable> out = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                List<String[]> rows = rows(e.getName(), new ByteArrayInputStream(bytes));
                switch (e.getName()) {
                    case "FollowerGender.csv" -> out.add(new Dataset.ChannelTable("FollowerGender", e.getName(),
                            Table.create("g", StringColumn.create("gender", rows.stream().map(r -> r[0]).toList()),
                                    DoubleColumn.create("share", rows.stream().mapToDouble(r -> Double.parseDouble(r[1])).toArray()))));
                    case "FollowerTopTerritories.csv" -> out.add(new Dataset.ChannelTable("FollowerTopTerritories",
                            e.getName(), Table.create("t", StringColumn.create("territory", rows.stream().map(r -> r[0]).toList()),
                                    DoubleColumn.create("share", rows.stream().mapToDouble(r -> Double.parseDouble(r[1])).toArray()))));
                    case "FollowerHistory.csv" -> out.add(new Dataset.ChannelTable("FollowerHistory", e.getName(),
                            Table.create("h", DateColumn.create("date", rows.stream().map(r -> date(r[0], export)).toList()),
                                    LongColumn.create("followers", rows.stream().mapToLong(r -> Long.parseLong(r[1])).toArray()))));
                    case "FollowerActivity.csv" -> out.add(new Dataset.ChannelTable("FollowerActivity", e.getName(),
                            Table.create("a", DateColumn.create("date", rows.stream().map(r -> date(r[0], export)).toList()),
                                    IntColumn.create("hour", rows.stream().mapToInt(r -> Integer.parseInt(r[1])).toArray()),
                                    LongColumn.create("active_followers", rows.stream().mapToLong(r -> Long.parseLong(r[2])).toArray()))));
                    default -> { }
                }
            }
        }
        return out;
    }

    /** The Studio Viewers table; "undefined" cells become missing. */
    static Dataset.ChannelTable viewers(Path zip) throws IOException {
        LocalDate export = LocalDate.of(2026, 11, 18);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e = in.getNextEntry();
            List<String[]> rows = rows(e.getName(), new ByteArrayInputStream(in.readAllBytes()));
            LongColumn total = LongColumn.create("total_viewers");
            LongColumn back = LongColumn.create("returning_viewers");
            for (String[] r : rows) {
                for (var pair : List.of(Map.entry(total, r[1]), Map.entry(back, r[3]))) {
                    if (pair.getValue().equals("undefined")) {
                        pair.getKey().appendMissing();
                    } else {
                        pair.getKey().append(Long.parseLong(pair.getValue()));
                    }
                }
            }
            return new Dataset.ChannelTable("Viewers", e.getName(), Table.create("v",
                    DateColumn.create("date", rows.stream().map(r -> date(r[0], export)).toList()), total, back));
        }
    }

    static List<String[]> rows(String name, InputStream in) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (CsvRows rows = new CsvRows(name, in)) {
            String[] r;
            while ((r = rows.next()) != null) {
                out.add(r);
            }
        }
        return out;
    }

    static LocalDate date(String monthDay, LocalDate export) {
        MonthDay md = MonthDay.parse(monthDay, DateTimeFormatter.ofPattern("MMMM d", Locale.ENGLISH));
        LocalDate d = md.atYear(export.getYear());
        return d.isAfter(export) ? d.minusYears(1) : d;
    }
}
