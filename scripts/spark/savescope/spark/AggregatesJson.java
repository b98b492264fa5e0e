package savescope.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The aggregates file: {@link Aggregates} as JSON, written by a Spark job (locally or on a cluster) and read
 * back where the report is rendered. Numbers that cannot be computed are written {@code "NaN"}.
 */
public final class AggregatesJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AggregatesJson() {}

    public static String write(Aggregates a) {
        try {
            return MAPPER.writeValueAsString(a);
        } catch (IOException e) {
            throw new IllegalStateException("could not write the aggregates as JSON", e);
        }
    }

    public static Aggregates read(String json) throws IOException {
        return MAPPER.readValue(json, Aggregates.class);
    }

    /** Writes the file beside its target and moves it into place, so a failed run leaves no half file. */
    public static void write(Aggregates a, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".aggregates-", ".json");
        try {
            Files.writeString(tmp, write(a), StandardCharsets.UTF_8);
            // The temporary file is private; the aggregates get the permissions of the file they replace, else
            // those of a new file in the folder (umask, default ACL), as a report does.
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, Files.exists(file) ? Files.getPosixFilePermissions(file)
                        : savescope.NewFileMode.in(parent));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static Aggregates read(Path file) throws IOException {
        return read(Files.readString(file, StandardCharsets.UTF_8));
    }
}
