package savescope.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import savescope.metrics.PeriodComparison;
import savescope.report.sections.OverviewSection;

/**
 * Writes records, and everything they hold, as JSON that reads back into equal values, led by the declared types:
 * every component by its Java name (those the {@code --json} leaves out too), doubles to the last bit with NaN and
 * the infinities as strings, a sealed type as a one-key object naming the case, and a value declared only as
 * {@code Object} as a one-key object naming its type ({@code {"long": 3}}); strings, booleans and nulls are plain.
 */
final class FiguresCodec {

    /** Where a file's value is not what the types expect: the field, what was expected and what was found. */
    static final class Mismatch extends RuntimeException {
        private final String field;
        private final transient JsonLocation where;

        Mismatch(String field, JsonLocation where, String message) {
            super(message);
            this.field = field;
            this.where = where;
        }

        Mismatch(FieldPath field, JsonLocation where, String message) {
            this(field.toString(), where, message);
        }

        String field() {
            return field;
        }

        JsonLocation where() {
            return where;
        }
    }

    private FiguresCodec() {}

    /**
     * A value's place in the file ({@code sections.overview.totals.views}, {@code load.sources[0]}), spelled out only
     * for a message: a large file has a place for every number.
     */
    private record FieldPath(FieldPath parent, String name, int index) {
        static FieldPath of(String name) {
            return new FieldPath(null, name, -1);
        }

        FieldPath field(String child) {
            return new FieldPath(this, child, -1);
        }

        FieldPath element(int i) {
            return new FieldPath(this, null, i);
        }

        @Override
        public String toString() {
            String before = parent == null ? "" : parent.toString();
            return name == null ? before + "[" + index + "]" : before.isEmpty() ? name : before + "." + name;
        }
    }

    // ---- Writing ----

    /** Writes {@code value} as a value of {@code type}; {@code field} names it should a type not be storable. */
    static void write(JsonGenerator g, Type type, Object value, String field) throws IOException {
        write(g, type, value, FieldPath.of(field));
    }

    private static void write(JsonGenerator g, Type type, Object value, FieldPath field) throws IOException {
        if (value == null) {
            g.writeNull();
            return;
        }
        if (type instanceof WildcardType w) {
            write(g, w.getUpperBounds()[0], value, field);
        } else if (type instanceof ParameterizedType p && Collection.class.isAssignableFrom(raw(p))) {
            g.writeStartArray();
            int i = 0;
            for (Object element : (Collection<?>) value) {
                write(g, p.getActualTypeArguments()[0], element, field.element(i++));
            }
            g.writeEndArray();
        } else if (type instanceof ParameterizedType p && raw(p) == Map.class) {
            Type keys = p.getActualTypeArguments()[0];
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                g.writeFieldName(key(keys, e.getKey(), field));
                write(g, p.getActualTypeArguments()[1], e.getValue(), field.field(String.valueOf(e.getKey())));
            }
            g.writeEndObject();
        } else if (type instanceof Class<?> c) {
            writeOfClass(g, c, value, field);
        } else {
            throw unstorable(type, field);
        }
    }

    private static void writeOfClass(JsonGenerator g, Class<?> c, Object value, FieldPath field) throws IOException {
        if (c == Object.class) {
            writeTagged(g, value, field);
        } else if (c.isRecord()) {
            RecordShape shape = SHAPES.get(c);
            g.writeStartObject();
            for (int i = 0; i < shape.components.length; i++) {
                RecordComponent rc = shape.components[i];
                g.writeFieldName(rc.getName());
                write(g, rc.getGenericType(), shape.component(i, value), field.field(rc.getName()));
            }
            g.writeEndObject();
        } else if (c.isArray()) {
            g.writeStartArray();
            for (int i = 0; i < Array.getLength(value); i++) {
                write(g, c.getComponentType(), Array.get(value, i), field.element(i));
            }
            g.writeEndArray();
        } else if (c.isSealed()) {
            g.writeStartObject();
            g.writeFieldName(value.getClass().getSimpleName());
            write(g, value.getClass(), value, field.field(value.getClass().getSimpleName()));
            g.writeEndObject();
        } else {
            writeScalar(g, c, value, field);
        }
    }

    private static void writeScalar(JsonGenerator g, Class<?> c, Object value, FieldPath field) throws IOException {
        Class<?> b = boxed(c);
        if (b == String.class) {
            g.writeString((String) value);
        } else if (b == Boolean.class) {
            g.writeBoolean((Boolean) value);
        } else if (b == Integer.class || b == Long.class) {
            g.writeNumber(((Number) value).longValue());
        } else if (b == Double.class) {
            writeDouble(g, (Double) value);
        } else if (c.isEnum()) {
            g.writeString(((Enum<?>) value).name());
        } else if (TEXT_TYPES.contains(c)) {
            g.writeString(value.toString());
        } else {
            throw unstorable(c, field);
        }
    }

    /** A finite double as the shortest text that parses back to it; NaN and the infinities as strings. */
    private static void writeDouble(JsonGenerator g, double d) throws IOException {
        if (Double.isFinite(d)) {
            g.writeNumber(Double.toString(d));
        } else {
            g.writeString(Double.toString(d));
        }
    }

    /** A value declared as {@code Object}: strings, booleans and null as they are, anything else tagged. */
    private static void writeTagged(JsonGenerator g, Object value, FieldPath field) throws IOException {
        if (value instanceof String || value instanceof Boolean) {
            writeScalar(g, value.getClass(), value, field);
            return;
        }
        Tag tag = Tag.of(value, field);
        g.writeStartObject();
        g.writeFieldName(tag.name);
        write(g, tag.type, value, field.field(tag.name));
        g.writeEndObject();
    }

    private static String key(Type keys, Object key, FieldPath field) {
        if (keys == String.class) {
            return (String) key;
        }
        if (keys instanceof Class<?> c && (boxed(c) == Integer.class || boxed(c) == Long.class || c.isEnum()
                || TEXT_TYPES.contains(c))) {
            return key instanceof Enum<?> e ? e.name() : key.toString();
        }
        throw unstorable(keys, field + " (a map key)");
    }

    // ---- Reading ----

    /**
     * Reads a value of {@code type} from {@code p}, whose current token is the value's first; leaves the parser on
     * its last.
     *
     * @throws Mismatch when the file holds something else, naming {@code field}
     */
    static Object read(JsonParser p, Type type, String field) throws IOException {
        return read(p, type, FieldPath.of(field));
    }

    private static Object read(JsonParser p, Type type, FieldPath field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL && !(type instanceof Class<?> c && c.isPrimitive())) {
            return null;
        }
        if (type instanceof WildcardType w) {
            return read(p, w.getUpperBounds()[0], field);
        }
        if (type instanceof ParameterizedType pt && Collection.class.isAssignableFrom(raw(pt))) {
            List<Object> list = readList(p, pt.getActualTypeArguments()[0], field);
            return Set.class.isAssignableFrom(raw(pt)) ? Collections.unmodifiableSet(new LinkedHashSet<>(list))
                    : Collections.unmodifiableList(list);
        }
        if (type instanceof ParameterizedType pt && raw(pt) == Map.class) {
            return readMap(p, pt.getActualTypeArguments()[0], pt.getActualTypeArguments()[1], field);
        }
        if (type instanceof Class<?> c) {
            return readOfClass(p, c, field);
        }
        throw unstorable(type, field);
    }

    private static Object readOfClass(JsonParser p, Class<?> c, FieldPath field) throws IOException {
        if (c == Object.class) {
            return readTagged(p, field);
        }
        if (c.isRecord()) {
            return readRecord(p, c, field);
        }
        if (c.isArray()) {
            List<Object> elements = readList(p, c.getComponentType(), field);
            Object array = Array.newInstance(c.getComponentType(), elements.size());
            for (int i = 0; i < elements.size(); i++) {
                Array.set(array, i, elements.get(i));
            }
            return array;
        }
        if (c.isSealed()) {
            return readSealed(p, c, field);
        }
        return readScalar(p, c, field);
    }

    private static List<Object> readList(JsonParser p, Type elements, FieldPath field) throws IOException {
        expect(p, JsonToken.START_ARRAY, field, "a list");
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            list.add(read(p, elements, field.element(list.size())));
        }
        return list;
    }

    private static Map<Object, Object> readMap(JsonParser p, Type keys, Type values, FieldPath field) throws IOException {
        expect(p, JsonToken.START_OBJECT, field, "an object");
        Map<Object, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            Object key = parseKey(keys, name, field, p);
            if (map.containsKey(key)) {
                throw new Mismatch(field.field(name), p.currentTokenLocation(), "given twice");
            }
            p.nextToken();
            map.put(key, read(p, values, field.field(name)));
        }
        return Collections.unmodifiableMap(map);
    }

    private static Object readRecord(JsonParser p, Class<?> c, FieldPath field) throws IOException {
        expect(p, JsonToken.START_OBJECT, field, "an object");
        JsonLocation start = p.currentTokenLocation();
        RecordShape shape = SHAPES.get(c);
        RecordComponent[] components = shape.components;
        Object[] values = new Object[components.length];
        boolean[] seen = new boolean[components.length];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            int i = shape.indexes.getOrDefault(p.currentName(), -1);
            FieldPath name = field.field(p.currentName());
            if (i < 0) {
                throw new Mismatch(name, p.currentTokenLocation(), "not a field here; expected " + names(components));
            }
            if (seen[i]) {
                throw new Mismatch(name, p.currentTokenLocation(), "given twice");
            }
            p.nextToken();
            JsonLocation at = p.currentTokenLocation();
            values[i] = read(p, components[i].getGenericType(), name);
            Bounds.check(c, components[i], values[i], name, at);
            seen[i] = true;
        }
        for (int i = 0; i < components.length; i++) {
            if (!seen[i]) {
                throw new Mismatch(field.field(components[i].getName()), start, "missing; expected "
                        + names(components));
            }
        }
        return shape.construct(values, field, start);
    }

    private static Object readSealed(JsonParser p, Class<?> c, FieldPath field) throws IOException {
        expect(p, JsonToken.START_OBJECT, field, "an object naming one of " + cases(c));
        if (p.nextToken() != JsonToken.FIELD_NAME) {
            throw new Mismatch(field, p.currentTokenLocation(), "expected one of " + cases(c) + ", found nothing");
        }
        String name = p.currentName();
        for (Class<?> s : c.getPermittedSubclasses()) {
            if (s.getSimpleName().equals(name)) {
                p.nextToken();
                Object value = read(p, s, field.field(name));
                endOfTag(p, field);
                return value;
            }
        }
        throw new Mismatch(field, p.currentTokenLocation(), "expected one of " + cases(c) + ", found \"" + name + "\"");
    }

    private static Object readTagged(JsonParser p, FieldPath field) throws IOException {
        switch (p.currentToken()) {
            case VALUE_STRING:
                return p.getText();
            case VALUE_TRUE:
            case VALUE_FALSE:
                return p.getBooleanValue();
            case START_OBJECT:
                break;
            default:
                throw new Mismatch(field, p.currentTokenLocation(), "expected a text, true, false, null or an object "
                        + "naming the value's type (" + Tag.NAMES + "), found " + found(p));
        }
        p.nextToken();
        Tag tag = p.currentToken() == JsonToken.FIELD_NAME ? Tag.named(p.currentName()) : null;
        if (tag == null) {
            throw new Mismatch(field, p.currentTokenLocation(), "expected one of " + Tag.NAMES + ", found "
                    + (p.currentToken() == JsonToken.FIELD_NAME ? "\"" + p.currentName() + "\"" : "nothing"));
        }
        p.nextToken();
        Object value = read(p, tag.type, field.field(tag.name));
        endOfTag(p, field);
        return value;
    }

    private static void endOfTag(JsonParser p, FieldPath field) throws IOException {
        if (p.nextToken() != JsonToken.END_OBJECT) {
            throw new Mismatch(field, p.currentTokenLocation(), "expected one key only, found another");
        }
    }

    private static Object readScalar(JsonParser p, Class<?> c, FieldPath field) throws IOException {
        Class<?> b = boxed(c);
        JsonToken t = p.currentToken();
        if (b == String.class && t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (b == Boolean.class && (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE)) {
            return p.getBooleanValue();
        }
        if (b == Integer.class && t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return p.getIntValue();
        }
        if (b == Long.class && t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        if (b == Double.class) {
            return readDouble(p, field);
        }
        if ((c.isEnum() || TEXT_TYPES.contains(c)) && t == JsonToken.VALUE_STRING) {
            return parseText(c, p.getText(), field, p);
        }
        throw new Mismatch(field, p.currentTokenLocation(), "expected " + what(c) + ", found " + found(p));
    }

    private static double readDouble(JsonParser p, FieldPath field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_FLOAT && p.isNaN()) {
            // The reader lets a bare NaN through only to name the field here: the file writes it as a string.
            throw new Mismatch(field, p.currentTokenLocation(), "expected a number, found " + p.getText() + " (write \""
                    + p.getText() + "\" as a string)");
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            return Double.parseDouble(p.getText());
        }
        if (t == JsonToken.VALUE_STRING && NON_FINITE.contains(p.getText())) {
            return Double.parseDouble(p.getText());
        }
        throw new Mismatch(field, p.currentTokenLocation(), "expected " + what(double.class) + ", found " + found(p));
    }

    /**
     * The values no report can hold, refused by the name of the record component that holds them: a whole number
     * named for a count (videos, views, likes, comments, shares, saves, followers, alone or with a suffix such as
     * {@code videosComparison}) is 0 or more, except a net gain ({@code savesGained}, {@link PeriodComparison.Gained}),
     * which a drop in saves makes negative; a double named for a rate ({@code saveRate}, {@code medianRate}) is 0 or
     * more and finite, as is every double of the overview's records of rates ({@code saveRate.overall},
     * {@code rates.saveToLike}); one named for a share ({@code share}, {@code oldShare}) is from 0 to 1. NaN stays
     * allowed in both: it is how a record says "not known".
     */
    static final class Bounds {
        private static final java.util.regex.Pattern COUNT = java.util.regex.Pattern.compile(
                "(videos|views|likes|comments|shares|saves|followers)([A-Z]\\w*)?");
        private static final java.util.regex.Pattern RATE = java.util.regex.Pattern.compile("(\\w*[a-z])?[Rr]ate");
        private static final Set<Class<?>> RATE_RECORDS = Set.of(OverviewSection.SaveRates.class,
                OverviewSection.Ratios.class);
        private static final java.util.regex.Pattern SHARE = java.util.regex.Pattern.compile("(\\w*[a-z])?[Ss]hare");

        private Bounds() {}

        static void check(Class<?> record, RecordComponent component, Object value, FieldPath field, JsonLocation at) {
            String name = component.getName();
            if (value instanceof Integer || value instanceof Long) {
                if (((Number) value).longValue() < 0 && COUNT.matcher(name).matches() && !name.contains("Gained")
                        && record != PeriodComparison.Gained.class) {
                    throw new Mismatch(field, at, "expected a count (0 or more), found " + value);
                }
            } else if (value instanceof Double d && !d.isNaN()) {
                if ((RATE.matcher(name).matches() || RATE_RECORDS.contains(record)) && (d < 0 || d.isInfinite())) {
                    throw new Mismatch(field, at, "expected a rate (a finite number, 0 or more, or \"NaN\" when not "
                            + "known), found " + text(d));
                }
                if (SHARE.matcher(name).matches() && !(d >= 0 && d <= 1)) {
                    throw new Mismatch(field, at, "expected a share (from 0 to 1, or \"NaN\" when not known), found "
                            + text(d));
                }
            }
        }

        private static String text(double d) {
            return Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : Double.toString(d);
        }
    }

    // ---- Types ----

    /** The Java types written as their ISO text. */
    private static final Set<Class<?>> TEXT_TYPES = Set.of(BigDecimal.class, Instant.class, LocalDate.class,
            LocalDateTime.class, Duration.class);
    private static final Set<String> NON_FINITE = Set.of("NaN", "Infinity", "-Infinity");

    /** The types a value declared as {@code Object} may have, by the name the file tags it with. */
    private enum Tag {
        INT("int", Integer.class), LONG("long", Long.class), DOUBLE("double", Double.class),
        DECIMAL("decimal", BigDecimal.class), DATE("date", LocalDate.class), INSTANT("instant", Instant.class),
        LIST("list", listOf(Object.class)), MAP("map", mapOf(Object.class));

        static final String NAMES = String.join(", ", java.util.Arrays.stream(values()).map(t -> t.name).toList());
        final String name;
        final Type type;

        Tag(String name, Type type) {
            this.name = name;
            this.type = type;
        }

        static Tag of(Object value, FieldPath field) {
            for (Tag t : values()) {
                Class<?> raw = t.type instanceof ParameterizedType p ? raw(p) : (Class<?>) t.type;
                if (raw.isInstance(value) && (t != MAP || ((Map<?, ?>) value).keySet().stream()
                        .allMatch(String.class::isInstance))) {
                    return t;
                }
            }
            throw unstorable(value.getClass(), field);
        }

        static Tag named(String name) {
            for (Tag t : values()) {
                if (t.name.equals(name)) {
                    return t;
                }
            }
            return null;
        }
    }

    /** {@code List<element>}, as a declared type. */
    static ParameterizedType listOf(Type element) {
        return parameterized(List.class, element);
    }

    /** {@code Map<String, value>}, as a declared type. */
    static ParameterizedType mapOf(Type value) {
        return parameterized(Map.class, String.class, value);
    }

    private static ParameterizedType parameterized(Class<?> raw, Type... arguments) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return arguments.clone();
            }

            @Override
            public Type getRawType() {
                return raw;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }

            @Override
            public String getTypeName() {
                return raw.getName() + "<" + String.join(", ",
                        java.util.Arrays.stream(arguments).map(Type::getTypeName).toList()) + ">";
            }
        };
    }

    /**
     * A text naming every type reachable from {@code type} as the file stores it (record components in order, enum
     * constants, sealed cases): two SaveScope builds read each other's files when their descriptions are equal.
     */
    static void describe(Type type, StringBuilder out, Set<Class<?>> described) {
        if (type instanceof WildcardType w) {
            describe(w.getUpperBounds()[0], out, described);
        } else if (type instanceof ParameterizedType p && (Collection.class.isAssignableFrom(raw(p))
                || raw(p) == Map.class)) {
            out.append(raw(p).getSimpleName()).append('<');
            for (Type a : p.getActualTypeArguments()) {
                describe(a, out, described);
                out.append(',');
            }
            out.append('>');
        } else if (type instanceof Class<?> c && c.isArray()) {
            describe(c.getComponentType(), out, described);
            out.append("[]");
        } else if (type instanceof Class<?> c) {
            describeClass(c, out, described);
        } else {
            throw unstorable(type, "a figures type");
        }
    }

    private static void describeClass(Class<?> c, StringBuilder out, Set<Class<?>> described) {
        out.append(c.getName());
        if (!described.add(c)) {
            return;
        }
        if (c.isRecord()) {
            out.append('{');
            for (RecordComponent rc : c.getRecordComponents()) {
                out.append(rc.getName()).append(':');
                describe(rc.getGenericType(), out, described);
                out.append(';');
            }
            out.append('}');
        } else if (c.isEnum()) {
            out.append(java.util.Arrays.toString(c.getEnumConstants()));
        } else if (c.isSealed()) {
            for (Class<?> s : c.getPermittedSubclasses()) {
                out.append('|');
                describe(s, out, described);
            }
        } else if (!(c == Object.class || boxed(c) == String.class || boxed(c) == Boolean.class
                || boxed(c) == Integer.class || boxed(c) == Long.class || boxed(c) == Double.class
                || TEXT_TYPES.contains(c))) {
            throw unstorable(c, "a figures type");
        }
    }

    /** A record type's components, accessors and canonical constructor, looked up once per type. */
    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type);
        }
    };

    private static final class RecordShape {
        final RecordComponent[] components;
        final Map<String, Integer> indexes = new java.util.HashMap<>();
        private final java.lang.reflect.Method[] accessors;
        private final Constructor<?> canonical;

        RecordShape(Class<?> type) {
            components = type.getRecordComponents();
            accessors = new java.lang.reflect.Method[components.length];
            for (int i = 0; i < components.length; i++) {
                indexes.put(components[i].getName(), i);
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
            }
            try {
                canonical = type.getDeclaredConstructor(
                        java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                canonical.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no canonical constructor in " + type.getName(), e);
            }
        }

        Object component(int i, Object record) {
            try {
                return accessors[i].invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + components[i], e);
            }
        }

        Object construct(Object[] values, FieldPath field, JsonLocation where) {
            try {
                return canonical.newInstance(values);
            } catch (InvocationTargetException e) {
                // Our records explain a refusal in an IllegalArgumentException; anything else (a null list) says nothing.
                String why = e.getCause() instanceof IllegalArgumentException i && i.getMessage() != null
                        ? " (" + i.getMessage() + ")" : "";
                throw new Mismatch(field, where, "these values cannot be used together" + why);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make a " + canonical.getDeclaringClass().getName(), e);
            }
        }
    }

    // ---- Helpers ----

    private static Class<?> raw(ParameterizedType p) {
        return (Class<?>) p.getRawType();
    }

    private static Class<?> boxed(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return c == int.class ? Integer.class : c == long.class ? Long.class : c == double.class ? Double.class
                : c == boolean.class ? Boolean.class : c;
    }

    private static Object parseKey(Type keys, String name, FieldPath field, JsonParser p) {
        if (keys == String.class) {
            return name;
        }
        Class<?> c = (Class<?>) keys;
        try {
            if (boxed(c) == Integer.class) {
                return Integer.valueOf(name);
            }
            if (boxed(c) == Long.class) {
                return Long.valueOf(name);
            }
        } catch (NumberFormatException e) {
            throw new Mismatch(field.field(name), p.currentTokenLocation(), "expected a whole number as the key");
        }
        return parseText(c, name, field.field(name), p);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object parseText(Class<?> c, String text, FieldPath field, JsonParser p) {
        try {
            if (c.isEnum()) {
                return Enum.valueOf((Class<? extends Enum>) c, text);
            }
            return c == BigDecimal.class ? new BigDecimal(text) : c == Instant.class ? Instant.parse(text)
                    : c == LocalDate.class ? LocalDate.parse(text) : c == LocalDateTime.class ? LocalDateTime.parse(text)
                    : Duration.parse(text);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new Mismatch(field, p.currentTokenLocation(), "expected " + what(c) + ", found \"" + shortText(text) + "\"");
        }
    }

    private static void expect(JsonParser p, JsonToken token, FieldPath field, String what) throws IOException {
        if (p.currentToken() != token) {
            throw new Mismatch(field, p.currentTokenLocation(), "expected " + what + ", found " + found(p));
        }
    }

    /** What a value of {@code c} looks like in the file, for messages. */
    private static String what(Class<?> c) {
        Class<?> b = boxed(c);
        if (b == Double.class) {
            return "a number (or \"NaN\", \"Infinity\", \"-Infinity\")";
        }
        if (b == Integer.class) {
            return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (b == Long.class) {
            return "a whole number";
        }
        if (c.isEnum()) {
            return "one of " + java.util.Arrays.toString(c.getEnumConstants());
        }
        return b == String.class ? "a text" : b == Boolean.class ? "true or false" : c == BigDecimal.class
                ? "a decimal number as text" : c == Instant.class ? "a UTC time like \"2026-01-31T12:00:00Z\""
                : c == LocalDate.class ? "a date like \"2026-01-31\"" : c == LocalDateTime.class
                ? "a date and time like \"2026-01-31T12:00\"" : "a duration like \"PT1H\"";
    }

    /** The value at the parser, for messages. */
    static String found(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            return "the end of the file";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "\"" + shortText(p.getText()) + "\"";
            case FIELD_NAME -> "the field \"" + shortText(p.currentName()) + "\"";
            default -> shortText(p.getText());
        };
    }

    private static String shortText(String s) {
        String line = s.replaceAll("[\\r\\n\\t]+", " ");
        return line.length() <= 40 ? line : line.substring(0, 37) + "...";
    }

    private static String names(RecordComponent[] components) {
        return "the fields " + String.join(", ", java.util.Arrays.stream(components).map(RecordComponent::getName).toList());
    }

    private static String cases(Class<?> sealed) {
        return String.join(", ", java.util.Arrays.stream(sealed.getPermittedSubclasses()).map(Class::getSimpleName).toList());
    }

    /** A type the file cannot store: a mistake in SaveScope's own figures, found by the round-trip tests. */
    private static IllegalArgumentException unstorable(Type type, Object field) {
        return new IllegalArgumentException("the aggregates file cannot store " + type.getTypeName() + " at " + field);
    }
}
