package savescope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import savescope.history.History;
import savescope.history.HistoryFolder;
import savescope.history.Manifest;
import savescope.history.Reading;
import savescope.load.ContentTypes;

/** {@code import}: keeps a copy of every export given in the history folder, once per content. */
@Command(name = "import", mixinStandardHelpOptions = true, version = "SaveScope 0.1", sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Keeps a copy of each export given in a history folder, so that reports see every video and every "
                    + "snapshot ever imported, past the platform's own windows.",
            "Files are checked first (the history is left as it was when one cannot be read), kept once per "
                    + "content under objects/<SHA-256>.<ext> and never changed; manifest.json lists every import "
                    + "with the original names and times. Comment exports are kept without commenter names and ids."},
        footer = {"",
            "Examples:",
            "  ./jbang import ~/Downloads/tiktok/             every export in the folder",
            "  ./jbang import videos.csv --history team/      into a history folder of your choice",
            "  ./jbang import plays.csv --map saves=Keeps     an export that needs a column mapping; reports over",
            "                                                 the history read it with the same mapping",
            "  ./jbang report --history                       report over everything imported",
            "",
            "Exit codes: 0 done, 1 unexpected failure, 2 unusable input or history folder."})
public final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXPORT", arity = "1..*", description = "Export files or folders of them.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--history", paramLabel = "DIR",
            description = "The history folder. Default: ${DEFAULT-VALUE}")
    Path history = HistoryFolder.defaultFolder();

    @Option(names = "--map", paramLabel = "FIELD=HEADER", converter = Converters.MapConverter.class,
            description = "Read FIELD from the column HEADER, as report --map does; kept in the manifest with each "
                    + "file of this import, so reports over the history read it the same way.")
    List<Converters.FieldMapping> maps = new ArrayList<>();

    @Option(names = "--types", paramLabel = "TYPE=#TAGS", converter = Converters.TypesConverter.class,
            description = "Content type from hashtags, as report --types does; kept in the manifest like --map.")
    List<ContentTypes> types = new ArrayList<>();

    @Option(names = "--imported-at", paramLabel = "INSTANT", hidden = true,
            description = "Pretend the import runs at this time (for tests).")
    Instant importedAt;

    @Option(names = "--verbose", description = "Show stack traces and details on errors.")
    boolean verbose;

    @Override
    public Integer call() {
        History h = new History(history);
        Reading reading = new Reading(Converters.fieldMap(maps),
                List.copyOf(spec.findOption("--types").originalStringValues()));
        Manifest.Import done = h.importFiles(inputs, reading, importedAt != null ? importedAt : Instant.now());
        PrintWriter out = spec.commandLine().getOut();
        int added = 0;
        for (Manifest.Entry e : done.files()) {
            added += e.added() ? 1 : 0;
            out.println((e.added() ? "stored       " : "already kept ") + e.name() + "  ->  " + e.object()
                    + (e.authorsRemoved() ? "  (commenter names and ids removed)" : ""));
        }
        out.println("imported " + done.files().size() + (done.files().size() == 1 ? " file" : " files") + " into "
                + history + ": " + added + " new, " + (done.files().size() - added) + " already kept"
                + (reading.isEmpty() ? "." : "; reports over the history read them with " + reading.asOptions() + "."));
        out.flush();
        return 0;
    }
}
