package savescope.cli;

import savescope.UserError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import savescope.FileProblems;
import savescope.load.Loader;
import savescope.render.AtomicFiles;
import savescope.render.Brand;
import savescope.render.HtmlReport;
import savescope.render.ReportIndex;
import savescope.report.Portfolio;

/**
 * {@code report --each}: one report per account folder and a portfolio page comparing them. An account whose
 * inputs (by content), options and SaveScope version are those of the last run keeps its report.
 */
final class EachAccount {
    /** Beside the reports: each account's digest and numbers from the last run. */
    static final String STATE = ".savescope-each.json";
    static final String PORTFOLIO = "portfolio.html";
    /** Options that decide nothing in a report, or that {@code --each} sets itself per account. */
    private static final Set<String> NOT_PASSED = Set.of("--each", "--output", "--verbose", "--timings", "--open",
            "--no-index", "--force");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EachAccount() {}

    /**
     * An account: its name, the name of its report's files (without extension) and the input its report reads.
     */
    record Account(String name, String file, Path input) {}

    /**
     * Names of pages the run writes beside the accounts' reports (the index is already kept from accounts by
     * {@link ReportCommand#reportName}): an account so named gets another file name.
     */
    private static final Set<String> RESERVED = Set.of(PORTFOLIO.replace(".html", ""));

    /**
     * The accounts of {@code inputs}: a single folder holding only folders is a folder of accounts; otherwise
     * each input (a folder or a file) is one account.
     */
    static List<Account> accounts(List<Path> inputs) {
        List<Path> each = inputs;
        if (inputs.size() == 1 && Files.isDirectory(inputs.get(0))) {
            try (Stream<Path> list = Files.list(inputs.get(0))) {
                List<Path> entries = list.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
                if (!entries.isEmpty() && entries.stream().allMatch(Files::isDirectory)) {
                    each = entries;
                }
            } catch (IOException e) {
                throw new UserError(inputs.get(0) + ": could not list the folder (" + FileProblems.reason(e)
                        + ").", e);
            }
        }
        List<Account> accounts = new ArrayList<>();
        Map<String, Path> seen = new LinkedHashMap<>();
        for (Path p : each) {
            if (!Files.exists(p)) {
                throw new UserError(p + ": no such file or folder.");
            }
            String name = ReportCommand.defaultName(List.of(p));
            Path before = seen.put(name, p);
            if (before != null) {
                throw new UserError("--each: " + before + " and " + p + " would both be reported as " + name
                        + ".html; give account folders distinct names.");
            }
        }
        Set<String> taken = new java.util.HashSet<>(RESERVED);
        taken.addAll(seen.keySet());
        for (Map.Entry<String, Path> e : seen.entrySet()) {
            accounts.add(new Account(e.getKey(), fileName(e.getKey(), taken), e.getValue()));
        }
        return accounts;
    }

    /**
     * {@code name}, or when a page of the run takes it, the name followed by "-report" (and a number if another
     * account takes that too); the name chosen is added to {@code taken}, which holds every account's name.
     */
    private static String fileName(String name, Set<String> taken) {
        if (!RESERVED.contains(name)) {
            return name;
        }
        String file = name + "-report";
        for (int n = 2; taken.contains(file); n++) {
            file = name + "-report-" + n;
        }
        taken.add(file);
        return file;
    }

    /** The options of this run as arguments for each account's report, in the order given. */
    static List<String> passedOptions(CommandLine.ParseResult parsed) {
        List<String> args = new ArrayList<>();
        for (OptionSpec o : parsed.matchedOptions()) {
            if (NOT_PASSED.contains(o.longestName())) {
                continue;
            }
            if (o.arity().max() == 0) {
                args.add(o.longestName());
                continue;
            }
            for (String v : o.originalStringValues()) {
                args.add(o.longestName() + "=" + v);
            }
        }
        return args;
    }

    /**
     * Writes the reports and the portfolio into {@code dir}; returns the exit code (the worst of the accounts').
     *
     * @param version SaveScope's version, part of every digest
     */
    static int run(List<Path> inputs, Path dir, List<String> options, String version, Brand brand, Path templateDir,
            boolean index, Instant now, PrintWriter out, PrintWriter err) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserError("--each -o " + dir + ": expected a folder for the reports, found "
                    + FileProblems.whatIsAt(dir) + ".");
        }
        List<Account> accounts = accounts(inputs);
        Files.createDirectories(dir);
        ObjectNode previous = readState(dir.resolve(STATE));
        ObjectNode state = MAPPER.createObjectNode();
        state.put("version", version);
        ObjectNode saved = state.putObject("accounts");
        List<Portfolio.Account> rows = new ArrayList<>();
        int worst = 0;
        for (Account a : accounts) {
            String digest = digest(a.input(), options, version);
            Path report = dir.resolve(a.file() + ".html");
            JsonNode before = previous.path("accounts").path(a.name());
            // A PDF asked for must be there too (--pdf is among the options, so it is part of the digest).
            boolean pdfThere = !options.contains("--pdf") || Files.isRegularFile(dir.resolve(a.file() + ".pdf"));
            if (digest.equals(before.path("digest").asText()) && Files.isRegularFile(report) && pdfThere) {
                err.println("skipped " + a.name() + ": inputs, options and " + version + " unchanged ("
                        + digest.substring(0, 12) + "); " + report + " kept.");
                saved.set(a.name(), before);
                rows.add(row(a, before.path("numbers"), "unchanged"));
                continue;
            }
            List<String> args = new ArrayList<>(List.of(a.input().toString(), "--output=" + report, "--no-index"));
            args.addAll(options);
            ReportCommand child = new ReportCommand();
            CommandLine cl = Cli.commandLine(child);
            cl.setOut(out);
            cl.setErr(err);
            int code = cl.execute(args.toArray(String[]::new));
            if (code != 0 || child.numbers == null) {
                worst = Math.max(worst, code == 0 ? 1 : code);
                rows.add(new Portfolio.Account(a.name(), report.getFileName().toString(), 0, null, null, null, null,
                        null, "failed: exit code " + code, null, null, null));
                continue;
            }
            ObjectNode entry = saved.putObject(a.name());
            entry.put("digest", digest);
            entry.put("report", report.getFileName().toString());
            entry.set("numbers", numbers(child.numbers));
            rows.add(row(a, entry.path("numbers"), "written"));
        }
        HtmlReport renderer = new HtmlReport(templateDir);
        String title = brand.name() != null ? brand.name() + ": portfolio" : "Portfolio: " + rows.size() + " accounts";
        Path portfolio = dir.resolve(PORTFOLIO);
        try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
            batch.write(portfolio, renderer.render(Portfolio.notebook(rows, title, now), brand));
            batch.writeJson(dir.resolve(STATE), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(state) + "\n");
            batch.commit();
        } catch (HtmlReport.TemplateProblem e) {
            throw new UserError(e.getMessage(), e);
        } catch (IOException e) {
            throw OutputPlan.writeFailure(e);
        }
        if (index) {
            ReportIndex.rebuild(dir, renderer, now);
        }
        out.println(portfolio);
        out.flush();
        err.flush();
        return worst;
    }

    private static Portfolio.Account row(Account a, JsonNode n, String status) {
        return new Portfolio.Account(a.name(), a.file() + ".html", n.path("videos").asLong(), longOrNull(n, "views"),
                longOrNull(n, "saves"), doubleOrNull(n, "median_rate"), doubleOrNull(n, "median_ci_low"),
                doubleOrNull(n, "median_ci_high"), status, doubleOrNull(n, "rate_change"),
                doubleOrNull(n, "rate_change_low"), doubleOrNull(n, "rate_change_high"));
    }

    /** The numbers the portfolio needs from a report's JSON document, kept so an unchanged account need not be read. */
    private static ObjectNode numbers(Map<String, Object> json) {
        JsonNode doc = MAPPER.valueToTree(json);
        ObjectNode n = MAPPER.createObjectNode();
        copy(n, "videos", doc.path("totals").path("videos"));
        copy(n, "views", doc.path("totals").path("views"));
        copy(n, "saves", doc.path("totals").path("saves"));
        copy(n, "median_rate", doc.path("save_rate").path("median_per_video"));
        copy(n, "median_ci_low", doc.path("save_rate").path("median_ci_low"));
        copy(n, "median_ci_high", doc.path("save_rate").path("median_ci_high"));
        JsonNode change = doc.path("period_comparison").path("save_rate_change");
        copy(n, "rate_change", change.path("difference"));
        copy(n, "rate_change_low", change.path("ci_low"));
        copy(n, "rate_change_high", change.path("ci_high"));
        return n;
    }

    /** Puts {@code value} under {@code key}, a null for a value the report did not write. */
    private static void copy(ObjectNode n, String key, JsonNode value) {
        if (value.isMissingNode()) {
            n.putNull(key);
        } else {
            n.set(key, value);
        }
    }

    private static Long longOrNull(JsonNode n, String key) {
        return n.path(key).isNumber() ? n.path(key).asLong() : null;
    }

    private static Double doubleOrNull(JsonNode n, String key) {
        return n.path(key).isNumber() ? n.path(key).asDouble() : null;
    }

    private static ObjectNode readState(Path file) {
        try {
            JsonNode n = Files.isRegularFile(file) ? MAPPER.readTree(file.toFile()) : null;
            return n instanceof ObjectNode o ? o : MAPPER.createObjectNode();
        } catch (IOException e) {
            // A state that cannot be read only means every account is made again.
            return MAPPER.createObjectNode();
        }
    }

    /**
     * SHA-256 over SaveScope's version, the options, and the content of every export of the account (and of every
     * file an option names, such as a logo or a template folder), each with its path below the account.
     */
    static String digest(Path input, List<String> options, String version) throws IOException {
        MessageDigest md = sha256();
        md.update(("savescope " + version + "\n").getBytes(StandardCharsets.UTF_8));
        for (String o : options) {
            md.update(("option " + o + "\n").getBytes(StandardCharsets.UTF_8));
            int eq = o.indexOf('=');
            Path named = eq > 0 ? pathOrNull(o.substring(eq + 1)) : null;
            if (named != null && Files.exists(named)) {
                addContents(md, named, false);
            }
        }
        addContents(md, input, true);
        return HexFormat.of().formatHex(md.digest());
    }

    private static void addContents(MessageDigest md, Path root, boolean exportsOnly) throws IOException {
        List<Path> files;
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).filter(p -> !exportsOnly || Loader.isDataFile(p)).sorted()
                        .toList();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        } else {
            files = List.of(root);
        }
        for (Path f : files) {
            String below = Files.isDirectory(root) ? root.relativize(f).toString().replace('\\', '/') : f.getFileName()
                    .toString();
            md.update(("file " + below + " " + contentSha(f) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String contentSha(Path f) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static Path pathOrNull(String s) {
        try {
            return s.isEmpty() ? null : Path.of(s);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
