package savescope.metrics;

import java.util.List;

/**
 * The save rate of the videos posted in a period against those posted in the period compared with it, and how sure
 * the change is: the experiments' interval on the difference, from resampling the videos within each period
 * ({@link Experiment#bootstrap}, seeded).
 *
 * @param videos videos posted in the period with a save rate (views above zero and a saves count)
 * @param videosComparison the same in the comparison period
 * @param views their views
 * @param viewsComparison views of the comparison's videos
 * @param saves their saves
 * @param savesComparison saves of the comparison's videos
 * @param saveRate saves over views in the period, or null without a video
 * @param saveRateComparison saves over views in the comparison, or null without a video
 * @param change {@code saveRate - saveRateComparison} (0.0025 is 0.25 percentage points), or null
 * @param changeRelative the change over the comparison's rate (0.2 is +20%), or null when that rate is 0 or unknown
 * @param ciLow 2.5th percentile of the bootstrapped difference, or null with fewer than
 *     {@link Experiment#MIN_VIDEOS} videos in either period (the experiments conclude nothing below that either)
 * @param ciHigh 97.5th percentile, or null
 * @param couldBeChance whether that interval holds 0, or null without an interval
 */
public record PeriodRates(int videos, int videosComparison, long views, long viewsComparison, long saves,
        long savesComparison, Double saveRate, Double saveRateComparison, Double change, Double changeRelative,
        Double ciLow, Double ciHigh, Boolean couldBeChance) {

    /** {@code now} (the period's videos) against {@code before} (the comparison's). */
    public static PeriodRates of(List<RatedVideo> now, List<RatedVideo> before) {
        Double a = now.isEmpty() ? null : RatedVideo.ratioOfSums(now);
        Double b = before.isEmpty() ? null : RatedVideo.ratioOfSums(before);
        Double change = a == null || b == null ? null : a - b;
        Double relative = change == null || b == 0 ? null : change / b;
        Double low = null;
        Double high = null;
        if (now.size() >= Experiment.MIN_VIDEOS && before.size() >= Experiment.MIN_VIDEOS) {
            double[] ci = Experiment.bootstrap(before, now);
            low = ci[0];
            high = ci[1];
        }
        return new PeriodRates(now.size(), before.size(), views(now), views(before), saves(now), saves(before), a, b,
                change, relative, low, high, low == null ? null : low <= 0 && high >= 0);
    }

    private static long views(List<RatedVideo> videos) {
        return videos.stream().mapToLong(RatedVideo::views).sum();
    }

    private static long saves(List<RatedVideo> videos) {
        return videos.stream().mapToLong(RatedVideo::saves).sum();
    }
}
