package savescope.report;

/**
 * A part of the report not yet split into {@link Section#analyse} and {@link Section#present}: it reads the
 * local tables and writes cells and JSON maps in one pass. Being retired section by section.
 */
public interface LegacySection {
    void build(ReportContext ctx);

    default boolean needsSaves() {
        return false;
    }
}
