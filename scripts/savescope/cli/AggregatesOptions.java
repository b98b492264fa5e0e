package savescope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import savescope.UserError;

/**
 * The rules of {@code report --aggregates FILE}: the file holds every number of the page, so the options that
 * choose or read the data, or change the numbers, are refused by name; those that only shape the page still apply.
 */
final class AggregatesOptions {
    /** Options that change the numbers: they were fixed when the file was written. */
    static final List<String> FIXED = List.of("--min-views", "--max-rows", "--compare", "--min-segment", "--period",
            "--vs");

    /** Options that need the exports themselves, and why. */
    static final List<Map.Entry<String, String>> NEED_DATA = List.of(
            Map.entry("--map", "it reads exports, and the file holds numbers already computed"),
            Map.entry("--types", "it reads exports, and the file holds numbers already computed"),
            Map.entry("--history", "it reads the history's exports, and the file holds numbers already computed"),
            Map.entry("--notebook", "its code cells run on the exports, which the file does not hold"),
            Map.entry("--data-dir", "its tables list every video, which the file does not hold"),
            Map.entry("--each", "one report per account needs each account's exports"),
            Map.entry("--save-aggregates", "it would be a copy of the --aggregates file"));

    private AggregatesOptions() {}

    /** Ends the run (exit code 2) naming the first option given that cannot go with {@code --aggregates}. */
    static void refuseConflicts(CommandLine.ParseResult parsed, List<Path> inputs, Path aggregates) {
        if (!inputs.isEmpty()) {
            throw new UserError("--aggregates " + aggregates + ": expected no INPUT with it (the file holds the "
                    + "numbers), found " + inputs.get(0) + ".");
        }
        for (String option : FIXED) {
            if (parsed.hasMatchedOption(option)) {
                throw new UserError(option + ": not with --aggregates: it changes the numbers, which were fixed when "
                        + aggregates + " was written; write the file again with " + option + ".");
            }
        }
        for (Map.Entry<String, String> e : NEED_DATA) {
            if (parsed.hasMatchedOption(e.getKey())) {
                throw new UserError(e.getKey() + ": not with --aggregates: " + e.getValue() + ".");
            }
        }
    }

    /** The report's default name for an aggregates file: its name without {@code .gz} and its extension. */
    static String reportName(Path aggregates) {
        String file = aggregates.toAbsolutePath().normalize().toString();
        return ReportCommand.reportName(file.replaceFirst("(?i)\\.gz$", ""), false);
    }
}
