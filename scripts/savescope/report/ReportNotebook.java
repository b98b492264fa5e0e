package savescope.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import savescope.cells.Cell;
import savescope.cells.JavaSource;

/**
 * The built-in report as a runnable percent-format notebook ({@code .jsh}): a parameters cell with the inputs and
 * options, a cell that loads them, then every section's prose and the very Java its code cells show, each followed
 * by a line that displays the values the report's cell was made from. Running it (`./jbang notebook FILE`) gives
 * the report's numbers; it is where a user starts an analysis of their own.
 */
public final class ReportNotebook {
    private ReportNotebook() {}

    /**
     * What the report was made from: the inputs, the column mapping ({@code --map}), and the {@code --types} and
     * {@code --compare} values as typed, the numeric options and title, and {@code --period} and {@code --vs}.
     *
     * @param history true when the one input is a history folder ({@code --history}), read with what it recorded
     * @param period {@code --period} as typed, or null for none
     * @param vs {@code --vs} as typed, or null for the default
     */
    public record Parameters(List<String> inputs, boolean history, Map<String, String> maps, List<String> types,
            List<String> compare, long minViews, int maxRows, int minSegment, String title, String period, String vs) {
        /** Inputs read as they are, without {@code --period}. */
        public Parameters(List<String> inputs, Map<String, String> maps, List<String> types, List<String> compare,
                long minViews, int maxRows, int minSegment, String title) {
            this(inputs, false, maps, types, compare, minViews, maxRows, minSegment, title, null, null);
        }
    }

    /**
     * Separates the inputs in the one String parameter: a line break, which export paths do not hold, where a
     * class path's ":" may be part of a folder's name.
     */
    public static final String LIST_SEPARATOR = "\n";

    /** The notebook text for {@code report}, made from {@code parameters}. */
    public static String of(SaveReport.Result report, Parameters parameters) {
        StringBuilder out = new StringBuilder();
        out.append("///usr/bin/env jbang \"$0\" \"$@\" ; exit $?\n")
                .append("// The saves report as a notebook: run it with `./jbang notebook THIS_FILE` (HTML + .ipynb).\n")
                .append("// Every code cell is the Java the report shows; change the parameters, or add cells of your own.\n\n");
        markdown(out, "# " + report.notebook().title() + "\n\n" + report.notebook().subtitle());
        parametersCell(out, parameters);
        setupCell(out, parameters);
        Map<String, Map<String, ?>> shows = new java.util.HashMap<>();
        for (ReportContext.Snippet s : report.snippets()) {
            shows.putIfAbsent(s.java(), s.shows());
        }
        for (Cell c : report.notebook().cells()) {
            if (c.type() == Cell.Type.MARKDOWN) {
                markdown(out, c.source());
            } else if (!c.source().isBlank()) {
                code(out, withPeriodParameters(c.source(), parameters), shows.getOrDefault(c.source(), Map.of()));
            } else {
                findings(out, c);
            }
        }
        return out.toString();
    }

    private static void parametersCell(StringBuilder out, Parameters p) {
        out.append("// %% tags=[\"parameters\"]\n")
                .append("String inputs = ").append(quoted(String.join(LIST_SEPARATOR, p.inputs())))
                .append(p.history() ? ";   // a history folder (./jbang import), every export imported into it\n"
                        : ";   // export files or folders, one per line (\\n between them)\n")
                .append("// The cells below were written for data shaped like these inputs (the same kinds of export):\n")
                .append("// newer exports of the same account run as they are; for other data, write a new notebook\n")
                .append("// with ./jbang report OTHER_INPUTS --notebook FILE.jsh.\n")
                .append("long minViews = ").append(p.minViews()).append(";   // rank save rates from this many views up\n")
                .append("int maxRows = ").append(p.maxRows()).append(";   // rows of the per-video table\n")
                .append("int minSegment = ").append(p.minSegment()).append(";   // hide audience segments smaller than this\n")
                .append("String title = ").append(quoted(p.title() == null ? "" : p.title()))
                .append(";   // empty: from the account\n");
        if (p.period() != null) {
            out.append("String thisPeriod = ").append(quoted(p.period()))
                    .append(";   // --period: last-28d (any last-Nd), this-month, YYYY-MM or FROM..TO\n")
                    .append("String vs = ").append(quoted(p.vs() == null ? "previous" : p.vs()))
                    .append(";   // --vs: previous, year-ago or FROM..TO\n");
        }
        out.append('\n');
    }

    /**
     * The period cells name the report's period as text; in the notebook they read it from {@code options}, so
     * the {@code thisPeriod} and {@code vs} parameters choose it (the parameter may not be called {@code period}:
     * the cell's own {@code period} would replace it, and JShell would drop the options made from it).
     */
    private static String withPeriodParameters(String java, Parameters p) {
        if (p.period() == null) {
            return java;
        }
        return java.replace("Period.parse(" + quoted(p.period()) + ", ", "Period.parse(options.period(), ")
                .replace("period.comparison(" + quoted(p.vs() == null ? "previous" : p.vs()) + ")",
                        "period.comparison(options.vs())");
    }

    /** Loads the inputs as the report did (same column mapping, content types and variants). */
    private static void setupCell(StringBuilder out, Parameters p) {
        out.append("""
                // %%
                import static savescope.notebook.Display.*;
                import savescope.charts.*;
                import savescope.load.*;
                import savescope.metrics.*;
                import savescope.model.*;
                import savescope.report.*;
                import savescope.report.sections.*;

                var maps = new LinkedHashMap<String, String>();
                """);
        p.maps().forEach((field, header) -> out.append("maps.put(").append(quoted(field)).append(", ")
                .append(quoted(header)).append(");\n"));
        out.append("var types = ContentTypes.parse(").append(list(p.types())).append(").then(ContentTypes.defaults());\n")
                .append("var paths = Arrays.stream(inputs.split(\"\\n\"))\n")
                .append("        .filter(s -> !s.isEmpty()).map(Path::of).toList();\n")
                .append(p.history()
                        ? "// Each export is read with the --map and --types it was imported with, then these.\n"
                                + "var dataset = savescope.history.History.existing(paths.get(0), \"--history\")\n"
                                + "        .load(new Loader.Options(maps, types));\n"
                        : "var dataset = Loader.load(paths, new Loader.Options(maps, types));\n")
                .append("Analytics data = LocalAnalytics.of(dataset);\n")
                .append("var options = new ReportOptions(title.isEmpty() ? null : title, minViews, maxRows,\n")
                .append("        Experiment.Arm.parseAll(").append(list(p.compare())).append("), minSegment")
                .append(p.period() == null ? "" : ", thisPeriod, vs").append(");\n")
                .append("System.out.println(data.totals().videos() + \" videos from \" + data.load().sources().size() + \" file(s)\");\n\n");
    }

    private static String list(List<String> values) {
        return "List.of(" + String.join(", ", values.stream().map(ReportNotebook::quoted).toList()) + ")";
    }

    private static void code(StringBuilder out, String java, Map<String, ?> shows) {
        out.append("// %%\n").append(java.strip()).append('\n');
        List<String> names = new ArrayList<>();
        for (String name : shows.keySet()) {
            if (!name.equals("$")) {
                names.add(name);
            }
        }
        names.sort(null);
        if (shows.containsKey("$") && !names.isEmpty()) {
            // The cell's trailing expression is what it shows; the values it declared get a cell of their own.
            out.append("\n// %%\n");
        }
        for (String name : names) {
            out.append("display(").append(name).append(");\n");
        }
        out.append('\n');
    }

    /** The findings cell has no code of its own: its findings, as they were when the report was made. */
    private static void findings(StringBuilder out, Cell c) {
        StringBuilder text = new StringBuilder("As found when the report was made (the cells below recompute their numbers):\n");
        for (var o : c.outputs()) {
            if (o instanceof savescope.cells.Output.Findings f) {
                for (var x : f.findings()) {
                    text.append("\n- **").append(x.headline()).append("** ").append(x.detail());
                }
            }
        }
        markdown(out, text.toString());
    }

    private static void markdown(StringBuilder out, String text) {
        out.append("// %% [markdown]\n");
        for (String line : text.strip().split("\n", -1)) {
            out.append(line.isEmpty() ? "//" : "// " + line).append('\n');
        }
        out.append('\n');
    }

    /** A Java string literal of {@code s}. */
    static String quoted(String s) {
        return JavaSource.stringLiteral(s);
    }
}
