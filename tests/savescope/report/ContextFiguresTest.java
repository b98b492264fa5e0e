package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import savescope.load.Loader;
import savescope.metrics.AudienceContext;
import savescope.metrics.ContextFrames;
import savescope.metrics.Experiment;
import savescope.metrics.TitledRate;
import savescope.model.Canonical;
import savescope.model.Dataset;
import savescope.model.LoadReport;
import savescope.model.Rejection;
import savescope.model.SourceReport;
import savescope.report.sections.AccountsSection;
import savescope.report.sections.AudienceSection;
import savescope.report.sections.CommentsSection;
import savescope.report.sections.DataQualitySection;
import savescope.report.sections.ExperimentSection;
import tech.tablesaw.api.Table;

/** The context sections' figures, read as records: the numbers behind their JSON, computed by hand. */
class ContextFiguresTest {
    static final LoadReport NOTHING = new LoadReport(List.of(), List.of());

    static SaveReport.Result build(Dataset d, ReportOptions o) {
        return ContextSectionsTest.build(d, o);
    }

    /** Six weekly videos of @lena (views 1000 + w, saves 10 + w, #tutorial on even weeks) and four of @max. */
    static Dataset twoAccounts() {
        ContextFrames f = ContextSectionsTest.weeklyVideos(6);
        for (int i = 0; i < 4; i++) {
            f.video("m" + i, "@max", "2026-02-0" + (i + 1) + "T09:00:00Z", 2000L, 2L, "");
        }
        return Dataset.ofVideos(f.videos(), NOTHING);
    }

    static ReportOptions compare(String... specs) {
        return new ReportOptions(null, 1000, 500, Experiment.Arm.parseAll(List.of(specs)), 10);
    }

    @Test
    void withVideosAloneEachContextPartHasOnlyItsStatus() {
        SaveReport.Result r = build(Dataset.ofVideos(ContextSectionsTest.weeklyVideos(6).videos(), NOTHING),
                ReportOptions.defaults());
        assertEquals("no variants", r.figures(ExperimentSection.Figures.class).experiment().status());
        assertNull(r.figures(ExperimentSection.Figures.class).experiment().arms());
        assertEquals("needs a comments file", r.figures(CommentsSection.Figures.class).comments().status());
        assertNull(r.figures(CommentsSection.Figures.class).comments().comments());
        AudienceSection.Audience a = r.figures(AudienceSection.Figures.class).audience();
        assertEquals("needs the Studio Followers export", a.status());
        assertNull(a.followers());
        assertNull(a.gender());
        assertNull(a.activeHours());
        // Every video is posted on a Monday at 18:00 UTC: one slot of 6 videos, saves 10..15 over views 1000..1005.
        assertEquals(List.of(new AudienceContext.PostingCell(1, 16, 6, 75.0 / 6015)), a.postingGrid());
        assertNull(r.figures(AccountsSection.Figures.class).accounts(), "one account: nothing compared");
        assertFalse(r.json().containsKey("accounts"));
    }

    @Test
    void twoAccountsAreComparedWithMannWhitney() {
        List<AccountsSection.Account> accounts = build(twoAccounts(), ReportOptions.defaults())
                .figures(AccountsSection.Figures.class).accounts().accounts();
        assertEquals(List.of("@lena", "@max"), accounts.stream().map(AccountsSection.Account::account).toList());
        AccountsSection.Account lena = accounts.get(0);
        AccountsSection.Account max = accounts.get(1);
        // @lena: views 1000..1005 (6,015), saves 10..15 (75); the median of six rising rates is halfway between the
        // third and the fourth.
        assertEquals(6, lena.videos());
        assertEquals(6015L, lena.views());
        assertEquals(75L, lena.saves());
        assertEquals(75.0 / 6015, lena.saveRate(), 1e-15);
        assertEquals((12.0 / 1002 + 13.0 / 1003) / 2, lena.medianRate(), 1e-15);
        assertEquals("2026-01-05T18:00:00Z", lena.firstPost());
        assertEquals("2026-02-09T18:00:00Z", lena.lastPost());
        assertEquals(8000L, max.views());
        assertEquals(0.001, max.saveRate(), 1e-15);
        assertEquals("2026-02-01T09:00:00Z", max.firstPost());
        assertEquals("2026-02-04T09:00:00Z", max.lastPost());
        // Every @lena rate is above every @max rate: U = 0 of 6 × 4; normal approximation, mean 12, variance
        // 6 × 4 × 11 / 12 = 22, two-sided.
        double p = 2 * new NormalDistribution().cumulativeProbability(-12 / Math.sqrt(22));
        assertEquals(p, lena.pVsOthers(), 1e-12);
        assertEquals(p, max.pVsOthers(), 1e-12);
    }

    @Test
    void variantsNamedWithCompareGetAnExactPermutationTest() {
        ExperimentSection.Summary e = build(twoAccounts(), compare("tut=#tutorial", "vlog=#vlog"))
                .figures(ExperimentSection.Figures.class).experiment();
        assertNull(e.status());
        assertEquals("named with --compare", e.source());
        assertEquals(0, (int) e.overlappingVideos());
        // tut: weeks 0, 2, 4 (saves 36 of 3,006 views); vlog: weeks 1, 3, 5 (39 of 3,009); @max has no hashtag.
        assertEquals(List.of(new ExperimentSection.Arm("tut", 3, 36.0 / 3006, 12.0 / 1002),
                new ExperimentSection.Arm("vlog", 3, 39.0 / 3009, 13.0 / 1003)), e.arms());
        ExperimentSection.Comparison c = e.comparisons().get(0);
        assertEquals(39.0 / 3009 - 36.0 / 3006, c.difference(), 1e-15);
        assertTrue(c.permutationExact(), "20 ways to split 6 videos 3 and 3");
        assertEquals(exactP(new long[][] {{1000, 10}, {1002, 12}, {1004, 14}}, new long[][] {{1001, 11}, {1003, 13},
            {1005, 15}}), c.permutationP(), 1e-12);
        // 14 of the 20 splits give a gap at least as large: p = 0.7, no verdict either way.
        assertEquals("info", c.level());
        assertTrue(c.verdict().startsWith("No clear difference between vlog and tut: 1.30% against 1.20%"), c.verdict());
        assertEquals(e.outcome().comparisons().get(0).verdict(), c.verdict());
    }

    /** Share of the splits of the pooled videos into groups of the arms' sizes whose gap is at least the one seen. */
    static double exactP(long[][] a, long[][] b) {
        List<long[]> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        double seen = Math.abs(rate(List.of(b)) - rate(List.of(a)));
        int n = all.size();
        int hits = 0;
        int splits = 0;
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) != a.length) {
                continue;
            }
            List<long[]> in = new ArrayList<>();
            List<long[]> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ((mask >> i & 1) == 1 ? in : out).add(all.get(i));
            }
            splits++;
            hits += Math.abs(rate(out) - rate(in)) >= seen - 1e-12 ? 1 : 0;
        }
        return (double) hits / splits;
    }

    private static double rate(List<long[]> videos) {
        return (double) videos.stream().mapToLong(v -> v[1]).sum() / videos.stream().mapToLong(v -> v[0]).sum();
    }

    @Test
    void anEmptyVariantHasNoRateAndNoVideosNeeded() {
        ExperimentSection.Summary e = build(Dataset.ofVideos(ContextSectionsTest.weeklyVideos(6).videos(), NOTHING),
                compare("none=#nosuchtag", "tut=#tutorial")).figures(ExperimentSection.Figures.class).experiment();
        assertEquals(0, e.arms().get(0).videos());
        assertTrue(Double.isNaN(e.arms().get(0).saveRate()));
        assertTrue(Double.isNaN(e.outcome().arms().get(0).low()), "no interval without videos");
        ExperimentSection.Comparison c = e.comparisons().get(0);
        assertTrue(Double.isNaN(c.permutationP()));
        assertNull(c.videosNeededPerVariant());
        assertEquals("info", c.level());
    }

    @Test
    void audienceSegmentsAreSizedAndSmallOnesHidden() {
        ContextFrames f = ContextSectionsTest.weeklyVideos(4);
        Dataset d = new Dataset(f.videos(), Canonical.emptyDaily("d"), Canonical.emptySnapshots("s"), List.of(
                new Dataset.ChannelTable("FollowerHistory", "h.csv", ContextSectionsTest.history(1000)),
                new Dataset.ChannelTable("FollowerGender", "g.csv", ContextSectionsTest.shareTable("gender",
                        new String[] {"Female", "Male", "Other"}, new double[] {0.9, 0.095, 0.005}))),
                Canonical.emptyComments("c"), NOTHING);
        AudienceSection.Audience a = build(d, ReportOptions.defaults()).figures(AudienceSection.Figures.class).audience();
        assertNull(a.status());
        assertEquals(new AudienceSection.Followers("2026-01-01", "2026-03-01", 500, 1000), a.followers());
        assertNull(a.viewers(), "no Viewers table");
        assertNull(a.territories());
        // 1,000 followers: 900, 95 and 5; 5 is under 10.
        assertEquals(List.of(900L, 95L), a.gender().stream().limit(2).map(s -> s.counts().estimated()).toList());
        assertEquals(0.9, (Double) a.gender().get(0).share(), 0);
        assertEquals(new AudienceContext.Segment("Other", null, null, true), a.gender().get(2).counts());
        assertEquals("fewer than 10", a.gender().get(2).share());
        assertEquals("fewer than 10", a.gender().get(2).estimatedFollowers());
        AudienceSection.Audience strict = build(d, new ReportOptions(null, 1000, 500, List.of(), 100))
                .figures(AudienceSection.Figures.class).audience();
        assertEquals(100, strict.minSegment());
        assertTrue(strict.gender().get(1).counts().suppressed(), "95 < 100");
    }

    @Test
    void commentsAreCountedWithoutTheirText() {
        ContextFrames f = ContextSectionsTest.weeklyVideos(4);
        Table c = Canonical.emptyComments("c");
        for (int i = 0; i < 3; i++) {
            c.stringColumn(Canonical.VIDEO_ID).append("v1");
            c.stringColumn(Canonical.TEXT).append("<script>alert(1)</script> saved @someone.private");
            c.longColumn(Canonical.LIKES).append(1);
            c.instantColumn(Canonical.CREATED_AT).append(ContextSectionsTest.NOW);
        }
        Dataset d = new Dataset(f.videos(), Canonical.emptyDaily("d"), Canonical.emptySnapshots("s"), List.of(), c,
                NOTHING);
        CommentsSection.Comments k = build(d, ReportOptions.defaults()).figures(CommentsSection.Figures.class).comments();
        assertEquals(3, (int) k.comments());
        assertEquals(3, (int) k.aboutSaving(), "each says \"saved\"");
        assertEquals(1.0, k.aboutSavingShare(), 0);
        assertEquals(0, (int) k.positive());
        // "script", "alert" and "saved" are in 3 comments, but each only inside a pair as frequent: the pairs stay.
        assertEquals(List.of("script alert", "script saved"), k.themes().stream().map(t -> t.term()).toList());
        assertEquals(List.of(new CommentsSection.VideoCounts("v1", 3, 0, 0, 3, 0.0)), k.perVideo());
        assertEquals(List.of(new TitledRate("v1", "Video v1", 11.0 / 1001)), k.mostCommented());
        assertTrue(Double.isNaN(k.savingShareVsSaveRateRho()), "one video: no correlation");
        String everything = k.toString();
        assertFalse(everything.contains("someone"), "mentions never reach the figures");
        assertFalse(everything.contains("<script>alert(1)</script> saved"), "nor a comment's text");
    }

    @Test
    void dataQualityListsAThousandRejectionsAndCountsTheRest() {
        List<Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            rejections.add(Rejection.at("v.csv", i + 2, 3, "column \"Total saves\": expected a count, found \"x\""));
        }
        SourceReport videos = new SourceReport("v.csv", "generic CSV", 1500, 300, rejections, List.of("shares"),
                List.of("a warning"));
        SourceReport channel = new SourceReport("c.csv", "Studio", 10, 10, List.of(), List.of(), List.of(),
                SourceReport.CHANNEL);
        Dataset d = Dataset.ofVideos(ContextSectionsTest.weeklyVideos(4).videos(),
                new LoadReport(List.of(videos, channel), List.of("run warning"), 2));
        DataQualitySection.Input in = build(d, ReportOptions.defaults()).figures(DataQualitySection.Figures.class).input();
        assertEquals(1510, in.rowsRead());
        assertEquals(310, in.rowsUsed());
        assertEquals(1200, in.rowsRejected());
        assertEquals(2, in.rowsMerged());
        assertEquals(1000, in.rejections().size());
        assertEquals(200, in.rejectionsNotListed(), "1,200 rejected, 1,000 listed");
        assertEquals(new DataQualitySection.ListedRejection("v.csv", "2:3",
                "column \"Total saves\": expected a count, found \"x\""), in.rejections().get(0));
        assertEquals(List.of("v.csv", "c.csv"), in.files().stream().map(DataQualitySection.InputFile::file).toList());
        assertEquals(1200, in.files().get(0).rowsRejected());
        assertEquals(List.of("shares"), in.files().get(0).missingMetrics());
        assertEquals(List.of("run warning"), in.warnings());
    }

    @Test
    void onTheSampleTheContextFiguresMatchTheData() {
        Dataset d = Loader.load(List.of(Path.of("data", "sample")), Loader.Options.defaults());
        SaveReport.Result r = build(d, ReportOptions.defaults());
        ExperimentSection.Summary e = r.figures(ExperimentSection.Figures.class).experiment();
        assertEquals("found in the data: #hooka, #hookb (name others with --compare)", e.source());
        assertEquals(List.of(10, 10), e.arms().stream().map(ExperimentSection.Arm::videos).toList());
        CommentsSection.Comments k = r.figures(CommentsSection.Figures.class).comments();
        assertEquals(500, (int) k.comments());
        assertEquals(k.aboutSaving() / 500.0, k.aboutSavingShare(), 1e-15);
        assertEquals(10, k.mostCommented().size());
        String everything = k.toString();
        for (String user : List.of("ruby.eats", "laura.crumbs", "Ruby B.", "the way you explain things is so calming")) {
            assertFalse(everything.contains(user), user + " never reaches the figures");
        }
        AudienceSection.Audience a = r.figures(AudienceSection.Figures.class).audience();
        // 365 days; 3 lack total or returning viewers.
        assertEquals(362, a.viewers().days());
        assertEquals(24, a.activeHours().activeFollowersByHour().size());
        assertEquals(a.activeHours().postingHours().busyVideos() + a.activeHours().postingHours().otherVideos(),
                a.activeHours().postingHours().correlation().n(), "every video with a posting hour is paired");
        DataQualitySection.Input in = r.figures(DataQualitySection.Figures.class).input();
        assertEquals(d.load().rowsRead(), in.rowsRead());
        assertEquals(d.load().sources().size(), in.files().size());
    }
}
