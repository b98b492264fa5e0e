package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import savescope.model.Canonical;

class AccountFromLinkTest {
    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "https://www.tiktok.com/@lena.bakes/video/7312345678901234567|@lena.bakes",
        "https://www.tiktok.com/@a_b/photo/1|@a_b",
        "https://www.tiktok.com/video/1|''",
        "https://www.tiktok.com/@|''",
        "''|''",
    })
    void handleComesFromTheLink(String link, String handle) {
        assertEquals(handle, VideoFrameBuilder.handleOf(link));
    }

    @Test
    void sampleExportSaysWhoseVideosTheyAre() {
        // videos.csv has no account column; every link is https://www.tiktok.com/@lena.bakes/video/<id>.
        var d = Loader.load(List.of(Path.of("data", "sample", "videos.csv")), Loader.Options.defaults());
        assertEquals(List.of("@lena.bakes"), d.videos().stringColumn(Canonical.ACCOUNT).unique().asList());
    }
}
