package savescope.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code index.html} of a reports folder: every SaveScope report in it with its title, period, date and
 * key numbers, newest first. Each report carries these in {@code <meta name="savescope:…">} tags in its head.
 */
public final class ReportIndex {
    /** The generator mark of an index page, so we only ever replace an index we wrote. */
    static final String INDEX_GENERATOR = "SaveScope index";
    private static final Pattern META = Pattern.compile("<meta name=\"([^\"]+)\" content=\"([^\"]*)\">");
    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");
    /** The tags sit in the head, before the inline styles, so the start of a file is enough. */
    private static final int HEAD_BYTES = 16 * 1024;

    /** A report listed in the index; {@code href} is the file name, percent-encoded for a link. */
    public record Entry(String file, String href, String title, String account, String period, String generated,
            List<HtmlReport.KeyNumber> keyNumbers) {}

    private ReportIndex() {}

    /**
     * Rewrites {@code dir/index.html} from the reports in {@code dir}.
     *
     * @return the index written, or empty when {@code dir} already has an index.html that SaveScope did not make
     */
    public static Optional<Path> rebuild(Path dir, HtmlReport renderer, Instant now) throws IOException {
        try (FolderLock held = FolderLock.hold(dir)) {
            return rebuildHeld(dir, renderer, now);
        }
    }

    /** The file whose lock serialises the index rebuilds of a folder; it stays, as removing it would race. */
    public static final String LOCK = ".savescope-index.lock";
    /** Threads of one process take turns here: a file lock is held by the whole process. */
    private static final java.util.concurrent.locks.ReentrantLock IN_PROCESS = new java.util.concurrent.locks.ReentrantLock();

    /**
     * The lock on a folder's index, so that two runs writing into one folder rebuild it one after the other and
     * the later sees both reports. Where the file system cannot lock, the rebuild goes ahead unlocked.
     */
    static final class FolderLock implements AutoCloseable {
        private final java.nio.channels.FileChannel channel;

        private FolderLock(java.nio.channels.FileChannel channel) {
            this.channel = channel;
        }

        static FolderLock hold(Path dir) {
            IN_PROCESS.lock();
            java.nio.channels.FileChannel channel = null;
            try {
                channel = java.nio.channels.FileChannel.open(dir.resolve(LOCK), java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.WRITE);
                channel.lock();
            } catch (IOException | RuntimeException e) {
                // A read-only folder or one without locks (some network file systems): rebuild as before.
                closeQuietly(channel);
                channel = null;
            }
            return new FolderLock(channel);
        }

        @Override
        public void close() {
            closeQuietly(channel);
            IN_PROCESS.unlock();
        }

        private static void closeQuietly(java.nio.channels.FileChannel channel) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                // Closing releases the lock whatever it reports.
            }
        }
    }

    private static Optional<Path> rebuildHeld(Path dir, HtmlReport renderer, Instant now) throws IOException {
        Path index = dir.resolve("index.html");
        // A folder, link or device named index.html is not an index we wrote either.
        if (Files.exists(index, java.nio.file.LinkOption.NOFOLLOW_LINKS) && (!Files.isRegularFile(index,
                java.nio.file.LinkOption.NOFOLLOW_LINKS) || !INDEX_GENERATOR.equals(read(index).get("generator")))) {
            return Optional.empty();
        }
        List<Entry> entries = entries(dir);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("reports", entries);
        model.put("folder", dir.toAbsolutePath().normalize().getFileName() == null ? ""
                : dir.toAbsolutePath().normalize().getFileName().toString());
        model.put("updated", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", java.util.Locale.ROOT)
                .format(now.atOffset(java.time.ZoneOffset.UTC)));
        AtomicFiles.write(index, renderer.renderTemplate("index.ftlh", model));
        return Optional.of(index);
    }

    /** True when {@code index} is a plain file that SaveScope wrote as a reports index (so a rebuild replaces it). */
    public static boolean isSaveScopeIndex(Path index) throws IOException {
        return Files.isRegularFile(index, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && INDEX_GENERATOR.equals(read(index).get("generator"));
    }

    /** The SaveScope reports in {@code dir}, newest first. */
    static List<Entry> entries(Path dir) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".html")
                    && !p.getFileName().toString().equals("index.html") && Files.isRegularFile(p)).sorted().toList()) {
                Map<String, String> meta = read(f);
                if (!"SaveScope".equals(meta.get("generator"))) {
                    continue;
                }
                List<HtmlReport.KeyNumber> kpis = new ArrayList<>();
                for (String k : meta.getOrDefault("savescope:kpi", "").split("\n")) {
                    String[] parts = k.split("\\|", -1);
                    if (parts.length == 3) {
                        kpis.add(new HtmlReport.KeyNumber(parts[0], parts[1], parts[2]));
                    }
                }
                String name = f.getFileName().toString();
                entries.add(new Entry(name, href(name), meta.getOrDefault("title", name),
                        meta.getOrDefault("savescope:account", ""), meta.getOrDefault("savescope:period", ""),
                        meta.getOrDefault("savescope:generated", ""), kpis));
            }
        }
        entries.sort(Comparator.comparing(Entry::generated).reversed().thenComparing(Entry::file));
        return entries;
    }

    /** The meta tags and title at the start of an HTML file; repeated names are joined with newlines. */
    static Map<String, String> read(Path html) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(html)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        String text = new String(head, StandardCharsets.UTF_8);
        Map<String, String> meta = new LinkedHashMap<>();
        Matcher m = META.matcher(text);
        while (m.find()) {
            meta.merge(m.group(1), unescape(m.group(2)), (a, b) -> a + "\n" + b);
        }
        Matcher t = TITLE.matcher(text);
        if (t.find()) {
            meta.put("title", unescape(t.group(1)));
        }
        return meta;
    }

    /**
     * A relative link to a file in the same folder: its UTF-8 bytes percent-encoded except letters, digits and
     * {@code -._~}, so spaces, non-ASCII letters, {@code #}, {@code ?}, {@code %} and a backslash (which browsers
     * on Windows read as a slash) stay part of the name, and a colon never makes it look like a scheme.
     */
    static String href(String fileName) {
        StringBuilder link = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                link.append((char) c);
            } else {
                link.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return link.toString();
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
