package savescope.notebook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import savescope.UserError;

/**
 * A percent-format cell marker in full, as Jupytext writes it: {@code // %% Title [markdown] tags=["a"] key=JSON}.
 * The title and every {@code key=value} pair (the value in JSON) are cell metadata that survive a trip to .ipynb.
 *
 * @param markdown whether the cell is markdown
 * @param title the text before the type, or empty
 * @param metadata the {@code key=JSON} pairs in order, tags included
 */
public record PercentMarker(boolean markdown, String title, ObjectNode metadata) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();
    private static final Pattern MARKER = Pattern.compile("^//\\s*%%(?!%)(.*)$");
    private static final Pattern TYPE = Pattern.compile("\\[(\\w+)\\]");
    private static final Pattern KEY = Pattern.compile("(?:^|\\s)([A-Za-z_][\\w.-]*)=");

    /** Whether the line starts a cell. */
    public static boolean isMarker(String line) {
        return MARKER.matcher(line).matches();
    }

    /**
     * Reads a marker line.
     *
     * @throws UserError naming {@code where} when the type is unknown or a value is not JSON
     */
    public static PercentMarker parse(String line, String where) {
        Matcher m = MARKER.matcher(line);
        if (!m.matches()) {
            throw new UserError(where + ": not a cell marker: " + line);
        }
        String rest = m.group(1);
        Matcher key = KEY.matcher(rest);
        int metaStart = key.find() ? key.start() : rest.length();
        String head = rest.substring(0, metaStart);
        boolean markdown = false;
        Matcher type = TYPE.matcher(head);
        String title = head.strip();
        if (type.find()) {
            String t = type.group(1);
            if (!t.equals("markdown") && !t.equals("md")) {
                throw new UserError(where + ": cell marker \"[" + t + "]\": expected [markdown] "
                        + "(or no brackets for a code cell)");
            }
            markdown = true;
            title = (head.substring(0, type.start()) + head.substring(type.end())).strip();
        }
        return new PercentMarker(markdown, title, metadata(rest.substring(metaStart), where));
    }

    private static ObjectNode metadata(String text, String where) {
        ObjectNode out = JSON.createObjectNode();
        int pos = 0;
        while (pos < text.length()) {
            Matcher key = KEY.matcher(text);
            if (!key.find(pos)) {
                if (!text.substring(pos).isBlank()) {
                    throw new UserError(where + ": cell marker: expected key=value metadata, found \""
                            + text.substring(pos).strip() + "\"");
                }
                break;
            }
            if (!text.substring(pos, key.start()).isBlank()) {
                throw new UserError(where + ": cell marker: expected key=value metadata, found \""
                        + text.substring(pos, key.start()).strip() + "\"");
            }
            int valueStart = key.end();
            try (JsonParser p = FACTORY.createParser(text.substring(valueStart))) {
                JsonNode value = JSON.readTree(p);
                if (value == null) {
                    throw new UserError(where + ": cell marker: " + key.group(1) + "= has no value");
                }
                out.set(key.group(1), value);
                pos = valueStart + (int) p.currentLocation().getCharOffset();
            } catch (JsonProcessingException e) {
                throw new UserError(where + ": cell marker: the value of " + key.group(1)
                        + " is not JSON (" + e.getOriginalMessage() + ")");
            } catch (IOException e) {
                throw new UserError(where + ": cell marker: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** The marker line: tags written as the percent writer always has, other values as compact JSON. */
    public String line() {
        StringBuilder b = new StringBuilder("// %%");
        if (!title.isEmpty()) {
            b.append(' ').append(title);
        }
        if (markdown) {
            b.append(" [markdown]");
        }
        for (Map.Entry<String, JsonNode> f : metadata.properties()) {
            b.append(' ').append(f.getKey()).append('=');
            if (f.getKey().equals("tags") && f.getValue().isArray()) {
                b.append('[');
                for (int i = 0; i < f.getValue().size(); i++) {
                    b.append(i > 0 ? ", " : "").append(f.getValue().get(i).toString());
                }
                b.append(']');
            } else {
                b.append(f.getValue().toString());
            }
        }
        return b.toString();
    }
}
