package savescope.metrics;

import savescope.model.Canonical;
import tech.tablesaw.api.Table;

/**
 * The channel's save rates and engagement ratios. Each ratio of sums uses only the videos that have every
 * count it needs, so a source lacking a metric never counts as zero; null when no video qualifies.
 *
 * @param overall total saves / total views (videos with both counts)
 * @param medianPerVideo the median of per-video save rates (videos with views above zero)
 * @param p10 the 10th percentile of per-video save rates
 * @param p90 the 90th percentile of per-video save rates
 * @param videosWithRate how many videos have a per-video save rate
 * @param perThousandViews saves per 1,000 views ({@code overall × 1000})
 * @param saveToLike total saves / total likes (videos with both)
 * @param savesShareOfEngagement saves / (likes + comments + shares + saves), videos with all four
 * @param engagementRateByViews (likes + comments + shares + saves) / views, videos with all five counts
 * @param engagementRateByFollowers mean engagements per video / followers; null without a follower count
 * @param followers the follower count used, or null
 * @param overallSaves the saves {@code overall} divides: those of the videos that also have views
 * @param overallViews the views it divides them by: those of the videos that also have saves
 * @param overallVideos how many videos have both counts; below the video count, these sums are not the totals
 */
public record Rates(Double overall, Double medianPerVideo, Double p10, Double p90, int videosWithRate,
        Double perThousandViews, Double saveToLike, Double savesShareOfEngagement, Double engagementRateByViews,
        Double engagementRateByFollowers, Long followers, long overallSaves, long overallViews, int overallVideos) {

    public static final String ENGAGEMENT_BY_VIEWS = "(likes + comments + shares + saves) / views";
    public static final String ENGAGEMENT_BY_FOLLOWERS = "mean (likes + comments + shares + saves) per video / followers";

    /**
     * @param followers the account's follower count (latest known), or null when the data has none
     */
    public static Rates of(Table videos, Long followers) {
        return of(new VideoColumns(videos), followers);
    }

    /** {@link #of(Table, Long)} from columns shared with other metrics. */
    public static Rates of(VideoColumns videos, Long followers) {
        double[] views = videos.of(Canonical.VIEWS);
        double[] likes = videos.of(Canonical.LIKES);
        double[] comments = videos.of(Canonical.COMMENTS);
        double[] shares = videos.of(Canonical.SHARES);
        double[] saves = videos.of(Canonical.SAVES);
        double[] perVideo = VideoValues.present(videos.saveRates());
        Stats.sort(perVideo);

        double sumViewsS = 0, sumSavesV = 0, sumSavesL = 0, sumLikesS = 0, sumEng4 = 0, sumSaves4 = 0;
        double sumEng5 = 0, sumViews5 = 0;
        int videos5 = 0;
        int videosVS = 0;
        for (int i = 0; i < views.length; i++) {
            if (!Double.isNaN(views[i]) && !Double.isNaN(saves[i])) {
                sumViewsS += views[i];
                sumSavesV += saves[i];
                videosVS++;
            }
            if (!Double.isNaN(likes[i]) && !Double.isNaN(saves[i])) {
                sumSavesL += saves[i];
                sumLikesS += likes[i];
            }
            if (!Double.isNaN(likes[i]) && !Double.isNaN(comments[i]) && !Double.isNaN(shares[i])
                    && !Double.isNaN(saves[i])) {
                double e = likes[i] + comments[i] + shares[i] + saves[i];
                sumEng4 += e;
                sumSaves4 += saves[i];
                if (!Double.isNaN(views[i])) {
                    sumEng5 += e;
                    sumViews5 += views[i];
                    videos5++;
                }
            }
        }
        Double overall = sumViewsS > 0 ? sumSavesV / sumViewsS : null;
        Double byFollowers = null;
        if (followers != null && followers > 0 && videos5 > 0) {
            byFollowers = sumEng5 / videos5 / followers;
        }
        return new Rates(overall,
                perVideo.length == 0 ? null : Stats.quantileSorted(perVideo, 0.5),
                perVideo.length == 0 ? null : Stats.quantileSorted(perVideo, 0.1),
                perVideo.length == 0 ? null : Stats.quantileSorted(perVideo, 0.9),
                perVideo.length,
                overall == null ? null : overall * 1000,
                sumLikesS > 0 ? sumSavesL / sumLikesS : null,
                sumEng4 > 0 ? sumSaves4 / sumEng4 : null,
                sumViews5 > 0 ? sumEng5 / sumViews5 : null,
                byFollowers,
                followers, Math.round(sumSavesV), Math.round(sumViewsS), videosVS);
    }
}
