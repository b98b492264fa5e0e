// Opens a SaveScope HTML report in headless Chromium and checks what a reader would see: no console
// errors, no network requests, visible and named charts, a table of contents whose links land, a lang.
package savescope.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A real-browser check of a self-contained HTML report: starts headless Chromium, drives it over the
 * Chrome DevTools Protocol (the JDK's WebSocket client, Jackson for JSON), loads the report from its
 * {@code file://} URL and measures it in the page.
 *
 * <p>Command line: {@code BrowserCheck report.html [--screenshot out.png] [--min-charts N] [--min-toc N]
 * [--timeout SECONDS]} prints a summary and exits 0 when every check passes, 1 when one fails, 2 when the
 * check could not run (bad arguments, no Chromium, browser failure).
 */
public final class BrowserCheck {
    private BrowserCheck() {}

    /** Tallest full-page screenshot taken, in CSS pixels. */
    static final int MAX_SCREENSHOT_HEIGHT = 16_000;
    /** How long to keep listening for late console errors and requests after the load event. */
    static final Duration SETTLE = Duration.ofMillis(300);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One chart: an inline SVG, its rendered size, whether a reader can see it, and its accessible name. */
    public record Chart(int index, String id, double width, double height, boolean visible, String accessibleName) {
        /** Whether the chart has a non-blank accessible name. */
        public boolean named() {
            return accessibleName != null && !accessibleName.isBlank();
        }

        /** The chart's id when it has one, else its position ({@code #1} is the first). */
        public String label() {
            return id == null || id.isEmpty() ? "#" + (index + 1) : id;
        }
    }

    /** One in-page link of the table of contents and whether its target element exists. */
    public record TocLink(String href, boolean resolves) {}

    /**
     * What the browser saw. {@code loaded} is false when the page's load event did not fire in time (the
     * page was measured anyway, as far as it had got).
     */
    public record Result(
            String lang,
            List<String> consoleErrors,
            List<String> networkRequests,
            List<Chart> charts,
            List<TocLink> tocLinks,
            boolean loaded) {
        public Result {
            lang = lang == null ? "" : lang;
            consoleErrors = List.copyOf(consoleErrors);
            networkRequests = List.copyOf(networkRequests);
            charts = List.copyOf(charts);
            tocLinks = List.copyOf(tocLinks);
        }

        public List<Chart> visibleCharts() {
            return charts.stream().filter(Chart::visible).toList();
        }

        public List<TocLink> brokenTocLinks() {
            return tocLinks.stream().filter(l -> !l.resolves()).toList();
        }

        /** Every failed check, one line each, with no minimum counts of charts or TOC links. */
        public List<String> problems() {
            return problems(0, 0);
        }

        /** Every failed check, one line each; empty when the report passes. */
        public List<String> problems(int minCharts, int minToc) {
            List<String> out = new ArrayList<>();
            if (!loaded) out.add("the page's load event did not fire in time");
            if (lang.isBlank()) out.add("<html> has no lang");
            for (String e : consoleErrors) out.add("console error: " + e);
            for (String r : networkRequests) out.add("network request: " + r);
            for (Chart c : charts) {
                if (!c.visible()) {
                    out.add("chart " + c.label() + " is not visible (" + size(c) + ")");
                }
                if (!c.named()) out.add("chart " + c.label() + " has no accessible name");
            }
            if (charts.size() < minCharts) {
                out.add("found " + charts.size() + " chart(s), expected at least " + minCharts);
            }
            for (TocLink l : brokenTocLinks()) out.add("TOC link " + l.href() + " points to no element");
            if (tocLinks.size() < minToc) {
                out.add("found " + tocLinks.size() + " TOC link(s), expected at least " + minToc);
            }
            return out;
        }

        /** A few lines for the terminal: the counts, then each problem. */
        public String summary() {
            StringBuilder sb = new StringBuilder();
            sb.append("lang: ").append(lang.isBlank() ? "(none)" : lang).append('\n');
            long named = charts.stream().filter(Chart::named).count();
            sb.append("charts: ").append(charts.size())
                    .append(" (").append(visibleCharts().size()).append(" visible, ")
                    .append(named).append(" named)\n");
            for (Chart c : charts) {
                sb.append("  ").append(c.label()).append(": ").append(size(c))
                        .append(c.visible() ? "" : ", NOT VISIBLE")
                        .append(c.named() ? ", \"" + c.accessibleName() + "\"" : ", NO NAME")
                        .append('\n');
            }
            sb.append("TOC links: ").append(tocLinks.size())
                    .append(" (").append(brokenTocLinks().size()).append(" broken)\n");
            for (TocLink l : brokenTocLinks()) sb.append("  broken: ").append(l.href()).append('\n');
            sb.append("console errors: ").append(consoleErrors.size()).append('\n');
            for (String e : consoleErrors) sb.append("  ").append(e).append('\n');
            sb.append("network requests: ").append(networkRequests.size()).append('\n');
            for (String r : networkRequests) sb.append("  ").append(r).append('\n');
            if (!loaded) sb.append("load event: did not fire in time\n");
            return sb.toString();
        }

        private static String size(Chart c) {
            return Math.round(c.width()) + "x" + Math.round(c.height());
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Finding and starting Chromium

    /**
     * The Chromium to run: {@code $CHROMIUM} when set (a path, or a name looked up on PATH; nothing else
     * is tried then), else {@code /usr/bin/chromium}, else {@code chromium} or {@code chromium-browser} on
     * PATH.
     */
    public static Optional<Path> findChromium() {
        String override = System.getenv("CHROMIUM");
        if (override != null && !override.isBlank()) return resolveExecutable(override.trim());
        Path usrBin = Path.of("/usr/bin/chromium");
        if (Files.isExecutable(usrBin)) return Optional.of(usrBin);
        return resolveExecutable("chromium").or(() -> resolveExecutable("chromium-browser"));
    }

    private static Optional<Path> resolveExecutable(String nameOrPath) {
        if (nameOrPath.contains("/")) {
            Path p = Path.of(nameOrPath);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, nameOrPath);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    static List<String> chromiumCommand(Path chromium, Path profile) {
        return List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile,
                "--window-size=1280,900",
                "--hide-scrollbars",
                "about:blank");
    }

    // ------------------------------------------------------------------------------------------------
    // The check

    /**
     * Loads {@code html} in a fresh headless Chromium and measures it; writes a full-page PNG to
     * {@code screenshotPngOrNull} when given. Chromium is killed and its profile deleted before this
     * returns, and the whole check ends within {@code timeout}.
     *
     * @throws IOException when Chromium is missing or fails, or the check runs out of time
     */
    public static Result check(Path html, Path screenshotPngOrNull, Duration timeout)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(html)) throw new IOException("no such report: " + html);
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be > 0");
        Path chromium = findChromium().orElseThrow(() -> new IOException(
                "Chromium not found: install it (.ci/install-chromium) or set $CHROMIUM"));

        long start = System.nanoTime();
        // Kill and clean up within the last part of the budget; the work gets the rest.
        long reserve = Math.min(TimeUnit.MILLISECONDS.toNanos(1500), timeout.toNanos() / 5);
        Deadline hard = new Deadline(start + timeout.toNanos());
        Deadline work = new Deadline(start + timeout.toNanos() - reserve);

        Path root = Files.createTempDirectory("savescope-chromium-");
        Path profile = Files.createDirectory(root.resolve("profile"));
        Path log = root.resolve("chromium.log");
        ExecutorService io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "browser-check-io");
            t.setDaemon(true);
            return t;
        });
        Process process = null;
        Cdp cdp = null;
        try {
            // Setting up an HttpClient costs a few hundred ms of CPU: do it while Chromium starts.
            CompletableFuture<HttpClient> client = CompletableFuture.supplyAsync(() -> HttpClient.newBuilder()
                    .executor(io)
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build(), io);
            process = new ProcessBuilder(chromiumCommand(chromium, profile))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            int port = awaitDevToolsPort(process, profile, log, work);
            HttpClient http = await(client, work, "setting up the HTTP client");
            URI pageSocket = pageWebSocket(http, port, work);
            cdp = Cdp.connect(http, pageSocket, work);
            return inspect(cdp, html, screenshotPngOrNull, work);
        } finally {
            if (cdp != null) cdp.abort();
            if (process != null) kill(process, hard);
            io.shutdownNow();
            deleteTree(root, hard);
        }
    }

    /** A point in time, with the remaining time as a bounded wait. */
    private record Deadline(long nanos) {
        long remainingNanos() {
            return nanos - System.nanoTime();
        }

        boolean passed() {
            return remainingNanos() <= 0;
        }

        Duration remainingAtMost(Duration cap) {
            long r = Math.max(1_000_000L, remainingNanos());
            return Duration.ofNanos(Math.min(r, cap.toNanos()));
        }
    }

    private static <T> T await(CompletableFuture<T> future, Deadline deadline, String what)
            throws IOException, InterruptedException {
        try {
            return future.get(Math.max(1, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IOException(what + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("ran out of time " + what);
        }
    }

    private static int awaitDevToolsPort(Process process, Path profile, Path log, Deadline deadline)
            throws IOException, InterruptedException {
        Path portFile = profile.resolve("DevToolsActivePort");
        while (true) {
            if (Files.isRegularFile(portFile)) {
                List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
                if (!lines.isEmpty() && lines.get(0).trim().matches("\\d+")) {
                    int port = Integer.parseInt(lines.get(0).trim());
                    if (port > 0) return port;
                }
            }
            if (!process.isAlive()) {
                throw new IOException("Chromium exited with status " + process.exitValue()
                        + " before opening its DevTools port" + logTail(log));
            }
            if (deadline.passed()) {
                throw new IOException("Chromium did not open its DevTools port in time" + logTail(log));
            }
            Thread.sleep(25);
        }
    }

    private static String logTail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - 15), lines.size());
            return tail.isEmpty() ? "" : "; Chromium's output ends with:\n  " + String.join("\n  ", tail);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    /** The WebSocket URL of a page target: the first page listed, or a new one. */
    private static URI pageWebSocket(HttpClient http, int port, Deadline deadline)
            throws IOException, InterruptedException {
        String base = "http://127.0.0.1:" + port;
        try {
            return findOrCreatePage(http, base, deadline);
        } catch (java.net.http.HttpTimeoutException e) {
            throw new IOException("ran out of time asking Chromium at " + base + " for a page: " + e.getMessage(), e);
        } catch (java.net.ConnectException e) {
            throw new IOException("could not reach Chromium's DevTools at " + base + ": " + e, e);
        }
    }

    private static URI findOrCreatePage(HttpClient http, String base, Deadline deadline)
            throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            JsonNode targets = getJson(http, HttpRequest.newBuilder(URI.create(base + "/json/list")).GET(), deadline);
            JsonNode page = null;
            for (JsonNode t : targets) {
                if ("page".equals(t.path("type").asText()) && t.hasNonNull("webSocketDebuggerUrl")) {
                    if (page == null || "about:blank".equals(t.path("url").asText())) page = t;
                    if ("about:blank".equals(t.path("url").asText())) break;
                }
            }
            if (page != null) return URI.create(page.get("webSocketDebuggerUrl").asText());
            if (attempt >= 3) break;
            Thread.sleep(50);
        }
        JsonNode created = getJson(http, HttpRequest.newBuilder(URI.create(base + "/json/new?about:blank"))
                .PUT(HttpRequest.BodyPublishers.noBody()), deadline);
        if (!created.hasNonNull("webSocketDebuggerUrl")) {
            throw new IOException("Chromium offered no page target to connect to: " + created);
        }
        return URI.create(created.get("webSocketDebuggerUrl").asText());
    }

    private static JsonNode getJson(HttpClient http, HttpRequest.Builder request, Deadline deadline)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                request.timeout(deadline.remainingAtMost(Duration.ofSeconds(5))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Everything that happens on the page's DevTools connection: load it, listen, measure it. */
    private static Result inspect(Cdp cdp, Path html, Path screenshot, Deadline work)
            throws IOException, InterruptedException {
        Path file = html.toAbsolutePath().normalize();
        String url = file.toUri().toString();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        List<String> requests = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> loadFired = new CompletableFuture<>();
        // Only the load event of the report's own document counts, not a late one of about:blank.
        java.util.concurrent.atomic.AtomicBoolean atReport = new java.util.concurrent.atomic.AtomicBoolean();

        cdp.on("Runtime.consoleAPICalled", p -> {
            String type = p.path("type").asText();
            if (type.equals("error") || type.equals("assert")) {
                errors.add(describeConsoleCall(p, file));
            }
        });
        cdp.on("Runtime.exceptionThrown", p -> errors.add(describeException(p.path("exceptionDetails"), file)));
        cdp.on("Log.entryAdded", p -> {
            JsonNode entry = p.path("entry");
            if ("error".equals(entry.path("level").asText())) errors.add(describeLogEntry(entry, file));
        });
        cdp.on("Network.requestWillBeSent", p -> {
            String u = p.path("request").path("url").asText();
            if (!isOwnOrInline(u, file)) requests.add(u);
        });
        cdp.on("Page.frameNavigated", p -> {
            JsonNode frame = p.path("frame");
            if (!frame.hasNonNull("parentId")) atReport.set(isOwnFile(frame.path("url").asText(), file));
        });
        cdp.on("Page.loadEventFired", p -> {
            if (atReport.get()) loadFired.complete(null);
        });
        cdp.closed().whenComplete((v, why) -> loadFired.completeExceptionally(why));

        cdp.call("Runtime.enable", null, work);
        cdp.call("Log.enable", null, work);
        cdp.call("Network.enable", null, work);
        cdp.call("Page.enable", null, work);

        ObjectNode nav = JSON.createObjectNode().put("url", url);
        JsonNode navResult = cdp.call("Page.navigate", nav, work);
        if (navResult.hasNonNull("errorText") && !navResult.path("errorText").asText().isEmpty()) {
            throw new IOException("Chromium could not open " + url + ": " + navResult.path("errorText").asText());
        }

        // Wait for the load event, but leave time to measure a page that never finishes loading.
        long measureReserve = Math.max(TimeUnit.SECONDS.toNanos(1),
                Math.min(TimeUnit.SECONDS.toNanos(10), work.remainingNanos() / 4));
        Deadline loadBy = new Deadline(work.nanos() - measureReserve);
        boolean loaded;
        try {
            loadFired.get(Math.max(1, loadBy.remainingNanos()), TimeUnit.NANOSECONDS);
            loaded = true;
        } catch (TimeoutException e) {
            loaded = false;
            cdp.call("Page.stopLoading", null, work);
        } catch (ExecutionException e) {
            throw new IOException("while loading " + url + ": " + e.getCause().getMessage(), e.getCause());
        }
        if (loaded) Thread.sleep(work.remainingAtMost(SETTLE).toMillis());

        JsonNode m = evaluate(cdp, MEASURE_JS, work);
        if (screenshot != null) screenshot(cdp, screenshot, work);

        List<Chart> charts = new ArrayList<>();
        for (JsonNode c : m.path("charts")) {
            charts.add(new Chart(c.path("index").asInt(), c.path("id").asText(""),
                    c.path("width").asDouble(), c.path("height").asDouble(),
                    c.path("visible").asBoolean(), c.path("name").asText("")));
        }
        List<TocLink> toc = new ArrayList<>();
        for (JsonNode l : m.path("toc")) toc.add(new TocLink(l.path("href").asText(), l.path("resolves").asBoolean()));
        synchronized (errors) {
            synchronized (requests) {
                return new Result(m.path("lang").asText(""), errors, requests, charts, toc, loaded);
            }
        }
    }

    private static JsonNode evaluate(Cdp cdp, String expression, Deadline deadline)
            throws IOException, InterruptedException {
        ObjectNode params = JSON.createObjectNode()
                .put("expression", expression)
                .put("returnByValue", true)
                .put("awaitPromise", false);
        JsonNode r = cdp.call("Runtime.evaluate", params, deadline);
        if (r.has("exceptionDetails")) {
            throw new IOException("measuring the page failed: " + describeException(r.get("exceptionDetails"), null));
        }
        return r.path("result").path("value");
    }

    private static void screenshot(Cdp cdp, Path out, Deadline deadline) throws IOException, InterruptedException {
        JsonNode metrics = cdp.call("Page.getLayoutMetrics", null, deadline);
        JsonNode size = metrics.has("cssContentSize") ? metrics.get("cssContentSize") : metrics.path("contentSize");
        JsonNode viewport = metrics.has("cssLayoutViewport")
                ? metrics.get("cssLayoutViewport") : metrics.path("layoutViewport");
        double width = Math.max(size.path("width").asDouble(), viewport.path("clientWidth").asDouble(1));
        double height = Math.min(Math.max(size.path("height").asDouble(), 1), MAX_SCREENSHOT_HEIGHT);
        ObjectNode clip = JSON.createObjectNode()
                .put("x", 0).put("y", 0)
                .put("width", Math.ceil(width)).put("height", Math.ceil(height))
                .put("scale", 1);
        ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        JsonNode shot = cdp.call("Page.captureScreenshot", params, deadline);
        byte[] png = Base64.getDecoder().decode(shot.path("data").asText());
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.write(out, png);
    }

    // ------------------------------------------------------------------------------------------------
    // Describing what the page reported

    /** Whether a request URL is the report itself or content the page holds inline (not a request). */
    private static boolean isOwnOrInline(String url, Path file) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("data:") || lower.startsWith("about:") || lower.startsWith("blob:")) return true;
        return isOwnFile(url, file);
    }

    /** Whether a URL is the report's file, in any spelling of it, with or without a fragment. */
    private static boolean isOwnFile(String url, Path file) {
        if (!url.regionMatches(true, 0, "file:", 0, 5)) return false;
        try {
            URI u = URI.create(url);
            URI withoutFragment = new URI(u.getScheme(), u.getAuthority(), u.getPath(), null, null);
            return Path.of(withoutFragment).toAbsolutePath().normalize().equals(file);
        } catch (RuntimeException | java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String where(String url, int zeroBasedLine, int zeroBasedColumn, Path file) {
        if (url == null || url.isEmpty()) return "";
        String shown = url;
        if (file != null && isOwnFile(url, file)) {
            shown = file.getFileName().toString();
        }
        StringBuilder sb = new StringBuilder(" (").append(shown);
        if (zeroBasedLine >= 0) {
            sb.append(':').append(zeroBasedLine + 1);
            if (zeroBasedColumn >= 0) sb.append(':').append(zeroBasedColumn + 1);
        }
        return sb.append(')').toString();
    }

    private static String describeConsoleCall(JsonNode p, Path file) {
        List<String> parts = new ArrayList<>();
        for (JsonNode arg : p.path("args")) parts.add(remoteObjectText(arg));
        String text = String.join(" ", parts);
        JsonNode frame = p.path("stackTrace").path("callFrames").path(0);
        String loc = frame.isMissingNode() ? ""
                : where(frame.path("url").asText(), frame.path("lineNumber").asInt(-1),
                        frame.path("columnNumber").asInt(-1), file);
        return "console." + p.path("type").asText() + ": " + text + loc;
    }

    private static String remoteObjectText(JsonNode o) {
        if (o.has("value")) {
            JsonNode v = o.get("value");
            return v.isTextual() ? v.asText() : v.toString();
        }
        if (o.has("unserializableValue")) return o.get("unserializableValue").asText();
        if (o.has("description")) return o.get("description").asText();
        return o.path("type").asText("?");
    }

    private static String describeException(JsonNode d, Path file) {
        String text = d.path("text").asText("Uncaught");
        JsonNode ex = d.path("exception");
        String desc = ex.has("description") ? ex.get("description").asText()
                : ex.has("value") ? remoteObjectText(ex) : "";
        String firstLine = desc.lines().findFirst().orElse("").trim();
        String message;
        if (firstLine.isEmpty() || text.endsWith(firstLine)) message = text;
        else if (text.equals("Uncaught")) message = "Uncaught " + firstLine;
        else message = text + ": " + firstLine;
        return message + where(d.path("url").asText(""), d.path("lineNumber").asInt(-1),
                d.path("columnNumber").asInt(-1), file);
    }

    private static String describeLogEntry(JsonNode entry, Path file) {
        String text = entry.path("text").asText();
        String url = entry.path("url").asText("");
        String loc = url.isEmpty() || text.contains(url) ? ""
                : where(url, entry.path("lineNumber").asInt(-1), -1, file);
        return entry.path("source").asText("log") + ": " + text + loc;
    }

    // ------------------------------------------------------------------------------------------------
    // Cleaning up

    private static void kill(Process process, Deadline hard) {
        List<ProcessHandle> tree = new ArrayList<>();
        try {
            process.descendants().forEach(tree::add);
        } catch (RuntimeException ignored) {
            // The process list may be unreadable; the browser itself is still killed below.
        }
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.add(process.toHandle());
        // Poll rather than onExit(): for processes that are not our children that waits in long steps.
        while (tree.stream().anyMatch(BrowserCheck::running) && hard.remainingNanos() > 0) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Whether a process still runs. A killed helper that Chromium left behind is re-parented to PID 1 and
     * stays a zombie until that reaps it (slowly, in some containers): it is dead and counts as ended.
     */
    private static boolean running(ProcessHandle h) {
        if (!h.isAlive()) return false;
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
            int end = stat.lastIndexOf(')');
            char state = end >= 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : '?';
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return !Files.isDirectory(Path.of("/proc")) && h.isAlive();
        }
    }

    private static void deleteTree(Path root, Deadline hard) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
                return;
            } catch (IOException | UncheckedIOException e) {
                // A dying process may still be writing into the profile: try again shortly.
                if (hard.remainingNanos() < TimeUnit.MILLISECONDS.toNanos(60)) break;
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (Files.exists(root)) System.err.println("browser check: could not delete " + root);
    }

    // ------------------------------------------------------------------------------------------------
    // The DevTools connection

    /**
     * A minimal Chrome DevTools Protocol client over one WebSocket: numbered commands answered through
     * futures, events handed to listeners in arrival order on the socket's thread.
     */
    static final class Cdp implements WebSocket.Listener {
        private final AtomicLong nextId = new AtomicLong(1);
        private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final Map<String, List<Consumer<JsonNode>>> handlers = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();
        private volatile WebSocket socket;
        private volatile Throwable closed;
        private final CompletableFuture<Void> closedSignal = new CompletableFuture<>();

        static Cdp connect(HttpClient http, URI uri, Deadline deadline) throws IOException, InterruptedException {
            Cdp cdp = new Cdp();
            try {
                cdp.socket = http.newWebSocketBuilder()
                        .connectTimeout(deadline.remainingAtMost(Duration.ofSeconds(5)))
                        .buildAsync(uri, cdp)
                        .get(deadline.remainingNanos() > 0 ? deadline.remainingNanos() : 1, TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new IOException("could not connect to Chromium at " + uri, e.getCause());
            } catch (TimeoutException e) {
                throw new IOException("timed out connecting to Chromium at " + uri);
            }
            return cdp;
        }

        /** Calls {@code handler} with the params of every {@code method} event from now on. */
        void on(String method, Consumer<JsonNode> handler) {
            handlers.computeIfAbsent(method, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(handler);
        }

        /** Sends a command and waits for its result, until the deadline. */
        JsonNode call(String method, JsonNode params, Deadline deadline) throws IOException, InterruptedException {
            long id = nextId.getAndIncrement();
            ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
            if (params != null) msg.set("params", params);
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.put(id, answer);
            try {
                if (closed != null) throw new IOException("DevTools connection is closed", closed);
                String text = JSON.writeValueAsString(msg);
                synchronized (this) {
                    socket.sendText(text, true)
                            .get(Math.max(1, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
                }
                return answer.get(Math.max(1, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new IOException("timed out waiting for Chromium to answer " + method);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) throw new IOException(method + ": " + io.getMessage(), io);
                throw new IOException(method + " failed", cause);
            } finally {
                pending.remove(id);
            }
        }

        void abort() {
            WebSocket s = socket;
            if (s != null) s.abort();
            fail(new IOException("DevTools connection closed by the check"));
        }

        /** Completes, exceptionally with the reason, when the connection closes or fails. */
        CompletableFuture<Void> closed() {
            return closedSignal;
        }

        private void fail(Throwable why) {
            if (closed == null) closed = why;
            closedSignal.completeExceptionally(why);
            for (CompletableFuture<JsonNode> f : pending.values()) f.completeExceptionally(why);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                dispatch(message);
            }
            webSocket.request(1);
            return null;
        }

        private void dispatch(String message) {
            JsonNode node;
            try {
                node = JSON.readTree(message);
            } catch (IOException e) {
                System.err.println("browser check: unreadable DevTools message: " + e.getMessage());
                return;
            }
            if (node.has("id")) {
                CompletableFuture<JsonNode> f = pending.get(node.get("id").asLong());
                if (f == null) return;
                if (node.has("error")) {
                    JsonNode err = node.get("error");
                    f.completeExceptionally(new IOException(err.path("message").asText("error")
                            + (err.has("data") ? " (" + err.get("data").asText() + ")" : "")
                            + " [code " + err.path("code").asInt() + "]"));
                } else {
                    f.complete(node.path("result"));
                }
            } else if (node.has("method")) {
                List<Consumer<JsonNode>> hs = handlers.get(node.get("method").asText());
                if (hs == null) return;
                JsonNode params = node.path("params");
                for (Consumer<JsonNode> h : hs) {
                    try {
                        h.accept(params);
                    } catch (RuntimeException e) {
                        System.err.println("browser check: handling " + node.get("method").asText() + ": " + e);
                    }
                }
            }
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            fail(new IOException("Chromium closed the DevTools connection (" + statusCode + " " + reason + ")"));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            fail(error);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Measuring in the page

    /** Runs in the page; returns {lang, charts: [...], toc: [...]} as plain JSON. */
    static final String MEASURE_JS = """
            (() => {
              const text = s => (s || '').replace(/\\s+/g, ' ').trim();
              const topLevel = svg => !(svg.parentElement && svg.parentElement.closest('svg'));
              const visible = el => {
                const r = el.getBoundingClientRect();
                if (!(r.width > 0 && r.height > 0)) return false;
                const own = getComputedStyle(el);
                if (own.visibility === 'hidden' || own.visibility === 'collapse') return false;
                for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
                  if (getComputedStyle(e).display === 'none') return false;
                }
                return true;
              };
              const byIds = ids => text((ids || '').split(/\\s+/).filter(Boolean)
                  .map(id => document.getElementById(id)).filter(Boolean)
                  .map(e => e.textContent).join(' '));
              const name = svg => {
                let n = byIds(svg.getAttribute('aria-labelledby'));
                if (n) return n;
                n = text(svg.getAttribute('aria-label'));
                if (n) return n;
                const title = Array.from(svg.children).find(c => c.localName === 'title');
                n = text(title && title.textContent);
                if (n) return n;
                const fig = svg.closest('figure');
                const cap = fig && Array.from(fig.children).find(c => c.localName === 'figcaption');
                return text(cap && cap.textContent);
              };
              const declaredWidth = svg => {
                const w = parseFloat(svg.getAttribute('width'));
                if (w > 0) return w;
                const vb = svg.viewBox && svg.viewBox.baseVal;
                return vb ? vb.width : 0;
              };
              let svgs = Array.from(document.querySelectorAll('.chart svg, svg.chart')).filter(topLevel);
              if (svgs.length === 0) {
                svgs = Array.from(document.querySelectorAll('svg')).filter(topLevel)
                    .filter(s => s.getBoundingClientRect().width >= 100 || declaredWidth(s) >= 100);
              }
              const charts = svgs.map((svg, index) => {
                const r = svg.getBoundingClientRect();
                const holder = svg.closest('.chart, figure');
                return {
                  index,
                  id: svg.id || (holder && holder.id) || '',
                  width: r.width,
                  height: r.height,
                  visible: visible(svg),
                  name: name(svg)
                };
              });
              const toc = Array.from(document.querySelectorAll('nav a[href^="#"], .toc a[href^="#"]')).map(a => {
                const href = a.getAttribute('href');
                let id = href.slice(1);
                try { id = decodeURIComponent(id); } catch (e) { /* keep it as written */ }
                return { href, resolves: id.length > 0 && document.getElementById(id) !== null };
              });
              return { lang: text(document.documentElement.lang), charts, toc };
            })()
            """;

    // ------------------------------------------------------------------------------------------------
    // Command line

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static final String USAGE = "usage: BrowserCheck report.html [--screenshot out.png] [--min-charts N]"
            + " [--min-toc N] [--timeout SECONDS]";

    /** The command line, minus the exit: 0 all checks pass, 1 a check failed, 2 the check could not run. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Path report = null;
        Path screenshot = null;
        int minCharts = 0;
        int minToc = 0;
        Duration timeout = Duration.ofSeconds(60);
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--screenshot" -> screenshot = Path.of(value(args, ++i, a));
                    case "--min-charts" -> minCharts = nonNegative(value(args, ++i, a), a);
                    case "--min-toc" -> minToc = nonNegative(value(args, ++i, a), a);
                    case "--timeout" -> timeout = Duration.ofSeconds(Math.max(1, nonNegative(value(args, ++i, a), a)));
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> {
                        if (a.startsWith("-") || report != null) throw new IllegalArgumentException("unexpected argument: " + a);
                        report = Path.of(a);
                    }
                }
            }
            if (report == null) throw new IllegalArgumentException("no report given");
        } catch (IllegalArgumentException e) {
            err.println("BrowserCheck: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (findChromium().isEmpty()) {
            err.println("BrowserCheck: Chromium not found; run .ci/install-chromium or set $CHROMIUM");
            return 2;
        }
        Result result;
        long t0 = System.nanoTime();
        try {
            result = check(report, screenshot, timeout);
        } catch (IOException e) {
            err.println("BrowserCheck: " + report + ": " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("BrowserCheck: interrupted");
            return 2;
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        out.println("Browser check of " + report + " (" + ms + " ms)");
        out.print(result.summary());
        if (screenshot != null) out.println("screenshot: " + screenshot);
        List<String> problems = result.problems(minCharts, minToc);
        for (String p : problems) out.println("FAIL: " + p);
        out.println(problems.isEmpty() ? "PASS" : "FAILED: " + problems.size() + " problem(s)");
        return problems.isEmpty() ? 0 : 1;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    private static int nonNegative(String s, String option) {
        try {
            int n = Integer.parseInt(s);
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number >= 0, got " + s);
        }
    }
}
