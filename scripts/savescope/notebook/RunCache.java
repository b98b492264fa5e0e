package savescope.notebook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The key under which a notebook run's outputs are reused: a SHA-256 over everything that decides them. That is
 * the notebook's text, the parameters in effect (the parameters cell's defaults, overridden by the given values),
 * the contents of every file or folder a parameter value names, the options that change the page, and SaveScope
 * itself (its version and the bytes of its compiled code). A file's time stamp is not in it: touching a data file
 * without changing it keeps the outputs, changing a byte of it runs the notebook again.
 */
public final class RunCache {
    /** The name under which the key is kept in the executed .ipynb's {@code savescope} metadata. */
    public static final String METADATA_KEY = "cache_key";

    private RunCache() {}

    /**
     * The key, as 64 hex digits.
     *
     * @param notebookText the notebook file as read
     * @param parameters the parameters cell's source, or empty when there is none
     * @param given the values given on the command line
     * @param options the run's options that change its outputs, as text
     * @param extraFiles more files the run reads (jars from %jars, a template folder)
     * @param version SaveScope's version
     */
    public static String key(String notebookText, String parameters, Map<String, String> given, List<String> options,
            List<Path> extraFiles, String version) {
        MessageDigest d = sha256();
        field(d, "savescope", version + " " + codeDigest());
        field(d, "notebook", notebookText);
        Map<String, String> effective = new TreeMap<>();
        Parameters.declared(parameters).forEach((name, p) -> effective.put(name, literal(p.defaultSource())));
        effective.putAll(given);
        for (Map.Entry<String, String> e : effective.entrySet()) {
            field(d, "parameter " + e.getKey(), e.getValue());
            Path named = existing(e.getValue());
            if (named != null) {
                field(d, "contents of " + e.getKey(), contentDigest(named));
            }
        }
        options.forEach(o -> field(d, "option", o));
        for (Path p : extraFiles) {
            field(d, "file " + p, Files.exists(p) ? contentDigest(p) : "missing");
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** The first twelve hex digits, as the one-line notices show them. */
    public static String shortDigest(String key) {
        return key.substring(0, Math.min(12, key.length()));
    }

    /** A default as its value: the text of a string literal, anything else as written. */
    static String literal(String source) {
        String s = source.strip();
        if (s.startsWith("Path.of(") && s.endsWith(")")) {
            s = s.substring(8, s.length() - 1).strip();
        }
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return s;
    }

    /** The path a value names when it is one that exists here, else null. */
    private static Path existing(String value) {
        if (value.isBlank() || value.length() > 4096) {
            return null;
        }
        try {
            Path p = Path.of(value);
            return Files.exists(p) ? p : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /**
     * A digest of a file's bytes, or of a folder's files (their relative names and bytes, in name order); anything
     * unreadable counts by its name and the reason, so it cannot be mistaken for unchanged content.
     */
    static String contentDigest(Path path) {
        MessageDigest d = sha256();
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    field(d, "name", path.relativize(f).toString().replace('\\', '/'));
                    field(d, "bytes", fileDigest(f));
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                field(d, "unreadable", e.getMessage() == null ? "" : e.getMessage());
            }
        } else {
            field(d, "bytes", fileDigest(path));
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static String fileDigest(Path f) {
        MessageDigest d = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), d)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            return "unreadable " + e.getMessage();
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** The bytes of SaveScope's compiled code (the jar JBang built), so a changed library is a changed run. */
    private static String codeDigest() {
        try {
            java.security.CodeSource source = RunCache.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return "unknown";
            }
            Path code = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(code) ? fileDigest(code) : "classes";
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return "unknown";
        }
    }

    private static void field(MessageDigest d, String name, String value) {
        // Length-prefixed, so no two different lists of fields give the same bytes.
        for (String s : new String[] {name, value}) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            d.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
            d.update(b);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
