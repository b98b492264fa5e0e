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
import savescope.cells.Cell;
import savescope.cells.Output;
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

    /** Memoized values of one report's data, read by several sections (immutable once computed). */
    private static final class Shared {
        final Memo<List<RatedVideo>> rated;
        final Memo<DailyIndex> dailyIndex;
        final Memo<savescope.metrics.GroupComparison.Rated> groupRates;

        Shared(Dataset data) {
            rated = new Memo<>(() -> Collections.unmodifiableList(RatedVideo.of(data.videos())));
            dailyIndex = new Memo<>(() -> DailyIndex.of(data.videos(), data.daily()));
            groupRates = new Memo<>(() -> savescope.metrics.GroupComparison.Rated.of(data.videos()));
        }
    }

    /**
     * A value computed on first use. Sections may run on several threads at once; each value has its own lock,
     * so one section building the daily index does not hold up another ranking the videos.
     */
    private static final class Memo<T> {
        private final java.util.function.Supplier<T> compute;
        private T value;

        Memo(java.util.function.Supplier<T> compute) {
            this.compute = compute;
        }

        synchronized T get() {
            if (value == null) {
                value = compute.get();
            }
            return value;
        }
    }

    /** A finding with its importance; the report shows the highest first. */
    public record Ranked(double importance, Output.Finding finding) {}

    public ReportContext(Dataset data, ReportOptions options, Instant generatedAt) {
        this.data = data;
        this.options = options;
        this.generatedAt = generatedAt;
        this.shared = new Shared(data);
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
     * {@link RatedVideo#of} of {@link #videos()}, computed once and shared by the sections (read-only).
     */
    public List<RatedVideo> ratedVideos() {
        return shared.rated.get();
    }

    /** Whether any video has a saves count; without one, the parts about saves say what they need instead. */
    public boolean hasSaves() {
        var saves = data.videos().longColumn(savescope.model.Canonical.SAVES);
        return saves.countMissing() < saves.size();
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

    /**
     * {@link DailyIndex#of} the videos and the daily series, built once for the sections that read the daily
     * series.
     */
    public DailyIndex dailyIndex() {
        return shared.dailyIndex.get();
    }

    /**
     * {@link savescope.metrics.GroupComparison.Rated#of} of {@link #videos()}: every video's save rate and
     * their order, sorted once for all sections (immutable).
     */
    public savescope.metrics.GroupComparison.Rated groupRates() {
        return shared.groupRates.get();
    }
}
