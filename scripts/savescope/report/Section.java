package savescope.report;

/** One part of the built-in report: adds its cells, findings and JSON numbers to the context. */
public interface Section {
    void build(ReportContext ctx);

    /**
     * Whether every cell of this part is about saves: with no saves in the data, the report keeps its heading and
     * says what it needs instead of showing empty numbers (its JSON keys stay, with nulls).
     */
    default boolean needsSaves() {
        return false;
    }
}
