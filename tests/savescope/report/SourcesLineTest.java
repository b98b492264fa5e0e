package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import savescope.model.LoadReport;
import savescope.model.SourceReport;

/** The title block's "Sources" line names each input by its last part, whether a local path or a cluster URI. */
class SourcesLineTest {
    private static SourceReport source(String file, String format) {
        return new SourceReport(file, format, 10, 10, List.of(), List.of(), List.of(), SourceReport.VIDEOS);
    }

    @Test
    void aFolderGivenWithATrailingSlashKeepsItsName() {
        // The form spark-submit is documented with; the name used to come out empty.
        assertEquals("corpus", SaveReport.fileName("hdfs:///corpus/"));
        assertEquals("corpus", SaveReport.fileName("file:///data/corpus//"));
        assertEquals("exports", SaveReport.fileName("C:\\data\\exports\\"));
    }

    @Test
    void filesAndBareNamesAreUnchanged() {
        assertEquals("videos.parquet", SaveReport.fileName("s3a://bucket/2026/videos.parquet"));
        assertEquals("Content.csv", SaveReport.fileName("data\\studio\\Content.csv"));
        assertEquals("plain.csv", SaveReport.fileName("plain.csv"));
        assertEquals("/", SaveReport.fileName("/"), "nothing but slashes: shown as given rather than empty");
    }

    @Test
    void theSourcesLineOfACorpusOnACluster() {
        LoadReport load = new LoadReport(List.of(source("hdfs:///corpus/", "canonical Parquet")), List.of());
        assertEquals("corpus (canonical Parquet)", SaveReport.sources(load));
    }
}
