package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The byte window both fast CSV readers read lines from: lines across refills, line ends, BOM, a line too long. */
class ByteLinesTest {

    /** Hands out at most {@code chunk} bytes per read, as a pipe or a ZIP entry may. */
    private static InputStream trickle(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private static final class Lines extends ByteLines {
        Lines(InputStream in, boolean cr) {
            super(in, cr);
        }

        /** Every line's text, the last one without an end included; "TOO_LONG" where one is refused. */
        List<String> all() throws IOException {
            fillFirst();
            skipByteOrderMark();
            List<String> out = new ArrayList<>();
            while (pos < limit || fill()) {
                int end = lineEnd();
                if (end == TOO_LONG) {
                    out.add("TOO_LONG");
                    return out;
                }
                int stop = end < 0 ? limit : end;
                out.add(new String(buf, pos, stop - pos, StandardCharsets.UTF_8));
                pos = end < 0 ? limit : end + 1;
            }
            return out;
        }
    }

    private static List<String> read(String text, boolean cr, int chunk) throws IOException {
        return new Lines(trickle(text.getBytes(StandardCharsets.UTF_8), chunk), cr).all();
    }

    @Test
    void linesComeOutWholeWhateverTheReadSizes() throws IOException {
        String longLine = "x".repeat(200_000); // three times the first buffer: it must grow
        String text = "\uFEFFh1,h2\na,b\n" + longLine + "\nlast";
        for (int chunk : new int[] {1, 7, 1 << 16, 1 << 20}) {
            assertEquals(List.of("h1,h2", "a,b", longLine, "last"), read(text, false, chunk), "chunk " + chunk);
        }
    }

    @Test
    void aCarriageReturnEndsALineOnlyWhereAsked() throws IOException {
        // Split on CR as well: "a\r\nb" gives "a", then an empty line before "b" (the caller joins CR LF itself).
        assertEquals(List.of("a", "", "b"), read("a\r\nb", true, 3));
        assertEquals(List.of("a\r", "b"), read("a\r\nb", false, 3));
    }

    @Test
    void aLineLongerThanAnyRowIsRefused() throws IOException {
        // Refused once more than MAX_LINE_BYTES are held without a line end (here twice that many follow "ok").
        String text = "ok\n" + "y".repeat(2 * ByteLines.MAX_LINE_BYTES) + "\n";
        List<String> lines = read(text, false, 1 << 16);
        assertEquals(List.of("ok", "TOO_LONG"), lines.stream().map(l -> l.length() > 10 ? "long" : l).toList());
    }
}
