package savescope.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import savescope.cells.Cell;
import savescope.cells.Notebook;
import savescope.cells.Output;

/** Puts a finding known outside the data's own sections (what changed since the last import) first in a report. */
public final class LeadFindings {
    private LeadFindings() {}

    /**
     * The report with {@code lead} before every other finding, on the page and in the JSON, and {@code numbers}
     * under {@code key} in the JSON.
     */
    public static SaveReport.Result prepend(SaveReport.Result report, Output.Finding lead, String key,
            Map<String, Object> numbers) {
        List<Cell> cells = new ArrayList<>();
        for (Cell c : report.notebook().cells()) {
            List<Output> outputs = new ArrayList<>();
            for (Output o : c.outputs()) {
                if (o instanceof Output.Findings f) {
                    List<Output.Finding> all = new ArrayList<>();
                    all.add(lead);
                    all.addAll(f.findings());
                    o = new Output.Findings(all);
                }
                outputs.add(o);
            }
            cells.add(new Cell(c.type(), c.source(), outputs, c.executionCount(), c.tags()));
        }
        Notebook nb = report.notebook();
        Map<String, Object> json = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : report.json().entrySet()) {
            if (e.getKey().equals("findings")) {
                json.put(key, numbers);
                List<Object> findings = new ArrayList<>();
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("headline", lead.headline());
                f.put("detail", lead.detail());
                f.put("level", lead.level());
                findings.add(f);
                findings.addAll((List<?>) e.getValue());
                json.put("findings", findings);
            } else {
                json.put(e.getKey(), e.getValue());
            }
        }
        return new SaveReport.Result(new Notebook(nb.title(), nb.subtitle(), nb.meta(), cells, nb.style()), json,
                report.busyNanos(), report.figures(), report.snippets(), report.analysis());
    }
}
