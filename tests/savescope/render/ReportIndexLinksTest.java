package savescope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The index's links: relative, percent-encoded UTF-8, so they open the right file on Windows, macOS and Linux. */
class ReportIndexLinksTest {
    @TempDir
    Path dir;

    // Encoded by hand from the UTF-8 bytes: space 20, # 23, % 25, : 3A, ? 3F, \ 5C, & 26, é C3 A9, Лена D0 9B D0 B5 D0 BD D0 B0.
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sample.html              | sample.html",
        "tiktok export.html       | tiktok%20export.html",
        "café #1.html             | caf%C3%A9%20%231.html",
        "Лена.html                | %D0%9B%D0%B5%D0%BD%D0%B0.html",
        "100%.html                | 100%25.html",
        "a:b.html                 | a%3Ab.html",
        "what?.html               | what%3F.html",
        "back\\slash.html         | back%5Cslash.html",
        "tom&jerry_v2~.html       | tom%26jerry_v2~.html",
    })
    void linkIsThePercentEncodedFileName(String name, String expected) {
        assertEquals(expected, ReportIndex.href(name));
    }

    @Test
    void everyLinkResolvesToItsReportFromTheIndexFolder() throws Exception {
        List<String> names = List.of("tiktok export.html", "café #1.html", "日本 100%.html", "a:b.html");
        for (String n : names) {
            Files.writeString(dir.resolve(n), "<html><head><meta name=\"generator\" content=\"SaveScope\">"
                    + "<title>" + n + "</title></head></html>");
        }
        List<ReportIndex.Entry> entries = ReportIndex.entries(dir);
        assertEquals(names.size(), entries.size());
        URI index = dir.resolve("index.html").toUri();
        for (ReportIndex.Entry e : entries) {
            // What a browser does with the link: resolve it against the index's own address.
            assertEquals(dir.resolve(e.file()), Path.of(index.resolve(e.href())), e.href());
        }
    }

    @Test
    void linksResolveInsideAWindowsReportsFolder() {
        // A Windows folder as a browser addresses it: C:\Users\Jörg\My Reports\index.html.
        URI index = URI.create("file:///C:/Users/J%C3%B6rg/My%20Reports/index.html");
        assertEquals("/C:/Users/J%C3%B6rg/My%20Reports/caf%C3%A9%20%231.html",
                index.resolve(ReportIndex.href("café #1.html")).getRawPath());
        assertEquals("/C:/Users/J%C3%B6rg/My%20Reports/a%3Ab.html", index.resolve(ReportIndex.href("a:b.html")).getRawPath());
        assertEquals("C:\\Users\\Jörg\\My Reports\\café #1.html", index.resolve(ReportIndex.href("café #1.html")).getPath()
                .substring(1).replace('/', '\\'), "decoded, it is the Windows file");
    }
}
