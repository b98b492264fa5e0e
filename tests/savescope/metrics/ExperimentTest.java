package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExperimentTest {

    static RatedVideo v(String id, long views, long saves) {
        return new RatedVideo(id, "", null, views, saves, Set.of(), "");
    }

    @Test
    void exactPermutationPValueOverAllSplits() {
        // A = 1/100, 2/100; B = 3/100, 4/100. Ratio of sums: A 3/200 = 1.5%, B 7/200 = 3.5%, gap 2 points.
        // The 6 ways to split 4 videos 2+2 give gaps |{12}v{34}| = 2, |{13}v{24}| = 1, |{14}v{23}| = 0 points and
        // their mirror images: 2 of 6 are at least 2 points, p = 1/3.
        Experiment.Comparison c = Experiment.compare("A", List.of(v("1", 100, 1), v("2", 100, 2)), "B",
                List.of(v("3", 100, 3), v("4", 100, 4)));
        assertEquals(0.015, c.rateBaseline(), 1e-12);
        assertEquals(0.035, c.rateVariant(), 1e-12);
        assertEquals(0.02, c.difference(), 1e-12);
        assertTrue(c.exact());
        assertEquals(1.0 / 3, c.p(), 1e-12);
        // Medians per video: A (1% + 2%)/2, B (3% + 4%)/2.
        assertEquals(0.015, c.medianBaseline(), 1e-12);
        assertEquals(0.035, c.medianVariant(), 1e-12);
        // Pooled sd: each arm's squared deviations 2 * 0.005^2 = 0.00005, df = 2: sqrt(0.0001/2) = 0.0070711.
        assertEquals(Math.sqrt(0.00005), c.sdPooled(), 1e-12);
        // n = 2 (1.959964 + 0.841621)^2 * 0.00005 / 0.02^2 = 2 * 7.848880 * 0.125 = 1.962 -> 2 per arm.
        assertEquals(2, c.neededPerArm());
        assertTrue(c.verdict().startsWith("Too few videos"), c.verdict());
        assertEquals("info", c.level());
    }

    @Test
    void sampleSizeFormula() {
        // 2 * 7.848880 * 0.01^2 / 0.005^2 = 62.79 -> 63 videos per arm.
        assertEquals(63, Experiment.neededPerArm(0.01, 0.005));
        assertEquals(63, Experiment.neededPerArm(0.01, -0.005));
        assertEquals(-1, Experiment.neededPerArm(0.01, 0));
    }

    @Test
    void aClearGapIsCalledModeratelyAndAskedToBeRepeated() {
        List<RatedVideo> a = List.of(v("a1", 1000, 10), v("a2", 1000, 11), v("a3", 1000, 9), v("a4", 1000, 10),
                v("a5", 1000, 12), v("a6", 1000, 8));
        List<RatedVideo> b = List.of(v("b1", 1000, 30), v("b2", 1000, 31), v("b3", 1000, 29), v("b4", 1000, 33),
                v("b5", 1000, 28), v("b6", 1000, 30));
        Experiment.Comparison c = Experiment.compare("A", a, "B", b);
        // C(12, 6) = 924 splits, tried exhaustively; only the observed split and its mirror reach a 2-point gap.
        assertTrue(c.exact());
        assertEquals(2.0 / 924, c.p(), 1e-12);
        assertTrue(c.low() > 0, "bootstrap interval above zero");
        assertEquals("moderate", c.level());
        assertTrue(c.verdict().contains("higher save rate"), c.verdict());
        assertTrue(c.verdict().contains("repeat it"), c.verdict());
        String lower = c.verdict().toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("prove") || lower.contains("cause") || lower.contains("significant"), c.verdict());
        Experiment.Comparison again = Experiment.compare("A", a, "B", b);
        assertEquals(c.low(), again.low(), 0.0, "seeded: the same interval every run");
    }

    @Test
    void noClearDifferenceSaysItCannotTellAndHowManyVideosItWouldTake() {
        List<RatedVideo> a = List.of(v("a1", 1000, 10), v("a2", 1000, 20), v("a3", 1000, 15), v("a4", 1000, 25));
        List<RatedVideo> b = List.of(v("b1", 1000, 12), v("b2", 1000, 22), v("b3", 1000, 14), v("b4", 1000, 24));
        Experiment.Comparison c = Experiment.compare("A", a, "B", b);
        assertTrue(c.p() > 0.1);
        assertEquals("info", c.level());
        assertTrue(c.verdict().startsWith("No clear difference"), c.verdict());
        assertTrue(c.verdict().contains("does not show they are equal"), c.verdict());
        assertTrue(c.verdict().contains(String.format(java.util.Locale.ROOT, "%,d videos per variant", c.neededPerArm())), c.verdict());
    }

    @Test
    void parsesHashtagDateRangeAndVariantRules() {
        Experiment.Arm tag = Experiment.Arm.parse("A=#HookA");
        assertEquals("A", tag.name());
        assertEquals("hooka", tag.hashtag());
        Experiment.Arm range = Experiment.Arm.parse("before=2026-01-01..2026-01-31");
        assertEquals(LocalDate.of(2026, 1, 1), range.from());
        assertEquals(LocalDate.of(2026, 1, 31), range.to());
        assertEquals("x", Experiment.Arm.parse("X=variant:x").variant());
        assertEquals("--compare \"A=2026-02-01..2026-01-01\": the range ends (2026-01-01) before it starts (2026-02-01)",
                assertThrows(savescope.UserError.class, () -> Experiment.Arm.parse("A=2026-02-01..2026-01-01"))
                        .getMessage());
        assertEquals("--compare \"A=hookA\": expected #hashtag, FROM..TO dates or variant:VALUE after \"=\", found \"hookA\"",
                assertThrows(savescope.UserError.class, () -> Experiment.Arm.parse("A=hookA")).getMessage());
        assertThrows(savescope.UserError.class, () -> Experiment.Arm.parse("=#x"));
        assertThrows(savescope.UserError.class, () -> Experiment.Arm.parse("A=2026-13-01..2026-12-01"));
    }

    @Test
    void assignsVideosLeavingOutThoseInTwoVariants() {
        ContextFrames f = new ContextFrames()
                .video("1", "", "2026-01-05T10:00:00Z", 100L, 1L, "hooka baking")
                .video("2", "", "2026-01-06T10:00:00Z", 100L, 2L, "hookb")
                .video("3", "", "2026-01-07T10:00:00Z", 100L, 3L, "hooka hookb")
                .video("4", "", "2026-02-07T10:00:00Z", 100L, 4L, "");
        Experiment.Assignment a = Experiment.assign(f.videos(),
                List.of(Experiment.Arm.parse("A=#hookA"), Experiment.Arm.parse("B=#hookB")), "test");
        assertEquals(List.of("1"), a.arms().get("A").stream().map(RatedVideo::id).toList());
        assertEquals(List.of("2"), a.arms().get("B").stream().map(RatedVideo::id).toList());
        assertEquals(1, a.overlapping());
        Experiment.Assignment byDate = Experiment.assign(f.videos(), List.of(
                Experiment.Arm.parse("jan=2026-01-01..2026-01-31"), Experiment.Arm.parse("feb=2026-02-01..2026-02-28")),
                "test");
        assertEquals(3, byDate.arms().get("jan").size());
        assertEquals(1, byDate.arms().get("feb").size());
    }

    @Test
    void detectsSiblingTagsOnlyWhenTheyNeverMeet() {
        ContextFrames f = new ContextFrames();
        for (int i = 0; i < 3; i++) {
            f.video("a" + i, "", "2026-01-05T10:00:00Z", 100L, 1L, "hooka pizza");
            f.video("b" + i, "", "2026-01-05T10:00:00Z", 100L, 1L, "hookb");
        }
        assertEquals(List.of("hooka", "hookb"), Experiment.detect(f.videos()).stream().map(Experiment.Arm::hashtag).toList());
        f.video("both", "", "2026-01-05T10:00:00Z", 100L, 1L, "hooka hookb");
        assertTrue(Experiment.detect(f.videos()).isEmpty(), "tags used together are not variants");
    }

    /**
     * The arms found are those of the rule as first written (every stem's tags tried against every distinct tag
     * set), on random videos whose tags are siblings of a few stems, sometimes two on one video, and others.
     */
    @Test
    void detectedArmsAreThoseOfTheRuleTriedSetBySet() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        String[] tags = {"hooka", "hookb", "hookc", "thumb1", "thumb2", "thumb3", "introa", "introb", "pizza", "fyp",
                "cutd", "cut4", "ab", "abc"};
        for (int round = 0; round < 60; round++) {
            List<RatedVideo> rated = new java.util.ArrayList<>();
            int videos = 5 + rnd.nextInt(60);
            for (int i = 0; i < videos; i++) {
                java.util.Set<String> set = new java.util.LinkedHashSet<>();
                int n = rnd.nextInt(round % 3 == 0 ? 3 : 2) + (rnd.nextInt(4) == 0 ? 0 : 1);
                for (int k = 0; k < n; k++) {
                    set.add(tags[rnd.nextInt(tags.length)]);
                }
                rated.add(new RatedVideo("v" + i, "", null, 100, 1, java.util.Collections.unmodifiableSet(set), ""));
            }
            tech.tablesaw.api.Table none = tech.tablesaw.api.Table.create("v");
            assertEquals(byTheFirstRule(rated), Experiment.detect(none, rated).stream().map(Experiment.Arm::hashtag).toList(),
                    "round " + round);
        }
    }

    /** Experiment.detect's tag rule as it was first written: the independent answer. */
    private static List<String> byTheFirstRule(List<RatedVideo> rated) {
        java.util.Map<String, Integer> tagCount = new java.util.TreeMap<>();
        rated.forEach(v -> v.hashtags().forEach(t -> tagCount.merge(t, 1, Integer::sum)));
        java.util.Map<String, List<String>> byStem = new java.util.TreeMap<>();
        java.util.regex.Pattern variant = java.util.regex.Pattern.compile("(.{2,}?)([a-d]|[1-4])");
        tagCount.forEach((tag, n) -> {
            java.util.regex.Matcher m = variant.matcher(tag);
            if (n >= Experiment.MIN_VIDEOS && m.matches()) {
                byStem.computeIfAbsent(m.group(1), k -> new java.util.ArrayList<>()).add(tag);
            }
        });
        List<String> best = List.of();
        int bestVideos = 0;
        for (List<String> group : byStem.values()) {
            if (group.size() < 2) {
                continue;
            }
            boolean together = rated.stream().anyMatch(v -> group.stream().filter(v.hashtags()::contains).count() > 1);
            int videosTagged = group.stream().mapToInt(tagCount::get).sum();
            if (!together && videosTagged > bestVideos) {
                best = group;
                bestVideos = videosTagged;
            }
        }
        return best;
    }
}
