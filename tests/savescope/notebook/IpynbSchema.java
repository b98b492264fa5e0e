package savescope.notebook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The nbformat 4.5 JSON schema (tests/fixtures/notebooks), loaded once, and a check against it. */
final class IpynbSchema {
    private static final JsonSchema SCHEMA = load();

    private IpynbSchema() {}

    private static JsonSchema load() {
        try (InputStream in = Files.newInputStream(Path.of("tests/fixtures/notebooks/nbformat.v4.5.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema violations of a notebook's JSON text, empty when it is valid. */
    static List<String> violations(String json) {
        try {
            return SCHEMA.validate(new ObjectMapper().readTree(json)).stream().map(ValidationMessage::getMessage)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
