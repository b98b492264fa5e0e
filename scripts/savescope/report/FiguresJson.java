package savescope.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a section's figures into the {@code --json} document's top-level entries with Jackson: record components
 * in declaration order, names in snake case (a component's {@code @JsonProperty} overrides), NaN and infinities as
 * null (JSON has neither).
 */
public final class FiguresJson {
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
    static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new SimpleModule("savescope-figures")
                    .addSerializer(Double.class, new FiniteOrNull())
                    .addSerializer(double.class, new FiniteOrNull()));

    private FiguresJson() {}

    /** The figures' JSON entries, in order, as plain maps, lists, strings, numbers and booleans. */
    public static Map<String, Object> toMap(Record figures) {
        return MAPPER.convertValue(figures, MAP);
    }

    /** A double as its JSON number, or null when it is NaN or infinite. */
    private static final class FiniteOrNull extends StdSerializer<Double> {
        FiniteOrNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value == null || value.isNaN() || value.isInfinite()) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }
}
