package savescope.report.sections;

import static savescope.report.sections.TrendsSection.orNull;
import static savescope.report.sections.TrendsSection.rate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import savescope.metrics.CommentThemes;
import savescope.metrics.RankCorrelation;
import savescope.metrics.RatedVideo;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.TableView.Cell;
import savescope.cells.TableView.Column;
import savescope.cells.Formats;
import savescope.report.ReportContext;
import savescope.report.LegacySection;

/** What comments say: recurring terms, a lexicon sentiment, and how often people say they saved the video. */
public final class CommentsSection implements LegacySection {
    static final int MIN_THEME_COMMENTS = 3;
    static final int MAX_THEMES = 15;
    static final int MIN_COMMENTS_PER_VIDEO = 3;

    @Override
    public void build(ReportContext ctx) {
        ctx.markdown("## What comments say\n\nComments are qualitative feedback beside the counts. Sentiment comes "
                + "from word lists (English, Spanish, Portuguese, German, French; a word after \"not\", \"no\", "
                + "\"nicht\", \"pas\"… counts reversed), so read it as a rough tone, not a verdict on each comment. "
                + "A comment **speaks of saving** when it says so (\"saved\", \"saving this\", \"for later\", "
                + "\"guardado\", \"salvei\", \"gespeichert\", \"enregistré\"…). No comment text, user name or id is "
                + "shown: only counts and recurring words.");
        Map<String, Object> j = new LinkedHashMap<>();
        if (ctx.data().comments().rowCount() == 0) {
            ctx.markdown("*This needs a comments file (web-item comment JSON with `text` and `aweme_id`, or a CSV with "
                    + "a text column and a video id). None was loaded.*");
            j.put("status", "needs a comments file");
            ctx.json("comments", j);
            return;
        }
        CommentThemes.Summary s = CommentThemes.summarize(ctx.data().comments(), MIN_THEME_COMMENTS, MAX_THEMES);
        List<List<Cell>> themeRows = new ArrayList<>();
        for (CommentThemes.Theme t : s.themes()) {
            themeRows.add(List.of(Cell.plain(t.term()), VideosSection.count((long) t.comments())));
        }
        ctx.code("CommentThemes.summarize(comments, 3, 15)",
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

        Map<String, RatedVideo> rated = new HashMap<>();
        ctx.ratedVideos().forEach(v -> rated.putIfAbsent(v.id(), v));
        Map<String, String> titles = TrendsSection.titles(ctx.videos());
        List<List<Cell>> rows = new ArrayList<>();
        List<Double> saveShare = new ArrayList<>();
        List<Double> saveRate = new ArrayList<>();
        List<Map<String, Object>> perVideo = new ArrayList<>();
        for (CommentThemes.VideoComments v : s.videos()) {
            RatedVideo r = rated.get(v.id());
            if (v.comments() >= MIN_COMMENTS_PER_VIDEO && r != null) {
                saveShare.add((double) v.aboutSaving() / v.comments());
                saveRate.add(r.rate());
            }
            if (rows.size() < 10) {
                rows.add(List.of(Cell.plain(VideosSection.shorten(titles.getOrDefault(v.id(), v.id()), 70)),
                        VideosSection.count((long) v.comments()),
                        new Cell(Formats.decimal(v.net(), 2), "", v.net(), ""),
                        rate((double) v.aboutSaving() / v.comments()),
                        r == null ? Cell.plain("–") : rate(r.rate())));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("video_id", v.id());
            m.put("comments", v.comments());
            m.put("positive", v.positive());
            m.put("negative", v.negative());
            m.put("about_saving", v.aboutSaving());
            m.put("net_sentiment", orNull(v.net()));
            perVideo.add(m);
        }
        RankCorrelation c = RankCorrelation.spearman(saveShare.stream().mapToDouble(Double::doubleValue).toArray(),
                saveRate.stream().mapToDouble(Double::doubleValue).toArray());
        ctx.code("s.videos()   // most commented first", new Output.Table(new TableView(List.of(
                new Column("Video", false), new Column("Comments", true), new Column("Net sentiment", true),
                new Column("Speak of saving", true), new Column("Save rate", true)), rows, s.videos().size(),
                "Net sentiment = (positive − negative) / comments, from −1 to +1. The 10 most commented videos.")));
        String link = c.n() < 10 ? "" : " Across " + c.n() + " videos with at least " + MIN_COMMENTS_PER_VIDEO
                + " comments, the share of comments about saving and the save rate have Spearman ρ = "
                + Formats.decimal(orNull(c.rho()), 2) + " (95% " + Formats.decimal(orNull(c.low()), 2) + " to "
                + Formats.decimal(orNull(c.high()), 2) + ").";
        ctx.markdown(Formats.percent(orNull(s.share(s.aboutSaving()))) + " of comments speak of saving the video; "
                + Formats.percent(orNull(s.share(s.positive()))) + " read as positive and "
                + Formats.percent(orNull(s.share(s.negative()))) + " as negative." + link);
        ctx.finding(0.8, Formats.percent(orNull(s.share(s.aboutSaving()))) + " of " + Formats.exact((long) s.comments())
                + " comments say the viewer saved the video (or will).", "Top recurring words: "
                + String.join(", ", s.themes().stream().limit(5).map(CommentThemes.Theme::term).toList())
                + ". Sentiment from word lists: " + Formats.percent(orNull(s.share(s.positive()))) + " positive, "
                + Formats.percent(orNull(s.share(s.negative()))) + " negative.", "info");
        j.put("comments", s.comments());
        j.put("positive", s.positive());
        j.put("negative", s.negative());
        j.put("about_saving", s.aboutSaving());
        j.put("about_saving_share", orNull(s.share(s.aboutSaving())));
        j.put("questions", s.questions());
        j.put("themes", s.themes().stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("term", t.term());
            m.put("comments", t.comments());
            return m;
        }).toList());
        j.put("saving_share_vs_save_rate_rho", orNull(c.rho()));
        j.put("per_video", perVideo);
        ctx.json("comments", j);
    }
}
