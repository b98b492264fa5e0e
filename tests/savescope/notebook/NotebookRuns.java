package savescope.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import savescope.cli.Cli;
import savescope.cli.NotebookCommand;

/** Runs notebooks through the command as a user would, for tests that look at what was written. */
public final class NotebookRuns {
    private NotebookRuns() {}

    /** Runs scripts/notebooks/saves-overview.jsh on the sample into {@code dir}, returning its .ipynb. */
    public static JsonNode runOverview(Path dir) throws Exception {
        CommandLine cl = Cli.commandLine(new NotebookCommand());
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        Path html = dir.resolve("overview.html");
        assertEquals(0, cl.execute("scripts/notebooks/saves-overview.jsh", "-o", html.toString()), err.toString());
        return new ObjectMapper().readTree(Files.readString(dir.resolve("overview.ipynb")));
    }

    /** The {@code image/svg+xml} outputs of a notebook, in order. */
    public static List<String> svgOutputs(JsonNode ipynb) {
        List<String> out = new ArrayList<>();
        for (JsonNode cell : ipynb.get("cells")) {
            for (JsonNode o : cell.path("outputs")) {
                JsonNode svg = o.path("data").get("image/svg+xml");
                if (svg != null) {
                    StringBuilder b = new StringBuilder();
                    svg.forEach(line -> b.append(line.asText()));
                    out.add(b.toString());
                }
            }
        }
        return out;
    }
}
