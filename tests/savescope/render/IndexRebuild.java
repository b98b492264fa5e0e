package savescope.render;

import java.nio.file.Path;
import java.time.Instant;

/** Another run's index rebuild: rebuilds the index of the folder given, then says so. */
public final class IndexRebuild {
    private IndexRebuild() {}

    public static void main(String[] args) throws Exception {
        System.out.println("rebuilding");
        System.out.flush();
        ReportIndex.rebuild(Path.of(args[0]), new HtmlReport(null), Instant.parse("2025-01-30T10:00:00Z"));
        System.out.println("rebuilt");
    }
}
