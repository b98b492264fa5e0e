package savescope.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the saves-overview notebook's .ipynb with Jupyter's own converter ({@code jupyter nbconvert --to html},
 * Debian's package) and checks that every output shows in its page: each chart as a picture, each table with its
 * headers, each stream's text. Skipped only where nbconvert is not installed and not in CI, which installs it.
 */
class NbconvertTest {
    private static final Pattern OUTPUT_DIV = Pattern.compile("<div class=\"[^\"]*jp-OutputArea-output[^\"]*\"");

    @TempDir
    Path dir;

    @Test
    void nbconvertShowsEveryOutputChartsIncluded() throws Exception {
        Path nbconvert = findNbconvert();
        if (nbconvert == null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("jupyter nbconvert is not installed; .ci/run installs Debian's jupyter-nbconvert");
            }
            assumeTrue(false, "jupyter nbconvert is not installed (apt-get install jupyter-nbconvert)");
        }
        JsonNode ipynb = NotebookRuns.runOverview(dir);
        Path html = dir.resolve("overview-nbconvert.html");
        Process p = new ProcessBuilder(nbconvert.toString(), "--to", "html", "--output", html.getFileName().toString(),
                dir.resolve("overview.ipynb").toString()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "nbconvert finished");
        assertEquals(0, p.exitValue(), log);
        String page = Files.readString(html);

        List<JsonNode> outputs = new ArrayList<>();
        ipynb.get("cells").forEach(c -> c.path("outputs").forEach(outputs::add));
        Matcher divs = OUTPUT_DIV.matcher(page);
        int shown = 0;
        while (divs.find()) {
            shown++;
        }
        assertEquals(outputs.size(), shown, "one output area per output");
        int charts = 0;
        for (JsonNode o : outputs) {
            JsonNode data = o.path("data");
            if (data.has("image/png")) {
                charts++;
                // The picture itself, not an emptied <svg>: the PNG's bytes reach the page.
                String png = data.get("image/png").asText();
                assertTrue(page.contains("data:image/png;base64," + png.substring(0, 200)), "chart " + charts + " shown");
            } else if (data.has("text/html") && text(data.get("text/html")).contains("<table")) {
                for (String header : headers(text(data.get("text/html")))) {
                    assertTrue(page.contains(header), "table header " + header + " shown");
                }
            } else if (o.path("output_type").asText().equals("stream")) {
                String first = text(o.get("text")).lines().filter(l -> !l.isBlank()).findFirst().orElse("");
                assertTrue(page.contains(escape(first.strip())), "stream text shown: " + first);
            }
        }
        assertTrue(charts >= 1, "the notebook has a chart");
        assertTrue(!page.matches("(?s).*<svg[^>]*>\\s*</svg>.*"), "no emptied SVG in the page");
    }

    static Path findNbconvert() {
        for (String dirName : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : List.of("jupyter-nbconvert")) {
                Path candidate = Path.of(dirName, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static String text(JsonNode lines) {
        if (lines.isTextual()) {
            return lines.asText();
        }
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l.asText()));
        return b.toString();
    }

    private static List<String> headers(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<th[^>]*>([^<]*)</th>").matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
