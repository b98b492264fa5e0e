package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import savescope.bench.ExportGenerator;
import savescope.model.Canonical;
import savescope.model.Dataset;
import savescope.model.SourceReport;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** The byte-level per-video reader gives exactly the general reader's rows and report, and gives up on anything unusual. */
class VideoFastCsvTest {
    @TempDir
    Path dir;

    private static final String HEADER = VideoFastCsv.HEADER + "\n";
    private static final Instant MODIFIED = Instant.parse("2026-05-01T00:00:00Z");

    private static LoadState state() {
        return new LoadState(Loader.Options.defaults(), null);
    }

    private static LoadState.FileContext context(String name) {
        return new LoadState.FileContext(name, null, Loader.namedTime(name), MODIFIED);
    }

    /** The fast reader's state, or null when it gave up (then it must have left the state untouched). */
    private static LoadState fast(byte[] bytes, String name) throws Exception {
        LoadState s = state();
        boolean read = VideoFastCsv.read(new ByteArrayInputStream(bytes), context(name), s);
        if (!read) {
            assertTrue(s.videos.isEmpty(), "a reader that gives up adds no videos");
            assertTrue(s.sources.isEmpty(), "a reader that gives up reports no source");
            return null;
        }
        return s;
    }

    private static LoadState fast(byte[] bytes) throws Exception {
        return fast(bytes, "v.csv");
    }

    /** The general reader: {@link CsvRows} records through {@link TableRouter}, as the loader reads any CSV. */
    private static LoadState general(byte[] bytes, String name) throws Exception {
        LoadState s = state();
        try (CsvRows rows = new CsvRows(name, new ByteArrayInputStream(bytes))) {
            TableRouter.read(rows, context(name), s);
            assertTrue(rows.rejections().isEmpty() && rows.assumptions().isEmpty(), "plain text: " + rows.assumptions());
        }
        return s;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Every cell of the frame, the source report, and what the builder keeps per row for merging. */
    private static void assertSame(LoadState expected, LoadState actual) {
        assertEquals(expected.sources, actual.sources);
        assertEquals(expected.videos.size(), actual.videos.size());
        assertEquals(1, actual.videos.size());
        VideoFrameBuilder e = expected.videos.get(0);
        VideoFrameBuilder a = actual.videos.get(0);
        assertSameTable(e.table(), a.table());
        assertEquals(e.ids(), a.ids());
        assertEquals(e.rowsRead(), a.rowsRead());
        assertEquals(e.assumptions(), a.assumptions());
        assertEquals(e.snapshotBasis(), a.snapshotBasis());
        assertEquals(e.fileTakenAt(), a.fileTakenAt());
        for (int r = 0; r < e.rowsUsed(); r++) {
            assertEquals(e.hasRealId(r), a.hasRealId(r), "real id, row " + r);
            assertEquals(e.takenAtMillis(r), a.takenAtMillis(r), "taken at, row " + r);
        }
    }

    private static void assertSameTable(Table expected, Table actual) {
        assertEquals(expected.columnNames(), actual.columnNames());
        assertEquals(expected.rowCount(), actual.rowCount());
        for (int c = 0; c < expected.columnCount(); c++) {
            Column<?> e = expected.column(c);
            Column<?> a = actual.column(c);
            assertEquals(e.type(), a.type(), e.name());
            for (int r = 0; r < expected.rowCount(); r++) {
                assertEquals(e.isMissing(r), a.isMissing(r), e.name() + " row " + r);
                assertEquals(e.get(r), a.get(r), e.name() + " row " + r);
            }
        }
    }

    @Test
    void generatedExportGivesTheGeneralReadersRows() throws Exception {
        // The benchmark's own files: quoted titles with doubled quotes and commas, emoji and other scripts,
        // empty titles, posting times with and without seconds in several offsets, ids ending in zeros.
        Path[] files = ExportGenerator.write(new ExportGenerator.Spec(20_000, 0, ExportGenerator.DEFAULT_SEED), dir);
        byte[] bytes = Files.readAllBytes(files[0]);
        String name = files[0].getFileName().toString();
        LoadState f = fast(bytes, name);
        assertTrue(f != null, "the generated export takes the fast path");
        assertSame(general(bytes, name), f);
        assertEquals(20_000, f.videos.get(0).rowsUsed());
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"\""), "the data has doubled quotes");
        assertTrue(text.lines().skip(1).anyMatch(l -> l.split(",")[2].length() == 22), "and times without seconds");
    }

    @Test
    void shortFirstRowsThenLongOnesReserveLittleOfTheHeap() {
        // 150 MB after the header whose first 64 KiB are rows of 45 bytes (1,456 of them) and the rest long titles:
        // by the first rows some 3.5 million rows. Room for all of them (72 bytes a row: 250 MB) made a run under a
        // 256 MB heap that read the file without it run out of memory; the room is held to a thirty-second of the
        // heap: 268,435,456 / 32 / 72 = 116,508 rows, about 8 MB.
        long heap = 256L << 20;
        assertEquals(116_508, VideoFastCsv.rowsEstimate(150_000_000L, 1_456, 1_456 * 45L, heap));
        // A file whose rows are all alike is estimated from its size: 5% over and 16 more.
        assertEquals(10_000 * 21 / 20 + 16, VideoFastCsv.rowsEstimate(450_000L, 1_456, 1_456 * 45L, heap));
    }

    @Test
    void columnsSizedFromTheFileSizeHoldTheSameRows() throws Exception {
        // The reader sizes the frame's columns from the file's size and its first rows; a size that says too
        // few rows (the columns then grow) or far too many must give the same frame as no size at all.
        Path[] files = ExportGenerator.write(new ExportGenerator.Spec(20_000, 0, ExportGenerator.DEFAULT_SEED + 1), dir);
        byte[] bytes = Files.readAllBytes(files[0]);
        String name = files[0].getFileName().toString();
        LoadState expected = general(bytes, name);
        for (long size : new long[] {bytes.length, bytes.length / 3, bytes.length * 4L, 70_000}) {
            LoadState s = state();
            assertTrue(VideoFastCsv.read(new ByteArrayInputStream(bytes), context(name), s, size), "size " + size);
            assertSame(expected, s);
            Table t = s.videos.get(0).table();
            t.longColumn(Canonical.VIEWS).append(5L);
            t.instantColumn(Canonical.POSTED_AT).appendMissing();
            assertEquals(20_001, t.longColumn(Canonical.VIEWS).size(), "the columns still take rows");
            assertEquals(5L, t.longColumn(Canonical.VIEWS).get(20_000));
            assertTrue(t.instantColumn(Canonical.POSTED_AT).isMissing(20_000));
        }
    }

    @Test
    void aFrameWithRoomBehavesInTablesawsOperationsAsAGrownOne() throws Exception {
        // Notebooks take the frame further: appending, copying, filtering and sorting a frame whose columns were
        // made with room (a size hint of ten times the file) must give what the general reader's frame gives.
        Path[] files = ExportGenerator.write(new ExportGenerator.Spec(3_000, 0, ExportGenerator.DEFAULT_SEED + 2), dir);
        byte[] bytes = Files.readAllBytes(files[0]);
        String name = files[0].getFileName().toString();
        Table grown = general(bytes, name).videos.get(0).table();
        LoadState s = state();
        assertTrue(VideoFastCsv.read(new ByteArrayInputStream(bytes), context(name), s, bytes.length * 10L));
        Table roomy = s.videos.get(0).table();
        for (java.util.function.UnaryOperator<Table> op : List.<java.util.function.UnaryOperator<Table>>of(
                t -> t.copy(),
                t -> t.copy().append(t),
                t -> t.where(t.longColumn(Canonical.SAVES).isGreaterThan(100)),
                t -> t.sortOn("-" + Canonical.SAVES, Canonical.VIDEO_ID),
                t -> t.sortOn(Canonical.POSTED_AT, Canonical.VIDEO_ID),
                t -> t.where(t.instantColumn(Canonical.POSTED_AT).isMissing()),
                t -> t.dropRows(0, 1).first(50))) {
            Table expected = op.apply(grown);
            Table actual = op.apply(roomy);
            assertEquals(expected.rowCount(), actual.rowCount());
            assertEquals(expected.printAll(), actual.printAll());
        }
        // Two copies of the roomy frame appended: 6,000 rows, each saves value twice.
        Table twice = roomy.copy().append(roomy);
        assertEquals(6_000, twice.rowCount());
        assertEquals(2 * roomy.longColumn(Canonical.SAVES).sum(), twice.longColumn(Canonical.SAVES).sum());
    }

    @Test
    void hashtagsAndTypesOfRunawayTextsAreTakenFromTheCutText() throws Exception {
        // Hashtags and types are worked out while reading, except for texts long enough to be cut first: a tag
        // past the cut must not count, as the general reader (which cuts, then looks) does not count it.
        String longTitle = "#kept " + "a".repeat(LongTexts.MAX_CODE_POINTS) + " #cut";
        String longType = "b".repeat(LongTexts.MAX_CODE_POINTS + 1);
        byte[] bytes = utf8(HEADER
                + "7400000000000000001," + longTitle + ",2024-09-01T18:00:00Z,,62,10000,800,40,30,250\n"
                + "7400000000000000002,Pasta night #recipe #Dinner,2024-09-02T18:00:00Z,,45,9000,700,30,20,300\n"
                + "7400000000000000003,no tags here,2024-09-03T18:00:00Z," + longType + ",30,800,70,3,2,30\n"
                + "7400000000000000004,#Tutorial done,2024-09-04T18:00:00Z,comedy,30,800,70,3,2,30\n");
        LoadState f = fast(bytes);
        assertTrue(f != null, "plain rows with long texts take the fast path");
        assertSame(general(bytes, "v.csv"), f);
        Table t = f.videos.get(0).table();
        assertEquals("kept", t.stringColumn(Canonical.HASHTAGS).get(0));
        assertEquals("recipe dinner", t.stringColumn(Canonical.HASHTAGS).get(1));
        assertEquals("comedy", t.stringColumn(Canonical.CONTENT_TYPE).get(3), "the source's own type wins");
    }

    @Test
    void plainRowsCheckedByHand() throws Exception {
        String text = HEADER
                + "7400000000000000001,\"Say \"\"hi\"\", then, go #howto\",2024-09-01T18:00:00Z,tutorial,62,10000,800,40,30,250\n"
                + "7400000000000000002,,2024-09-02T09:15+02:00,,0,2000,100,5,2,40\n"
                + "7400000000000000003,Crème brûlée 🍮,2024-09-03T12:00:00-05:00,recipe,15,3000,90,9,4,0";
        LoadState f = fast(utf8(text));
        assertTrue(f != null);
        assertSame(general(utf8(text), "v.csv"), f);
        Table t = f.videos.get(0).table();
        assertEquals("Say \"hi\", then, go #howto", t.stringColumn(Canonical.TITLE).get(0));
        assertEquals("howto", t.stringColumn(Canonical.HASHTAGS).get(0));
        // 09:15 at +02:00 is 07:15 UTC; noon at -05:00 is 17:00 UTC.
        assertEquals(Instant.parse("2024-09-02T07:15:00Z"), t.instantColumn(Canonical.POSTED_AT).get(1));
        assertEquals(Instant.parse("2024-09-03T17:00:00Z"), t.instantColumn(Canonical.POSTED_AT).get(2));
        assertEquals(62.0, t.doubleColumn(Canonical.DURATION_S).get(0));
        assertEquals(250L, t.longColumn(Canonical.SAVES).get(0));
        assertEquals("Crème brûlée 🍮", t.stringColumn(Canonical.TITLE).get(2));
    }

    @Test
    void byteOrderMarkAndIdsThatLookRoundedOrRepeat() throws Exception {
        // Ids ending in four zeros wait for their column; a repeated id is a second snapshot row for the merge.
        String text = "\uFEFF" + HEADER
                + "7400000000000010000,A,2024-09-01T18:00:00Z,tutorial,62,10,8,4,3,2\n"
                + "7400000000000000002,B,2024-09-02T18:00:00Z,comedy,10,20,10,5,2,4\n"
                + "7400000000000000002,B again,2024-09-02T18:00:00Z,comedy,10,25,10,5,2,5\n"
                + "abc,C,2024-09-03T18:00:00Z,dance,10,30,10,5,2,6\n";
        LoadState f = fast(utf8(text));
        assertTrue(f != null);
        assertSame(general(utf8(text), "v.csv"), f);
        assertEquals(4, f.videos.get(0).rowsUsed());
    }

    @Test
    void fixturesInThisShapeGiveTheGeneralReadersRowsOrAreLeftToIt() throws Exception {
        int taken = 0;
        List<Path> fixtures;
        try (Stream<Path> all = Files.walk(Path.of("tests/fixtures"))) {
            fixtures = all.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        for (Path p : fixtures) {
            byte[] bytes = Files.readAllBytes(p);
            String name = p.getFileName().toString();
            LoadState f = fast(bytes, name);
            if (f != null) {
                assertSame(general(bytes, name), f);
                taken++;
            }
        }
        // The notebook's mini sample is plain; the formats fixture has a decimal duration and a blank count.
        assertTrue(taken >= 1, "at least one fixture takes the fast path");
        assertEquals(null, fast(Files.readAllBytes(Path.of("tests/fixtures/formats/canonical.csv"))));
    }

    @Test
    void unusualFilesAreLeftToTheGeneralReader() throws Exception {
        String ok = "7400000000000000001,T,2024-09-01T18:00:00Z,tutorial,62,10,8,4,3,2";
        List<String> unusual = List.of(
                HEADER + "\"7400000000000000001\",T,2024-09-01T18:00:00Z,tutorial,62,10,8,4,3,2\n", // quoted id
                HEADER + ok.replace(",10,", ",1x,") + "\n",                  // a count that is not digits
                HEADER + ok.replace(",10,", ",,") + "\n",                    // a blank count
                HEADER + ok.replace(",10,", ", 10,") + "\n",                 // a space in a count
                HEADER + ok.replace(",62,", ",62.5,") + "\n",                // a decimal duration
                HEADER + ok.replace(",2", ",1234567890123456789") + "\n",    // more digits than 18
                HEADER + ok.replace("2024-09-01T18:00:00Z", "01/09/2024 18:00") + "\n", // not ISO
                HEADER + ok.replace("2024-09-01T", "2024-09-01 ") + "\n",    // a space for the T
                HEADER + ok.replace("2024-09-01", "2024-02-30") + "\n",      // no such day
                HEADER + ok.replace("2024-09-01", "2004-09-01") + "\n",      // before the earliest plain time
                HEADER + ok.replace("18:00:00Z", "18:00:00.5Z") + "\n",      // fractions of a second
                HEADER + ok.replace("18:00:00Z", "18:00:00+0200") + "\n",    // an offset without a colon
                HEADER + ok + ",9\n",                                        // a field too many
                HEADER + ok.replace(",2", "") + "\n",                        // a field too few
                HEADER + ok + "\n\n" + ok + "\n",                            // a blank line
                HEADER + "7400000000000000002,T,2024-09-01T18:00:00Z\n" + ok + "\n", // a row cut after its time
                HEADER + "7400000000000000002,T\n" + ok + "\n",            // a row cut after its title
                HEADER + ok.replace(",62,", ",62\n") + "\n",                // a row broken after its duration
                HEADER + ok.replace(",tutorial,", ",tutorial\n") + "\n",    // and after its type
                HEADER + ok + "\r" + ok + "\n",                              // a lone CR between rows
                HEADER + ok + "\r\n",                                        // CRLF
                HEADER.replace("\n", "\r\n") + ok + "\n",                    // CRLF header
                HEADER + ok.replace(",T,", ",\"two\nlines\",") + "\n",       // a line end in a title
                HEADER + ok.replace(",T,", ",\"T\"x,") + "\n",               // text after a closing quote
                HEADER + ok.replace(",T,", ",a\"b,") + "\n",                 // a quote inside an unquoted title
                HEADER + ok.replace(",T,", ",\"open,") + "\n",               // a quote never closed
                HEADER + ok.replace(",T,", ",a\tb,") + "\n",                 // a control character
                HEADER + ok.replace(",tutorial,", ",\"tutorial\",") + "\n",  // a quoted type
                "Video_ID" + HEADER.substring(8) + ok + "\n",                // header not plain
                HEADER.replace(",saves", ",Saves") + ok + "\n",
                "video_id,title,post_time,views,likes,comments,shares,saves\n1,T,2024-09-01T18:00:00Z,1,1,1,1,1\n",
                HEADER,                                                      // no data rows
                HEADER.strip());                                             // a header alone without a line end
        for (String text : unusual) {
            assertEquals(null, fast(utf8(text)), text);
        }
        // Bytes that are not UTF-8 (Latin-1 "é", a lone continuation byte, an overlong slash, a surrogate).
        for (byte[] bad : List.of(new byte[] {(byte) 0xE9}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
            byte[] head = utf8(HEADER + "7400000000000000001,T");
            byte[] tail = utf8(",2024-09-01T18:00:00Z,tutorial,62,10,8,4,3,2\n");
            byte[] bytes = new byte[head.length + bad.length + tail.length];
            System.arraycopy(head, 0, bytes, 0, head.length);
            System.arraycopy(bad, 0, bytes, head.length, bad.length);
            System.arraycopy(tail, 0, bytes, head.length + bad.length, tail.length);
            assertEquals(null, fast(bytes), "byte " + Integer.toHexString(bad[0] & 0xff));
        }
        assertTrue(fast(utf8(HEADER + ok + "\n")) != null, "the plain row the cases above change is read");
        assertTrue(fast(utf8(HEADER + ok)) != null, "also without a final line end");
    }

    @Test
    void asciiAndOtherFieldsSideBySideKeepTheirText() throws Exception {
        // Ids and titles of plain ASCII are copied, others decoded: each row's text must be its own whatever the
        // field before it (the id, the row above) held, plain or quoted, with quotes undoubled.
        String[][] rows = {
            {"é1", "plain", "plain"},
            {"7400000000000000002", "Crème", "Crème"},
            {"v😀", "\"quoted plain\"", "quoted plain"},
            {"abc", "\"a \"\"é\"\" b\"", "a \"é\" b"},
            {"ﬁ9", "\"say \"\"hi\"\"\"", "say \"hi\""},
            {"x", "a\u0085b\u2028c\uFEFFd\u007F e", "a\u0085b\u2028c\uFEFFd\u007F e"},
            {"İd", "\"é,\"", "é,"},
            {"y", "\"x,\"", "x,"},
            {"日本", "#TAG", "#TAG"},
            {"z", "𐐀 #𐐀", "𐐀 #𐐀"}};
        StringBuilder text = new StringBuilder(HEADER);
        for (String[] r : rows) {
            text.append(r[0]).append(',').append(r[1]).append(",2024-09-01T18:00:00Z,").append(r[0].length() % 2 == 0
                    ? "vlogé" : "vlog").append(",62,10,8,4,3,2\n");
        }
        LoadState f = fast(utf8(text.toString()));
        assertTrue(f != null, "every row is plain");
        assertSame(general(utf8(text.toString()), "v.csv"), f);
        Table t = f.videos.get(0).table();
        for (int r = 0; r < rows.length; r++) {
            assertEquals(rows[r][0], t.stringColumn(Canonical.VIDEO_ID).get(r), "id, row " + r);
            assertEquals(rows[r][2], t.stringColumn(Canonical.TITLE).get(r), "title, row " + r);
        }
        // Deseret capital 𐐀 (U+10400) lowers to 𐐨 (U+10428): a tag past the BMP, read from decoded text.
        assertEquals("tag", t.stringColumn(Canonical.HASHTAGS).get(8));
        assertEquals("\uD801\uDC28", t.stringColumn(Canonical.HASHTAGS).get(9));
    }

    @Test
    void titlesKeptAsBytesOrAsTextReadAsTheGeneralReaderReadsThem() throws Exception {
        // Titles are kept as the file's bytes unless the general reader would strip them (white space at either
        // end, U+3000 is, U+00A0 is not) or cut them (past 10,000 characters); each kind beside the others.
        String[][] rows = {
            {"\" lead\"", " lead"},
            {"\"trail \"", "trail "},
            {"\u3000ideographic\u3000", "\u3000ideographic\u3000"},
            {"\u00A0kept\u00A0", "\u00A0kept\u00A0"},
            {"\"\"", ""},
            {"", ""},
            {"x".repeat(10_000), "x".repeat(10_000)},
            {"y".repeat(10_001), "y".repeat(10_001)},
            {"🍰".repeat(5_000) + " #Cake", "🍰".repeat(5_000) + " #Cake"},
            {"\"\"\"quoted\"\" #Funny\"", "\"quoted\" #Funny"},
            {"é #Tips", "é #Tips"}};
        StringBuilder text = new StringBuilder(HEADER);
        for (int r = 0; r < rows.length; r++) {
            text.append(7400000000000000100L + r).append(',').append(rows[r][0])
                    .append(",2024-09-01T18:00:00Z,,62,10,8,4,3,2\n");
        }
        LoadState f = fast(utf8(text.toString()));
        assertTrue(f != null, "every row is plain");
        assertSame(general(utf8(text.toString()), "v.csv"), f);
        Table t = f.videos.get(0).table();
        for (int r = 0; r < rows.length; r++) {
            String raw = rows[r][1];
            String kept = raw.codePointCount(0, raw.length()) > 10_000
                    ? raw.substring(0, raw.offsetByCodePoints(0, 10_000)) + "…" : raw.strip();
            assertEquals(kept, t.stringColumn(Canonical.TITLE).get(r), "title, row " + r);
        }
        assertEquals("cake", t.stringColumn(Canonical.HASHTAGS).get(8));
        assertEquals("funny", t.stringColumn(Canonical.HASHTAGS).get(9));
        assertEquals("comedy", t.stringColumn(Canonical.CONTENT_TYPE).get(9));
        assertEquals("tips", t.stringColumn(Canonical.HASHTAGS).get(10));
    }

    @Test
    void bytesPastAsciiAreStrictUtf8OrLeftToTheGeneralReader() throws Exception {
        // Lead bytes 0x80-0xFF with continuations in and out of range (overlong forms, surrogates, past U+10FFFF,
        // cut short), in an id, a plain title and a quoted one, between ASCII fields and rows. A strict decoder
        // is the independent answer: what it decodes is read to that text, what it refuses leaves the file to
        // the general reader. Leads that never start a sequence (80-C1, F5-FF) are tried once each.
        int[] seconds = {0x41, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0};
        int[] thirds = {-1, 0x41, 0x80, 0xBF};
        int[] fourths = {-1, 0x80, 0x7E};
        List<byte[]> wellFormed = new ArrayList<>();
        List<String> decodedTexts = new ArrayList<>();
        int refused = 0;
        for (int b0 = 0x80; b0 <= 0xFF; b0++) {
            boolean lead = b0 >= 0xC2 && b0 <= 0xF4;
            for (int b1 : lead ? seconds : new int[] {0x80}) {
                for (int b2 : lead ? thirds : new int[] {0x80}) {
                    for (int b3 : lead && b2 >= 0 ? fourths : new int[] {-1}) {
                        byte[] seq = b2 < 0 ? new byte[] {(byte) b0, (byte) b1} : b3 < 0
                                ? new byte[] {(byte) b0, (byte) b1, (byte) b2}
                                : new byte[] {(byte) b0, (byte) b1, (byte) b2, (byte) b3};
                        String decoded = strictUtf8(seq);
                        if (decoded != null) {
                            wellFormed.add(seq);
                            decodedTexts.add(decoded);
                            continue;
                        }
                        // Each refused sequence in one of the three fields in turn: a read costs a thread.
                        int field = refused++ % 3;
                        assertEquals(null, fast(rowWith(seq, field)), HexFormat.of().formatHex(seq)
                                + " in field " + field);
                    }
                }
            }
        }
        for (int field = 0; field < 3; field++) {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            file.writeBytes(utf8(HEADER));
            for (byte[] seq : wellFormed) {
                byte[] one = rowWith(seq, field);
                file.write(one, HEADER.length(), one.length - HEADER.length());
            }
            byte[] bytes = file.toByteArray();
            LoadState f = fast(bytes);
            assertTrue(f != null, "well-formed sequences in field " + field);
            assertSame(general(bytes, "v.csv"), f);
            Table t = f.videos.get(0).table();
            String column = field == 0 ? Canonical.VIDEO_ID : Canonical.TITLE;
            for (int r = 0; r < wellFormed.size(); r++) {
                assertEquals(("A" + decodedTexts.get(r) + "B").strip(), t.stringColumn(column).get(2 * r), "row " + r);
                assertEquals("ASCII after", t.stringColumn(Canonical.TITLE).get(2 * r + 1), "row " + r);
            }
        }
        // Both kinds in numbers, so that neither half of the comparison ran on a handful.
        assertTrue(wellFormed.size() > 500 && refused > 1_000, wellFormed.size() + " decoded, " + refused + " refused");
    }

    /** A file of a row with {@code seq} between A and B in its id (field 0), plain title (1) or quoted one (2). */
    private static byte[] rowWith(byte[] seq, int field) {
        String tail = ",2024-09-01T18:00:00Z,tutorial,62,10,8,4,3,2\n";
        String after = "7400000000000000009,ASCII after" + tail;
        return switch (field) {
            case 0 -> concat(utf8(HEADER + "A"), seq, utf8("B,T" + tail + after));
            case 1 -> concat(utf8(HEADER + "1,A"), seq, utf8("B" + tail + after));
            default -> concat(utf8(HEADER + "1,\"A"), seq, utf8("B\"" + tail + after));
        };
    }

    /** The text of {@code bytes} when they are well-formed UTF-8 as a whole, else null. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void rowsLongerThanTheBufferAndRowsAcrossItsRefillsAreReadWhole() throws Exception {
        // The reader reads 64 KiB at a time and looks for line ends once per read: rows that straddle a refill,
        // and a row of 150 KB that makes the buffer grow, must come out as the general reader reads them.
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 3_000; i++) {
            String title = i == 1_234 ? "long " + "é".repeat(75_000) + " #tail" : "Row " + i + " " + "x".repeat(i % 97);
            text.append(7_400_000_000_000_000_001L + i).append(',').append(title).append(",2024-09-01T18:")
                    .append(String.format("%02d", i % 60)).append(":00Z,vlog,").append(i % 90).append(',')
                    .append(1000 + i).append(",1,2,3,").append(i % 11).append('\n');
        }
        byte[] bytes = utf8(text.toString());
        assertTrue(bytes.length > 3 * 65_536, "rows cross several refills");
        LoadState f = fast(bytes);
        assertTrue(f != null, "plain rows take the fast path");
        assertSame(general(bytes, "v.csv"), f);
        assertEquals(3_000, f.videos.get(0).rowsUsed());
        assertEquals(1_000L + 2_999, f.videos.get(0).table().longColumn(Canonical.VIEWS).get(2_999));
    }

    @Test
    void aFileGivenUpLateLoadsAsTheGeneralReaderLoadsIt() throws Exception {
        // Many plain rows, then one with a count "lots" far past the first batches: the general reader rejects
        // that row (naming line, field and value), and nothing of the fast reader's batches remains.
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 10_000; i++) {
            text.append(7_400_000_000_000_000_001L + i).append(",T").append(i).append(",2024-09-01T18:00:00Z,vlog,")
                    .append(i % 90).append(',').append(i).append(",1,1,1,").append(i % 7).append('\n');
        }
        text.append("7500000000000000001,Last,2024-09-01T18:00:00Z,vlog,5,lots,1,1,1,1\n");
        Path v = dir.resolve("videos.csv");
        Files.writeString(v, text);
        Dataset data = Loader.load(List.of(v), Loader.Options.defaults());
        assertEquals(10_000, data.videos().rowCount());
        SourceReport report = data.load().sources().get(0);
        assertEquals(10_001, report.rowsRead());
        assertEquals(1, report.rejections().size());
        assertTrue(report.rejections().get(0).toString().contains(":10002:6"), report.rejections().get(0).toString());
        assertTrue(report.rejections().get(0).toString().contains("lots"), report.rejections().get(0).toString());
    }

    @Test
    void aReadInterruptedLeavesNoThreadWaitingWithItsRows() throws Exception {
        // A stopped notebook cell interrupts the reading thread: its hand-over of the first batch fails, and the
        // thread that adds rows must still be told to end, not left waiting for ever with the builder.
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 5_000; i++) {
            text.append(7_400_000_000_000_000_001L + i).append(",T").append(i).append(",2024-09-01T18:00:00Z,vlog,5,")
                    .append(i).append(",1,1,1,1\n");
        }
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        LoadState s = state();
        Thread.currentThread().interrupt();
        try {
            VideoFastCsv.read(new ByteArrayInputStream(utf8(text.toString())), context("v.csv"), s);
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
        } finally {
            Thread.interrupted();
        }
        assertTrue(s.videos.isEmpty(), "nothing added");
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<Thread> left;
        do {
            Thread.sleep(20);
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("savescope-video-rows") && !before.contains(t) && t.isAlive()).toList();
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        assertEquals(List.of(), left, "the row thread ended");
    }

    @Test
    void theLoaderTakesTheFastPathForAPlainFile() throws Exception {
        // Same rows through the whole loader, once as .csv (fast) and once in a .txt (general by its name);
        // the datasets agree cell by cell once the file names are set aside.
        Path[] files = ExportGenerator.write(new ExportGenerator.Spec(3_000, 0, 7L), dir);
        Path txt = dir.resolve("copy.txt");
        Files.copy(files[0], txt);
        Dataset fastData = Loader.load(List.of(files[0]), Loader.Options.defaults());
        Dataset generalData = Loader.load(List.of(txt), Loader.Options.defaults());
        Table a = fastData.videos().copy();
        Table e = generalData.videos().copy();
        a.removeColumns(Canonical.SOURCE);
        e.removeColumns(Canonical.SOURCE);
        assertSameTable(e, a);
        assertEquals(3_000, fastData.load().sources().get(0).rowsUsed());
        assertEquals(generalData.load().sources().get(0).toString().replace(txt.toString(), files[0].toString()),
                fastData.load().sources().get(0).toString());
        assertFalse(fastData.videos().rowCount() == 0);
    }
}
