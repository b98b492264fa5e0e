package savescope.cli;

import savescope.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Prints a written report to PDF with a headless Chromium, Chrome or Edge (whichever is installed): the page's
 * print stylesheet decides the layout, so the PDF is what "Print, save as PDF" in the browser gives.
 */
final class PdfPrinter {
    /** Printing the sample takes about two seconds; a browser that hangs is stopped. */
    static final long TIMEOUT_SECONDS = 120;
    /** pdfinfo reads a PDF's trailer and page tree in well under a second. */
    private static final long CHECK_SECONDS = 30;
    /** A PDF ends with {@code %%EOF}; writers may add a line end or a few bytes after it, never a kilobyte. */
    private static final int TRAILER_BYTES = 1024;

    /** The paper of the PDF's pages, given to the browser as the page's CSS {@code @page size}. */
    enum Paper {
        A4("A4"), LETTER("letter");

        /**
         * Where US Letter is the usual paper, as the Unicode CLDR lists it (its {@code paperSize} data): Belize,
         * Canada, Chile, Colombia, Costa Rica, Guatemala, Mexico, Nicaragua, Panama, the Philippines, Puerto Rico,
         * El Salvador, the United States and Venezuela. A4 everywhere else.
         */
        static final java.util.Set<String> LETTER_COUNTRIES = java.util.Set.of("BZ", "CA", "CL", "CO", "CR", "GT",
                "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE");

        final String cssSize;

        Paper(String cssSize) {
            this.cssSize = cssSize;
        }

        /**
         * The paper of this machine's country: from the first of {@code LC_ALL}, {@code LC_PAPER} (POSIX's setting
         * for it, {@code en_US.UTF-8}) and {@code LANG} that is set, else the country of {@code locale}; A4 when
         * none names a country. A variable set to a locale without one ({@code C}, {@code POSIX}) gives A4: Java
         * reads {@code C} as en_US, which would give Letter to a machine that never chose a country.
         */
        static Paper forPlace(Map<String, String> env, Locale locale) {
            String country = null;
            for (String variable : List.of("LC_ALL", "LC_PAPER", "LANG")) {
                String value = env.get(variable);
                if (value != null && !value.isBlank()) {
                    country = countryOf(value);
                    break;
                }
            }
            if (country == null) {
                country = locale.getCountry();
            }
            return LETTER_COUNTRIES.contains(country.toUpperCase(Locale.ROOT)) ? LETTER : A4;
        }

        /** The country of a POSIX locale name ({@code es_MX.UTF-8@euro} gives {@code MX}), or "" for none. */
        private static String countryOf(String posixLocale) {
            if (posixLocale == null) {
                return "";
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[A-Za-z]{2,3}_([A-Za-z]{2})(?:[.@].*)?$")
                    .matcher(posixLocale.strip());
            return m.matches() ? m.group(1) : "";
        }
    }
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable", "microsoft-edge", "microsoft-edge-stable", "msedge", "chrome");

    private final Path browser;

    private PdfPrinter(Path browser) {
        this.browser = browser;
    }

    /**
     * The printer with the browser found on this machine.
     *
     * @throws UserError (code 2) naming the package to install when there is none
     */
    static PdfPrinter find(Map<String, String> env) {
        String override = env.get("CHROMIUM");
        return new PdfPrinter(findBrowser(System.getProperty("os.name", ""), env, PdfPrinter::executable)
                .orElseThrow(() -> new UserError(override != null && !override.isBlank()
                        ? badOverrideMessage(override.strip(), env) : noBrowserMessage(System.getProperty("os.name", "")))));
    }

    /** Why {@code $CHROMIUM} names no browser: the user set it, so the message names it and not the search. */
    static String badOverrideMessage(String override, Map<String, String> env) {
        String head = "CHROMIUM=" + override + ": ";
        if (!override.contains("/") && !override.contains("\\")) {
            return head + "not found on PATH (expected the browser's executable, or its full path).";
        }
        Path p = Path.of(override);
        String problem = !Files.exists(p) ? "no such file"
                : Files.isDirectory(p) ? "is a folder"
                : !Files.isRegularFile(p) ? "is " + savescope.FileProblems.whatIsBehind(p) + ", not a file"
                : "is not executable";
        return head + problem + " (expected the browser's executable). Nothing was written.";
    }

    /** Where a Chromium-based browser is: {@code $CHROMIUM} when set, else the usual names and install places. */
    static Optional<Path> findBrowser(String osName, Map<String, String> env, Predicate<Path> isExecutable) {
        String override = env.get("CHROMIUM");
        List<Path> tries = new ArrayList<>();
        if (override != null && !override.isBlank()) {
            tries.addAll(onPath(override.strip(), env));
        } else {
            for (String name : NAMES) {
                tries.addAll(onPath(name, env));
            }
            String os = osName.toLowerCase(Locale.ROOT);
            if (os.startsWith("mac")) {
                for (String app : List.of("Chromium", "Google Chrome", "Microsoft Edge")) {
                    tries.add(Path.of("/Applications", app + ".app", "Contents", "MacOS", app));
                }
            } else if (os.startsWith("windows")) {
                for (String base : List.of("ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA")) {
                    String dir = env.get(base);
                    if (dir != null) {
                        tries.add(Path.of(dir, "Google", "Chrome", "Application", "chrome.exe"));
                        tries.add(Path.of(dir, "Microsoft", "Edge", "Application", "msedge.exe"));
                        tries.add(Path.of(dir, "Chromium", "Application", "chrome.exe"));
                    }
                }
            }
        }
        return tries.stream().filter(isExecutable).findFirst();
    }

    private static List<Path> onPath(String name, Map<String, String> env) {
        if (name.contains("/") || name.contains("\\")) {
            return List.of(Path.of(name));
        }
        List<Path> found = new ArrayList<>();
        for (String dir : env.getOrDefault("PATH", env.getOrDefault("Path", "")).split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                found.add(Path.of(dir, name));
                found.add(Path.of(dir, name + ".exe"));
            }
        }
        return found;
    }

    private static boolean executable(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }

    static String noBrowserMessage(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        String how = os.startsWith("mac") ? "brew install --cask chromium, or install Google Chrome"
                : os.startsWith("windows") ? "install Google Chrome or Microsoft Edge"
                : "the chromium package: sudo apt-get install chromium (Debian, Ubuntu: chromium-browser), "
                        + "sudo dnf install chromium (Fedora)";
        return "--pdf: no Chromium, Chrome or Edge found to print the PDF with; install one (" + how + "), or set "
                + "CHROMIUM to its path. Nothing was written.";
    }

    /**
     * Prints {@code html} on {@code paper} to {@code pdf}, through a temporary file moved into place only when the
     * browser wrote a whole PDF; an earlier {@code pdf} stays as it was otherwise.
     *
     * @param env the environment, where {@code pdfinfo} is looked for to check the PDF
     * @throws IOException when the browser fails or writes a broken PDF, with what it said
     */
    void print(Path html, Path pdf, Paper paper, Map<String, String> env) throws IOException {
        try {
            printChecked(html, pdf, paper, env);
        } catch (IOException e) {
            if (Files.exists(pdf)) {
                throw new IOException(e.getMessage() + "; " + pdf + " is an earlier run's, left as it was", e);
            }
            throw e;
        }
    }

    private void printChecked(Path html, Path pdf, Paper paper, Map<String, String> env) throws IOException {
        Path dir = pdf.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path profile = Files.createTempDirectory("savescope-pdf-");
        savescope.render.AtomicFiles.temporaryTree(profile); // Ctrl-C while printing would leave it in /tmp
        Path temp = savescope.render.AtomicFiles.temporaryIn(dir);
        java.util.Set<java.nio.file.attribute.PosixFilePermission> madeAs = temp.getFileSystem()
                .supportedFileAttributeViews().contains("posix") ? savescope.render.AtomicFiles.createdMode(temp) : null;
        try {
            Path page = onPaper(html, paper, profile);
            List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless", "--disable-gpu",
                    "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-extensions", "--mute-audio",
                    "--user-data-dir=" + profile, "--no-pdf-header-footer", "--print-to-pdf-no-header",
                    "--run-all-compositor-stages-before-draw", "--virtual-time-budget=10000",
                    "--print-to-pdf=" + temp.toAbsolutePath()));
            if (needsNoSandbox()) {
                // Chromium's sandbox refuses to start as root (containers, CI); the page is our own file.
                cmd.add(1, "--no-sandbox");
            }
            cmd.add(page.toAbsolutePath().toUri().toString());
            // The browser's output goes to a file: reading a pipe would wait as long as a hung browser keeps it open.
            Path log = Files.createTempFile(profile, "browser", ".log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IOException(browser + " did not finish printing within " + TIMEOUT_SECONDS + " s");
            }
            byte[] said = Files.readAllBytes(log);
            if (!isPdf(temp)) {
                String last = new String(said, java.nio.charset.StandardCharsets.UTF_8).strip().lines()
                        .reduce((a, b) -> b).orElse("no output");
                throw new IOException(browser + " wrote no PDF (exit code " + p.exitValue() + "; it said: " + last + ")");
            }
            checkWhole(temp, browser + " (exit code " + p.exitValue() + ")", env);
            if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // The browser may have written a file of its own in the temporary one's place: the PDF gets the
                // permissions of the one it replaces, else those of a new file in its folder (umask, default ACL).
                Files.setPosixFilePermissions(temp, Files.exists(pdf) ? Files.getPosixFilePermissions(pdf) : madeAs);
            }
            savescope.render.AtomicFiles.awaitMove();
            Files.move(temp, pdf, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while printing the PDF", e);
        } finally {
            Files.deleteIfExists(temp);
            savescope.render.AtomicFiles.settled(temp);
            savescope.render.AtomicFiles.deleteTree(profile);
            savescope.render.AtomicFiles.settledTree(profile);
        }
    }

    /**
     * A copy of the report in {@code folder} whose pages are {@code paper}: a style sheet naming the size goes last
     * in its head, so it wins over the page's own print rules; the report itself stays as it is for screens and
     * for printers with other paper.
     */
    private static Path onPaper(Path html, Paper paper, Path folder) throws IOException {
        String page = Files.readString(html, java.nio.charset.StandardCharsets.UTF_8);
        String style = "<style>@page { size: " + paper.cssSize + "; }</style>";
        int head = page.toLowerCase(Locale.ROOT).indexOf("</head>");
        String printed = head >= 0 ? page.substring(0, head) + style + page.substring(head) : style + page;
        Path copy = folder.resolve("print.html");
        Files.writeString(copy, printed, java.nio.charset.StandardCharsets.UTF_8);
        return copy;
    }

    /**
     * Refuses a PDF a browser left unfinished (it crashed, or was stopped, while writing): one without its
     * {@code %%EOF} trailer at the end, or, where poppler's {@code pdfinfo} is installed, one it cannot read.
     */
    static void checkWhole(Path file, String writer, Map<String, String> env) throws IOException {
        long size = Files.size(file);
        byte[] end;
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
            ch.position(Math.max(0, size - TRAILER_BYTES));
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) Math.min(size, TRAILER_BYTES));
            while (buffer.hasRemaining() && ch.read(buffer) >= 0) {
                // Reads the last bytes whole.
            }
            end = java.util.Arrays.copyOf(buffer.array(), buffer.position());
        }
        if (!new String(end, java.nio.charset.StandardCharsets.ISO_8859_1).contains("%%EOF")) {
            throw new IOException(writer + " wrote an incomplete PDF of " + size + " bytes, without the %%EOF that "
                    + "ends a PDF (did the browser crash?)");
        }
        Optional<Path> pdfinfo = onPath("pdfinfo", env).stream().filter(PdfPrinter::executable).findFirst();
        if (pdfinfo.isPresent()) {
            String said = pdfinfo(pdfinfo.get(), file);
            if (said != null) {
                throw new IOException(writer + " wrote a PDF that pdfinfo cannot read (it said: " + said + ")");
            }
        }
    }

    /** What pdfinfo said when it could not read {@code file} (its last line), or null when it read it. */
    private static String pdfinfo(Path pdfinfo, Path file) throws IOException {
        Path log = Files.createTempFile("savescope-pdfinfo-", ".log");
        try {
            Process p = new ProcessBuilder(pdfinfo.toString(), file.toAbsolutePath().toString()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(CHECK_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "no answer within " + CHECK_SECONDS + " s";
            }
            if (p.exitValue() == 0) {
                return null;
            }
            return Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1).strip().lines()
                    .reduce((a, b) -> b).orElse("exit code " + p.exitValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while checking the PDF", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static boolean isPdf(Path file) throws IOException {
        if (Files.size(file) < 5) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(5), java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-");
        }
    }

    private static boolean needsNoSandbox() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                && "root".equals(System.getProperty("user.name"));
    }

    /** The PDF's path beside the report: {@code team.html} gives {@code team.pdf}. */
    static Path besides(Path html) {
        String name = html.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return html.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".pdf");
    }
}
