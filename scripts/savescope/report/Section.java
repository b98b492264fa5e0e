package savescope.report;

import savescope.metrics.Analytics;

/**
 * One part of the built-in report, in two steps: {@link #analyse} computes its numbers from the data as a typed
 * record (written to {@code --json} as it is, one top-level key per component), and {@link #present} turns that
 * record into cells and findings. Only {@code analyse} reads the data, and only through {@link Analytics}, so
 * any engine that implements it fills the same report.
 *
 * @param <F> the section's figures: an immutable record whose JSON names are the report's documented keys
 */
public interface Section<F extends Record> {

    /** The section's numbers; no prose, no formatting. */
    F analyse(Analytics data, ReportOptions options);

    /** Adds the section's cells and findings to {@code page}, from {@code figures} only. */
    void present(F figures, ReportContext page);

    /**
     * Whether every cell of this part is about saves: with no saves in the data, the report keeps its heading and
     * says what it needs instead of showing empty numbers (its JSON keys stay, with nulls).
     */
    default boolean needsSaves() {
        return false;
    }
}
