package savescope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Option;
import savescope.UserError;

/** Options every command that writes a page shares: its templates, replacing files, the clock, and details on errors. */
final class CommonOptions {

    @Option(names = "--template-dir", paramLabel = "DIR",
            description = "A folder of .ftlh templates that override the built-in ones by name.")
    Path templateDir;

    @Option(names = "--force", description = "Replace output files even when they are write-protected.")
    boolean force;

    @Option(names = "--generated-at", paramLabel = "INSTANT", hidden = true,
            description = "Pretend the page is made at this time (for reproducible output).")
    Instant generatedAt;

    @Option(names = "--verbose", description = "Show stack traces and details on errors.")
    boolean verbose;

    /** The template folder, or null for the built-in templates; a name that is no folder ends the run. */
    Path templateDir() {
        if (templateDir != null && !Files.isDirectory(templateDir)) {
            throw new UserError("--template-dir " + templateDir + ": no such folder.");
        }
        return templateDir;
    }

    /** The time the page says it was made: {@code --generated-at}, else now. */
    Instant now() {
        return generatedAt != null ? generatedAt : Instant.now();
    }
}
