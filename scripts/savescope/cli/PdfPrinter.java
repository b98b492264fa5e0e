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
    static PdfPrinter find() {
        return new PdfPrinter(findBrowser(System.getProperty("os.name", ""), System.getenv(), PdfPrinter::executable)
                .orElseThrow(() -> new UserError(noBrowserMessage(System.getProperty("os.name", "")))));
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
     * Prints {@code html} to {@code pdf}, through a temporary file moved into place when the browser wrote a PDF.
     *
     * @throws IOException when the browser fails, with what it said
     */
    void print(Path html, Path pdf) throws IOException {
        Path dir = pdf.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path profile = Files.createTempDirectory("savescope-pdf-");
        Path temp = Files.createTempFile(dir, "." + pdf.getFileName(), ".tmp");
        try {
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
            cmd.add(html.toAbsolutePath().toUri().toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] said;
            try (InputStream out = p.getInputStream()) {
                said = out.readAllBytes();
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(browser + " did not finish printing within " + TIMEOUT_SECONDS + " s");
            }
            if (!isPdf(temp)) {
                String last = new String(said, java.nio.charset.StandardCharsets.UTF_8).strip().lines()
                        .reduce((a, b) -> b).orElse("no output");
                throw new IOException(browser + " wrote no PDF (exit code " + p.exitValue() + "; it said: " + last + ")");
            }
            if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // Temporary files are private to their owner; a PDF is meant to be shared like the report.
                Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(temp, pdf, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while printing the PDF", e);
        } finally {
            Files.deleteIfExists(temp);
            deleteTree(profile);
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

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A browser profile left in the temporary folder goes with the system's temporary files.
        }
    }

    /** The PDF's path beside the report: {@code team.html} gives {@code team.pdf}. */
    static Path besides(Path html) {
        String name = html.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return html.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".pdf");
    }
}
