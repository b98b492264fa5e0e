package savescope.render;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import savescope.cells.Xml;

/** The page that lists the runs of a parameter batch: each combination's values, its outcome and its files. */
public final class BatchIndex {
    /**
     * One run of the batch.
     *
     * @param parameters the combination, NAME → VALUE
     * @param html the HTML file's name (in the index's folder)
     * @param ipynb the .ipynb file's name
     * @param outcome what happened, in a few words ("ran", "reused (cached)", "cell 4 failed: …")
     * @param ok whether the run succeeded
     */
    public record Run(Map<String, String> parameters, String html, String ipynb, String outcome, boolean ok) {}

    private BatchIndex() {}

    /** The page: self-contained, every value escaped, every link percent-encoded. */
    public static String html(String title, List<Run> runs, String generated) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"SaveScope batch index\">\n<title>")
                .append(Xml.escape(title)).append("</title>\n<style>")
                .append("body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;")
                .append("max-width:60rem;padding:0 1rem;color:#1f2328}table{border-collapse:collapse;width:100%}")
                .append("th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #e4e7eb}")
                .append(".failed{color:#b3261e}code{font-size:.9em}</style>\n</head>\n<body>\n<h1>")
                .append(Xml.escape(title)).append("</h1>\n<p>").append(runs.size()).append(runs.size() == 1 ? " run" : " runs")
                .append(", ").append(runs.stream().filter(r -> !r.ok()).count()).append(" failed; ")
                .append(Xml.escape(generated)).append(".</p>\n<table>\n<thead><tr>");
        List<String> names = runs.isEmpty() ? List.of() : List.copyOf(runs.get(0).parameters().keySet());
        for (String n : names) {
            b.append("<th>").append(Xml.escape(n)).append("</th>");
        }
        b.append("<th>Outcome</th><th>Files</th></tr></thead>\n<tbody>\n");
        for (Run r : runs) {
            b.append("<tr>");
            for (String n : names) {
                b.append("<td><code>").append(Xml.escape(r.parameters().getOrDefault(n, ""))).append("</code></td>");
            }
            b.append(r.ok() ? "<td>" : "<td class=\"failed\">").append(Xml.escape(r.outcome())).append("</td><td>")
                    .append(link(r.html(), "HTML")).append(" · ").append(link(r.ipynb(), ".ipynb"))
                    .append("</td></tr>\n");
        }
        return b.append("</tbody>\n</table>\n</body>\n</html>\n").toString();
    }

    private static String link(String file, String label) {
        String href = URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20");
        return "<a href=\"" + Xml.escape(href) + "\">" + Xml.escape(label) + "</a>";
    }
}
