package savescope.render;

import java.nio.file.Path;

/** A run stopped while writing: writes one file of a batch into the folder given, says so, then waits to be ended. */
public final class HeldBatch {
    private HeldBatch() {}

    public static void main(String[] args) throws Exception {
        AtomicFiles.Batch batch = new AtomicFiles.Batch();
        batch.write(Path.of(args[0]).resolve("r.html"), "half a report");
        if (args.length > 1) { // a browser profile being written, as while a PDF is printed
            Path profile = java.nio.file.Files.createDirectories(Path.of(args[1], "Default", "Cache"));
            java.nio.file.Files.writeString(profile.resolve("data"), "cache");
            AtomicFiles.temporaryTree(Path.of(args[1]));
        }
        System.out.println("written");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
