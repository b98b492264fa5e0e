package savescope.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import savescope.metrics.RatedVideo;
import savescope.model.Dataset;
import savescope.notebook.Cell;
import savescope.notebook.Output;
import tech.tablesaw.api.Table;

/**
 * What sections read (the data and options) and write (cells, findings, JSON numbers) while the built-in
 * report is assembled.
 */
public final class ReportContext {
    private final Dataset data;
    private final ReportOptions options;
    private final Instant generatedAt;
    private final List<Cell> cells = new ArrayList<>();
    private final List<Ranked> findings = new ArrayList<>();
    private final Map<String, Object> json = new LinkedHashMap<>();
    private Table ratedFrom;
    private List<RatedVideo> rated;

    /** A finding with its importance; the report shows the highest first. */
    public record Ranked(double importance, Output.Finding finding) {}

    public ReportContext(Dataset data, ReportOptions options, Instant generatedAt) {
        this.data = data;
        this.options = options;
        this.generatedAt = generatedAt;
    }

    public Dataset data() {
        return data;
    }

    public Table videos() {
        return data.videos();
    }

    /**
     * {@link RatedVideo#of} of {@link #videos()}, computed once and shared by the sections (read-only); it is
     * recomputed if the videos frame is replaced.
     */
    public List<RatedVideo> ratedVideos() {
        Table videos = videos();
        if (rated == null || ratedFrom != videos) {
            rated = Collections.unmodifiableList(RatedVideo.of(videos));
            ratedFrom = videos;
        }
        return rated;
    }

    public ReportOptions options() {
        return options;
    }

    public Instant generatedAt() {
        return generatedAt;
    }

    public void markdown(String markdown) {
        cells.add(Cell.markdown(markdown));
    }

    /** A code cell: the Java that computes the outputs (shown folded), and the outputs. */
    public void code(String java, Output... outputs) {
        cells.add(Cell.code(java, List.of(outputs)));
    }

    public void finding(double importance, String headline, String detail, String level) {
        findings.add(new Ranked(importance, new Output.Finding(headline, detail, level)));
    }

    /** Puts a value under a top-level JSON key (stable, documented keys only). */
    public void json(String key, Object value) {
        json.put(key, value);
    }

    public List<Cell> cells() {
        return cells;
    }

    public List<Ranked> findings() {
        return findings;
    }

    public Map<String, Object> jsonDocument() {
        return json;
    }

    private Table groupRatesFrom;
    private savescope.metrics.GroupComparison.Rated groupRates;

    /**
     * {@link savescope.metrics.GroupComparison.Rated#of} of {@link #videos()}: every video's save rate and
     * their order, sorted once for all sections (immutable, safe to share between threads).
     */
    public synchronized savescope.metrics.GroupComparison.Rated groupRates() {
        Table videos = videos();
        if (groupRates == null || groupRatesFrom != videos) {
            groupRates = savescope.metrics.GroupComparison.Rated.of(videos);
            groupRatesFrom = videos;
        }
        return groupRates;
    }
}
