package savescope.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import savescope.metrics.Analytics;
import savescope.cells.Cell;
import savescope.cells.Output;

/**
 * What a section's presenter writes (cells, findings, and the code each cell shows with the values it gives) while
 * the built-in report is assembled, and the options it reads.
 */
public final class ReportContext {
    private final ReportOptions options;
    private final Instant generatedAt;
    private final List<Cell> cells = new ArrayList<>();
    private final List<Ranked> findings = new ArrayList<>();
    /** The figures of the sections presented into this context, in order: its JSON entries, made when asked. */
    private final List<Record> jsonFigures = new ArrayList<>();
    /** The data as the sections read it; computed values are shared by every context of one report. */
    private final Analytics analytics;
    /** Whether any video has saves, when presenting from figures alone (no data); null: ask {@link #analytics}. */
    private final Boolean hasSaves;
    /** The Java each code cell shows and the value it claims that Java gives. */
    private final List<Snippet> snippets = new ArrayList<>();

    /**
     * The Java of a code cell and the value it shows: run in JShell against the same data ({@code data} bound to
     * the report's {@link Analytics}), {@code java} gives {@code shows}.
     */
    public record Snippet(String java, Map<String, ?> shows) {}

    /** A finding with its importance; the report shows the highest first. */
    public record Ranked(double importance, Output.Finding finding) {}

    public ReportContext(Analytics analytics, ReportOptions options, Instant generatedAt) {
        this.analytics = analytics;
        this.hasSaves = null;
        this.options = options;
        this.generatedAt = generatedAt;
    }

    /** A context that presents figures already computed: it has no data, only whether the data had saves. */
    public static ReportContext presenting(boolean hasSaves, ReportOptions options, Instant generatedAt) {
        return new ReportContext(hasSaves, options, generatedAt);
    }

    private ReportContext(boolean hasSaves, ReportOptions options, Instant generatedAt) {
        this.analytics = null;
        this.hasSaves = hasSaves;
        this.options = options;
        this.generatedAt = generatedAt;
    }

    private ReportContext(ReportContext parent) {
        this.analytics = parent.analytics;
        this.hasSaves = parent.hasSaves;
        this.options = parent.options;
        this.generatedAt = parent.generatedAt;
    }

    /** What the sections read the data through. */
    public Analytics analytics() {
        return analytics;
    }

    /**
     * A context for one section that reads the same data, options and memoized values as this one but
     * collects its own cells, findings and JSON, so sections can be built side by side and joined in order.
     */
    public ReportContext fork() {
        return new ReportContext(this);
    }

    /** Whether any video has a saves count; without one, the parts about saves say what they need instead. */
    public boolean hasSaves() {
        return hasSaves != null ? hasSaves : analytics.hasSaves();
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

    /**
     * A code cell whose Java, run on the same data, gives the values its outputs are made from: {@code shows} maps
     * each variable the Java declares to its value, and {@code "$"} to the value of a trailing expression
     * (checked by running every snippet of the sample report in JShell).
     */
    public void code(String java, Map<String, ?> shows, Output... outputs) {
        snippets.add(new Snippet(java, shows));
        cells.add(Cell.code(java, List.of(outputs)));
    }

    /** The snippets of {@link #code(String, Object, Output...)} cells, in order. */
    public List<Snippet> snippets() {
        return snippets;
    }

    public void finding(double importance, String headline, String detail, String level) {
        findings.add(new Ranked(importance, new Output.Finding(headline, detail, level)));
    }

    public List<Cell> cells() {
        return cells;
    }

    public List<Ranked> findings() {
        return findings;
    }

    /** The figures whose JSON entries this part's document holds, in order (filled by {@link SaveReport}). */
    List<Record> jsonFigures() {
        return jsonFigures;
    }

    /** The JSON entries of this part's figures, in order, made now from {@link #jsonFigures()}. */
    Map<String, Object> jsonDocument() {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Record figures : jsonFigures) {
            json.putAll(FiguresJson.toMap(figures));
        }
        return json;
    }
}
