package savescope.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import tech.tablesaw.api.Table;

/** Per-account summaries when one run covers several accounts (an agency's case), and how they compare. */
public final class Accounts {
    private Accounts() {}

    /**
     * One account.
     *
     * @param account the account name ("(no account)" when blank)
     * @param videos videos with views and saves
     * @param views their views
     * @param saves their saves
     * @param rate saves / views
     * @param medianRate median per-video rate
     * @param first first posting time, or null
     * @param last last posting time, or null
     * @param pVsOthers two-sided Mann–Whitney p-value of this account's per-video rates against all other
     *     accounts' (NaN with fewer than 3 videos on either side)
     */
    public record Summary(String account, int videos, long views, long saves, double rate, double medianRate,
            Instant first, Instant last, double pVsOthers) {}

    /** Distinct non-blank accounts among the videos. */
    public static int count(Table videos) {
        return count(RatedVideo.of(videos));
    }

    /** {@link #count(Table)} of videos already rated. */
    public static int count(List<RatedVideo> videos) {
        return (int) videos.stream().map(RatedVideo::account).filter(a -> !a.isBlank()).distinct().count();
    }

    /** Accounts by saves, most first. */
    public static List<Summary> summarize(Table videos) {
        return summarize(RatedVideo.of(videos));
    }

    /** {@link #summarize(Table)} of videos already rated. */
    public static List<Summary> summarize(List<RatedVideo> all) {
        Map<String, List<RatedVideo>> by = new TreeMap<>();
        for (RatedVideo v : all) {
            by.computeIfAbsent(groupName(v), k -> new ArrayList<>()).add(v);
        }
        List<Summary> out = new ArrayList<>();
        by.forEach((name, vs) -> {
            double[] mine = vs.stream().mapToDouble(RatedVideo::rate).toArray();
            double[] others = all.stream().filter(v -> !groupName(v).equals(name)).mapToDouble(RatedVideo::rate).toArray();
            double p = mine.length < 3 || others.length < 3 ? Double.NaN
                    : new MannWhitneyUTest().mannWhitneyUTest(mine, others);
            Instant first = vs.stream().map(RatedVideo::postedAt).filter(t -> t != null).min(Comparator.naturalOrder())
                    .orElse(null);
            Instant last = vs.stream().map(RatedVideo::postedAt).filter(t -> t != null).max(Comparator.naturalOrder())
                    .orElse(null);
            out.add(new Summary(name, vs.size(), vs.stream().mapToLong(RatedVideo::views).sum(),
                    vs.stream().mapToLong(RatedVideo::saves).sum(), RatedVideo.ratioOfSums(vs),
                    RatedVideo.medianRate(vs), first, last, p));
        });
        out.sort(Comparator.comparingLong(Summary::saves).reversed().thenComparing(Summary::account));
        return out;
    }

    private static String groupName(RatedVideo v) {
        return v.account().isBlank() ? "(no account)" : v.account();
    }
}
