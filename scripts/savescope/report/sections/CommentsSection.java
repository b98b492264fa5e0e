package savescope.report.sections;

import static savescope.report.sections.TrendsSection.orNull;
import static savescope.report.sections.TrendsSection.rate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import savescope.metrics.Analytics;
import savescope.metrics.CommentThemes;
import savescope.metrics.RankCorrelation;
import savescope.metrics.TitledRate;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;
import savescope.report.ReportContext;
import savescope.report.ReportOptions;
import savescope.report.Section;

/** What comments say: recurring terms, a lexicon sentiment, and how often people say they saved the video. */
public final class CommentsSection implements Section<CommentsSection.Figures> {
    static final int MIN_THEME_COMMENTS = 3;
    static final int MAX_THEMES = 15;
    static final int MIN_COMMENTS_PER_VIDEO = 3;
    /** The table lists this many of the most commented videos. */
    static final int LISTED = 10;

    /** @param comments the JSON's {@code comments}: counts and recurring words, never a comment's text or author */
    public record Figures(Comments comments) {}

    /**
     * What the comments say, counted; without a comments file, only {@code status}. NaN is written as null.
     *
     * @param status what is missing when no comment was loaded, else null
     * @param comments comments with text
     * @param positive comments that read as positive
     * @param negative comments that read as negative
     * @param aboutSaving comments that speak of saving the video
     * @param aboutSavingShare their share of all comments
     * @param questions comments with a question mark
     * @param themes recurring words and word pairs, most frequent first
     * @param savingShareVsSaveRateRho Spearman's ρ of each video's share of comments about saving against its save
     *     rate, over videos with at least {@link #MIN_COMMENTS_PER_VIDEO} comments and a save rate
     * @param perVideo the counts per video, most commented first
     * @param summary the counts as computed
     * @param mostCommented title and save rate of the {@link #LISTED} most commented videos
     * @param savingVsRate the rank correlation behind {@code savingShareVsSaveRateRho}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Comments(String status, Integer comments, Integer positive, Integer negative, Integer aboutSaving,
            Double aboutSavingShare, Integer questions, List<CommentThemes.Theme> themes, Double savingShareVsSaveRateRho,
            List<VideoCounts> perVideo, @JsonIgnore CommentThemes.Summary summary,
            @JsonIgnore List<TitledRate> mostCommented, @JsonIgnore RankCorrelation savingVsRate) {

        static final Comments NO_FILE = new Comments("needs a comments file", null, null, null, null, null, null, null,
                null, null, null, null, null);

        static Comments of(CommentThemes.Summary s, List<TitledRate> mostCommented, RankCorrelation link) {
            return new Comments(null, s.comments(), s.positive(), s.negative(), s.aboutSaving(), s.share(s.aboutSaving()),
                    s.questions(), s.themes(), link.rho(), s.videos().stream().map(VideoCounts::of).toList(), s,
                    mostCommented, link);
        }
    }

    /** One video's comments counted; {@code netSentiment} = (positive − negative) / comments. */
    public record VideoCounts(String videoId, int comments, int positive, int negative, int aboutSaving,
            double netSentiment) {
        static VideoCounts of(CommentThemes.VideoComments v) {
            return new VideoCounts(v.id(), v.comments(), v.positive(), v.negative(), v.aboutSaving(), v.net());
        }
    }

    @Override
    public Figures analyse(Analytics data, ReportOptions options) {
        CommentThemes.Summary s = data.commentSummary(MIN_THEME_COMMENTS, MAX_THEMES);
        if (s == null) {
            return new Figures(Comments.NO_FILE);
        }
        List<TitledRate> videos = data.titledRates(s.videos().stream().map(CommentThemes.VideoComments::id).toList());
        return new Figures(Comments.of(s, List.copyOf(videos.subList(0, Math.min(LISTED, videos.size()))),
                savingVsRate(s.videos(), videos)));
    }

    /** Spearman's ρ of the share of comments about saving against the save rate, per video with enough comments. */
    static RankCorrelation savingVsRate(List<CommentThemes.VideoComments> counts, List<TitledRate> videos) {
        List<Double> saveShare = new ArrayList<>();
        List<Double> saveRate = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            CommentThemes.VideoComments v = counts.get(i);
            Double rate = videos.get(i).saveRate();
            if (v.comments() >= MIN_COMMENTS_PER_VIDEO && rate != null) {
                saveShare.add((double) v.aboutSaving() / v.comments());
                saveRate.add(rate);
            }
        }
        return RankCorrelation.spearman(saveShare.stream().mapToDouble(Double::doubleValue).toArray(),
                saveRate.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Override
    public void present(Figures f, ReportContext ctx) {
        ctx.markdown("## What comments say\n\nComments are qualitative feedback beside the counts. Sentiment comes "
                + "from word lists (English, Spanish, Portuguese, German, French; a word after \"not\", \"no\", "
                + "\"nicht\", \"pas\"… counts reversed), so read it as a rough tone, not a verdict on each comment. "
                + "A comment **speaks of saving** when it says so (\"saved\", \"saving this\", \"for later\", "
                + "\"guardado\", \"salvei\", \"gespeichert\", \"enregistré\"…). No comment text, user name or id is "
                + "shown: only counts and recurring words.");
        Comments c = f.comments();
        if (c.status() != null) {
            ctx.markdown("*This needs a comments file (web-item comment JSON with `text` and `aweme_id`, or a CSV with "
                    + "a text column and a video id). None was loaded.*");
            return;
        }
        presentSummary(c.summary(), ctx);
        presentMostCommented(c, ctx);
        presentWords(c, ctx);
    }

    private static void presentSummary(CommentThemes.Summary s, ReportContext ctx) {
        List<List<Cell>> themeRows = new ArrayList<>();
        for (CommentThemes.Theme t : s.themes()) {
            themeRows.add(List.of(Cell.plain(t.term()), VideosSection.count((long) t.comments())));
        }
        ctx.code("var commentSummary = data.commentSummary(" + MIN_THEME_COMMENTS + ", " + MAX_THEMES
                        + ");   // counts and recurring words, never the text", Map.of("commentSummary", s),
                new Output.Kpis(List.of(
                        new Output.Kpi("Comments", Formats.compact((long) s.comments()), Formats.exact((long) s.comments()),
                                s.videos().size() + " videos"),
                        new Output.Kpi("Positive", Formats.percent(orNull(s.share(s.positive()))), "", s.positive() + " comments"),
                        new Output.Kpi("Negative", Formats.percent(orNull(s.share(s.negative()))), "", s.negative() + " comments"),
                        new Output.Kpi("Speak of saving", Formats.percent(orNull(s.share(s.aboutSaving()))), "",
                                s.aboutSaving() + " comments"),
                        new Output.Kpi("Questions", Formats.percent(orNull(s.share(s.questions()))), "",
                                s.questions() + " comments"))),
                new Output.Table(new TableView(List.of(new Column("Recurring words", false),
                        new Column("Comments", true)), themeRows, themeRows.size(),
                        "Words and word pairs in at least " + MIN_THEME_COMMENTS + " comments; mentions (@…) are never "
                                + "counted.")));
    }

    private static void presentMostCommented(Comments c, ReportContext ctx) {
        List<CommentThemes.VideoComments> counts = c.summary().videos();
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < c.mostCommented().size(); i++) {
            CommentThemes.VideoComments v = counts.get(i);
            TitledRate t = c.mostCommented().get(i);
            rows.add(List.of(Cell.plain(VideosSection.shorten(t.title() == null ? v.id() : t.title(), 70)),
                    VideosSection.count((long) v.comments()),
                    new Cell(Formats.decimal(v.net(), 2), "", v.net(), ""),
                    rate((double) v.aboutSaving() / v.comments()),
                    t.saveRate() == null ? Cell.plain("–") : rate(t.saveRate())));
        }
        ctx.code("""
                var mostCommented = data.titledRates(commentSummary.videos().stream().limit(%d)
                        .map(CommentThemes.VideoComments::id).toList());   // most commented first""".formatted(LISTED),
                Map.of("mostCommented", c.mostCommented()), new Output.Table(new TableView(List.of(
                new Column("Video", false), new Column("Comments", true), new Column("Net sentiment", true),
                new Column("Speak of saving", true), new Column("Save rate", true)), rows, counts.size(),
                "Net sentiment = (positive − negative) / comments, from −1 to +1. The 10 most commented videos.")));
    }

    private static void presentWords(Comments c, ReportContext ctx) {
        CommentThemes.Summary s = c.summary();
        RankCorrelation link = c.savingVsRate();
        String linked = link.n() < 10 ? "" : " Across " + link.n() + " videos with at least " + MIN_COMMENTS_PER_VIDEO
                + " comments, the share of comments about saving and the save rate have Spearman ρ = "
                + Formats.decimal(orNull(link.rho()), 2) + " (95% " + Formats.decimal(orNull(link.low()), 2) + " to "
                + Formats.decimal(orNull(link.high()), 2) + ").";
        ctx.markdown(Formats.percent(orNull(s.share(s.aboutSaving()))) + " of comments speak of saving the video; "
                + Formats.percent(orNull(s.share(s.positive()))) + " read as positive and "
                + Formats.percent(orNull(s.share(s.negative()))) + " as negative." + linked);
        ctx.finding(0.8, Formats.percent(orNull(s.share(s.aboutSaving()))) + " of " + Formats.exact((long) s.comments())
                + " comments say the viewer saved the video (or will).", "Top recurring words: "
                + String.join(", ", s.themes().stream().limit(5).map(CommentThemes.Theme::term).toList())
                + ". Sentiment from word lists: " + Formats.percent(orNull(s.share(s.positive()))) + " positive, "
                + Formats.percent(orNull(s.share(s.negative()))) + " negative.", "info");
    }
}
