package savescope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import savescope.UserError;
import savescope.notebook.JupyterFormat;
import savescope.render.AtomicFiles;

/** {@code notebook convert}: a percent-format .jsh to a Jupyter .ipynb (without outputs) and back. */
@Command(name = "convert", mixinStandardHelpOptions = true, version = NotebookCommand.VERSION,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Converts a notebook between a percent-format .jsh and a Jupyter .ipynb, the direction given by the "
                    + "file extensions. Sources, markdown, cell tags and the metadata a '// %%%%' line can hold "
                    + "(key=JSON) carry over both ways; so does the .jsh's own layout, so .jsh -> .ipynb -> .jsh "
                    + "gives back the same file.",
            "From .ipynb, %%maven and %%mavenRepo lines become //DEPS and //REPOS, so the .jsh runs under plain JBang; "
                    + "outputs and notebook-level metadata other than SaveScope's are not kept."},
        footer = {"",
            "Examples:",
            "  ./jbang notebook convert scripts/notebooks/saves-overview.jsh overview.ipynb",
            "  ./jbang notebook convert analysis.ipynb analysis.jsh",
            "",
            "Exit codes: 0 done, 2 unusable input or options."})
public final class ConvertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FROM", description = "The notebook to read (.jsh or .ipynb).")
    Path from;

    @Parameters(index = "1", paramLabel = "TO", description = "The notebook to write (.ipynb or .jsh).")
    Path to;

    @Option(names = "--force", description = "Replace TO even when it is write-protected.")
    boolean force;

    @Option(names = "--verbose", description = "Show stack traces and details on errors.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        boolean fromJsh = isJsh(from);
        boolean toJsh = isJsh(to);
        if (fromJsh == toJsh || !(fromJsh || isIpynb(from)) || !(toJsh || isIpynb(to))) {
            throw new UserError("convert " + from + " " + to + ": expected one .jsh and one .ipynb (the "
                    + "extensions say which way to convert).");
        }
        new OutputPlan(List.of(from), force).file("TO", to).check();
        String text = NotebookCommand.readNotebook(from);
        String converted = fromJsh ? JupyterFormat.toIpynb(text, from.toString()) : JupyterFormat.toJsh(text, from.toString());
        try {
            if (toJsh) {
                AtomicFiles.writeSource(to, converted);
            } else {
                AtomicFiles.writeJson(to, converted);
            }
        } catch (IOException e) {
            throw OutputPlan.writeFailure(e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(to);
        out.flush();
        return 0;
    }

    private static boolean isJsh(Path p) {
        String n = String.valueOf(p.getFileName()).toLowerCase(Locale.ROOT);
        return n.endsWith(".jsh") || n.endsWith(".java");
    }

    private static boolean isIpynb(Path p) {
        return String.valueOf(p.getFileName()).toLowerCase(Locale.ROOT).endsWith(".ipynb");
    }
}
