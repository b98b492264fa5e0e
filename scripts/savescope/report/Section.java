package savescope.report;

/** One part of the built-in report: adds its cells, findings and JSON numbers to the context. */
public interface Section {
    void build(ReportContext ctx);
}
