package savescope.metrics;

import java.util.ArrayList;
import java.util.List;
import savescope.model.Canonical;
import tech.tablesaw.api.Table;

/**
 * Videos placed in four quadrants of views × save rate, split at the account's own medians (a video on a
 * median counts as high). Only videos with views above zero and a saves count are placed.
 *
 * @param medianViews the median views of the placed videos
 * @param medianRate the median per-video save rate of the placed videos
 * @param quadrants the four quadrants in the order of {@link #KEYS}
 * @param quadrantOfRow each row's quadrant index into {@link #KEYS}, or −1 when the row is not placed
 */
public record Quadrants(double medianViews, double medianRate, List<Quadrant> quadrants, byte[] quadrantOfRow) {

    public static final List<String> KEYS = List.of("reach_and_value", "attention_only", "niche_value", "neither");

    /**
     * One quadrant.
     *
     * @param key one of {@link #KEYS}
     * @param label a short name
     * @param meaning what being here means for the creator
     * @param videos videos in it
     * @param views their views
     * @param saves their saves
     */
    public record Quadrant(String key, String label, String meaning, int videos, long views, long saves) {
        public double saveRate() {
            return views == 0 ? Double.NaN : (double) saves / views;
        }
    }

    private static final String[] LABELS = {"Many views, many saves", "Many views, few saves",
        "Few views, many saves", "Few views, few saves"};
    private static final String[] MEANINGS = {
        "reach and lasting value: the formats to repeat",
        "attention without lasting value: people watched but did not keep it",
        "niche value that needs discoverability: the people who find it keep it",
        "neither reach nor lasting value yet"};

    /** Quadrant {@code q} (an index into {@link #KEYS}) holding these videos, as another engine counted them. */
    public static Quadrant quadrant(int q, int videos, long views, long saves) {
        return new Quadrant(KEYS.get(q), LABELS[q], MEANINGS[q], videos, views, saves);
    }

    /**
     * The split without the per-row placement: the medians and the four quadrants, which is all a report needs
     * and all an engine that keeps the videos elsewhere has to send back.
     *
     * @param medianViews the median views of the placed videos (NaN when none is placed)
     * @param medianRate the median per-video save rate of the placed videos (NaN when none is placed)
     * @param quadrants the four quadrants in the order of {@link #KEYS}, or none when no video is placed
     */
    public record Summary(double medianViews, double medianRate, List<Quadrant> quadrants) {}

    /** This split's {@link Summary}. */
    public Summary summary() {
        return new Summary(medianViews, medianRate, quadrants);
    }

    public static Quadrants of(Table videos) {
        return of(new VideoColumns(videos));
    }

    /** {@link #of(Table)} from columns shared with other metrics. */
    public static Quadrants of(VideoColumns columns) {
        double[] views = columns.of(Canonical.VIEWS);
        double[] rates = columns.saveRates();
        double[] saves = columns.of(Canonical.SAVES);
        byte[] where = new byte[rates.length];
        double[] placedViews = new double[rates.length];
        double[] placedRates = new double[rates.length];
        int n = 0;
        for (int i = 0; i < rates.length; i++) {
            if (!Double.isNaN(rates[i])) {
                placedViews[n] = views[i];
                placedRates[n++] = rates[i];
            }
        }
        if (n == 0) {
            java.util.Arrays.fill(where, (byte) -1);
            return new Quadrants(Double.NaN, Double.NaN, List.of(), where);
        }
        double medianViews = Stats.quantile(java.util.Arrays.copyOf(placedViews, n), 0.5);
        double medianRate = Stats.quantile(java.util.Arrays.copyOf(placedRates, n), 0.5);
        int[] count = new int[4];
        long[] sumViews = new long[4];
        long[] sumSaves = new long[4];
        for (int i = 0; i < rates.length; i++) {
            if (Double.isNaN(rates[i])) {
                where[i] = -1;
                continue;
            }
            boolean manyViews = views[i] >= medianViews;
            boolean manySaves = rates[i] >= medianRate;
            int q = manyViews ? (manySaves ? 0 : 1) : (manySaves ? 2 : 3);
            where[i] = (byte) q;
            count[q]++;
            sumViews[q] += (long) views[i];
            sumSaves[q] += (long) saves[i];
        }
        List<Quadrant> quadrants = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            quadrants.add(quadrant(q, count[q], sumViews[q], sumSaves[q]));
        }
        return new Quadrants(medianViews, medianRate, List.copyOf(quadrants), where);
    }
}
