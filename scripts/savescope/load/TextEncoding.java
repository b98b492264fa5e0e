package savescope.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Tells how a text file's bytes encode its characters (UTF-8 with or without BOM, UTF-16 in either byte order
 * with or without BOM, or Windows-1252 for the bytes that are not UTF-8) and refuses what is not text.
 *
 * @param charset how the text is decoded
 * @param bomLength bytes of byte-order mark to skip
 * @param note what was assumed about the encoding, in words, or null for plain UTF-8
 */
record TextEncoding(Charset charset, int bomLength, String note) {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String CP1252_WORDS = "Windows-1252 (Western European, as Excel on Windows saves \"CSV\")";

    /** The encoding of a file whose first bytes are {@code head}; throws {@link InputException} for binary data. */
    static TextEncoding detect(String file, byte[] head, String expected) {
        int b0 = head.length > 0 ? head[0] & 0xff : -1;
        int b1 = head.length > 1 ? head[1] & 0xff : -1;
        if (b0 == 0xEF && b1 == 0xBB && head.length > 2 && (head[2] & 0xff) == 0xBF) {
            return new TextEncoding(StandardCharsets.UTF_8, 3, null);
        }
        if (b0 == 0xFF && b1 == 0xFE) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 2, "the text is UTF-16LE (it starts with that byte-order "
                    + "mark, as Excel's \"Unicode text\" does) and was read as such.");
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 2, "the text is UTF-16BE (it starts with that byte-order "
                    + "mark) and was read as such.");
        }
        Charset utf16 = utf16WithoutBom(head);
        if (utf16 != null) {
            return new TextEncoding(utf16, 0, "the text has no byte-order mark but every other byte is zero, so it was "
                    + "read as " + utf16.name() + ".");
        }
        int control = controlBytes(head);
        if (control > 0) {
            throw new InputException(file + ": found binary data (" + control + " control bytes in the first "
                    + head.length + "), expected " + expected + ".");
        }
        if (!validUtf8(head)) {
            return new TextEncoding(WINDOWS_1252, 0, "the text is not valid UTF-8; it was read as " + CP1252_WORDS + ".");
        }
        return new TextEncoding(StandardCharsets.UTF_8, 0, null);
    }

    /** As {@link #detect}, but null for binary data instead of an error. */
    static TextEncoding detectOrNull(byte[] head) {
        try {
            return detect("", head, "");
        } catch (InputException e) {
            return null;
        }
    }

    /** The characters of {@code head}, the first bytes of a file, after its byte-order mark. */
    String decode(byte[] head) {
        return new String(head, bomLength, head.length - bomLength, charset);
    }

    /**
     * UTF-16 told by its zero bytes: ASCII characters (delimiters, digits, Latin headers) have a zero high byte,
     * so in such text most bytes on one side of each pair are zero and almost none on the other.
     */
    private static Charset utf16WithoutBom(byte[] head) {
        int pairs = head.length / 2;
        if (pairs < 2) {
            return null;
        }
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i + 1 < head.length; i += 2) {
            zeroEven += head[i] == 0 ? 1 : 0;
            zeroOdd += head[i + 1] == 0 ? 1 : 0;
        }
        Charset guess = zeroOdd * 10 >= pairs * 3 && zeroEven * 20 < pairs ? StandardCharsets.UTF_16LE
                : zeroEven * 10 >= pairs * 3 && zeroOdd * 20 < pairs ? StandardCharsets.UTF_16BE : null;
        return guess != null && plainText(new String(head, 0, pairs * 2, guess)) ? guess : null;
    }

    /** Whether decoded text has no control characters but line ends and tabs. */
    private static boolean plainText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /**
     * Control bytes other than line ends and tabs, not counting a run of zero bytes from the start of a line to
     * the end of {@code head}: that is the unwritten tail of a file cut short (its text rows are still read,
     * and the zero bytes are rejected where they stand).
     */
    static int controlBytes(byte[] head) {
        int end = head.length;
        while (end > 0 && head[end - 1] == 0) {
            end--;
        }
        if (end == 0 || end == head.length || (head[end - 1] != '\n' && head[end - 1] != '\r')) {
            end = head.length;
        }
        int control = 0;
        for (int i = 0; i < end; i++) {
            int c = head[i] & 0xff;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                control++;
            }
        }
        return control;
    }

    /** Whether {@code head} is UTF-8, allowing a character cut off at its very end. */
    static boolean validUtf8(byte[] head) {
        int i = 0;
        while (i < head.length) {
            int b = head[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            int more = b >= 0xF0 && b <= 0xF4 ? 3 : b >= 0xE0 ? (b <= 0xEF ? 2 : -1) : b >= 0xC2 ? 1 : -1;
            if (more < 0) {
                return false;
            }
            for (int k = 1; k <= more; k++) {
                if (i + k >= head.length) {
                    return true;
                }
                if ((head[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += more + 1;
        }
        return true;
    }

    /** The text of {@code in} (positioned at the file's start), its byte-order mark skipped. */
    Reader reader(InputStream in) throws IOException {
        in.skipNBytes(bomLength);
        return new Decoding(in, charset);
    }

    /**
     * Decodes bytes to characters. UTF-8 whose first invalid byte comes after nothing but ASCII is a file in
     * Windows-1252 whose first accented letter came late: the rest is read that way and said so. Any later
     * invalid byte becomes U+FFFD and is counted.
     */
    static final class Decoding extends Reader {
        private final InputStream in;
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        private CharsetDecoder decoder;
        private boolean sawNonAscii;
        private boolean eof;
        private long replaced;
        private String switchedNote;

        Decoding(InputStream in, Charset charset) {
            this.in = in;
            this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            bytes.flip();
        }

        /** Invalid byte sequences replaced by U+FFFD so far. */
        long replaced() {
            return replaced;
        }

        /** Set when reading switched from UTF-8 to Windows-1252 part way. */
        String switchedNote() {
            return switchedNote;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            CharBuffer out = CharBuffer.wrap(cbuf, off, len);
            while (true) {
                if (needBytes) {
                    needBytes = false;
                    readMore();
                }
                int before = bytes.position();
                CoderResult r = decoder.decode(bytes, out, eof);
                if (!sawNonAscii && bytes.position() > before) {
                    sawNonAscii = anyNonAscii(before, bytes.position());
                }
                if (r.isError()) {
                    malformed(r.length(), out);
                } else if (r.isOverflow() || out.position() > off || eof) {
                    break;
                } else {
                    needBytes = true;
                }
            }
            int n = out.position() - off;
            return n == 0 ? -1 : n;
        }

        private boolean needBytes = true;

        private boolean anyNonAscii(int from, int to) {
            byte[] a = bytes.array();
            for (int i = from; i < to; i++) {
                if (a[i] < 0) {
                    return true;
                }
            }
            return false;
        }

        private void malformed(int length, CharBuffer out) {
            if (!sawNonAscii && decoder.charset().equals(StandardCharsets.UTF_8)) {
                decoder = WINDOWS_1252.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
                switchedNote = "the text began as plain ASCII but is not valid UTF-8 further on; it was read as "
                        + CP1252_WORDS + ".";
                return;
            }
            bytes.position(bytes.position() + length);
            out.put('\uFFFD');
            replaced++;
        }

        /**
         * Steps over zero bytes without decoding them (the unwritten tail of a file cut short can run to
         * gigabytes), up to the next other byte or the end; only for encodings where a zero byte is a character.
         */
        void skipZeroBytes() throws IOException {
            if (decoder.charset().equals(StandardCharsets.UTF_16LE) || decoder.charset().equals(StandardCharsets.UTF_16BE)) {
                return;
            }
            byte[] a = bytes.array();
            while (true) {
                int i = bytes.position();
                int end = bytes.limit();
                while (i < end && a[i] == 0) {
                    i++;
                }
                bytes.position(i);
                if (i < end || eof) {
                    return;
                }
                readMore();
            }
        }

        /** Reads more bytes after the unread ones, or notes the end of the file. */
        private void readMore() throws IOException {
            if (eof) {
                return;
            }
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
