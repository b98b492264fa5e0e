package savescope.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import savescope.metrics.DailyIndex;
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
    /** Values computed once and read by several sections, shared by every context of one report. */
    private final Shared shared;

    /** Memoized values; sections may run on several threads at once, so each is computed under the lock. */
    private static final class Shared {
        private Table ratedFrom;
        private List<RatedVideo> rated;
    }

    /** A finding with its importance; the report shows the highest first. */
    public record Ranked(double importance, Output.Finding finding) {}

    public ReportContext(Dataset data, ReportOptions options, Instant generatedAt) {
        this.data = data;
        this.options = options;
        this.generatedAt = generatedAt;
        this.shared = new Shared();
    }

    private ReportContext(ReportContext parent) {
        this.data = parent.data;
        this.options = parent.options;
        this.generatedAt = parent.generatedAt;
        this.shared = parent.shared;
    }

    /**
     * A context for one section that reads the same data, options and memoized values as this one but
     * collects its own cells, findings and JSON, so sections can be built side by side and joined in order.
     */
    public ReportContext fork() {
        return new ReportContext(this);
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
        synchronized (shared) {
            if (shared.rated == null || shared.ratedFrom != videos) {
                shared.rated = Collections.unmodifiableList(RatedVideo.of(videos));
                shared.ratedFrom = videos;
            }
            return shared.rated;
        }
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

    private Table dailyIndexFrom;
    private DailyIndex dailyIndex;

    /**
     * {@link DailyIndex#of} the videos and the daily series, built once for the sections that read the daily
     * series (they may run on several threads) and rebuilt if the videos frame is replaced.
     */
    public synchronized DailyIndex dailyIndex() {
        Table videos = videos();
        if (dailyIndex == null || dailyIndexFrom != videos) {
            dailyIndex = DailyIndex.of(videos, data.daily());
            dailyIndexFrom = videos;
        }
        return dailyIndex;
    }
}
