package savescope.report;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a section's figures into the {@code --json} document's top-level entries: record components in
 * declaration order, names in snake case (a component's {@code @JsonProperty} overrides), NaN and infinities as
 * null (JSON has neither). The result is Jackson's ({@link #mapper()}) to the value and type; records that use only
 * the annotations the sections use are walked directly, since Jackson's first look at each type cost a sample
 * report about 0.15 s of CPU, and anything else is left to Jackson.
 */
public final class FiguresJson {
    /**
     * Jackson's mapper, made on first use: every record of the report's own sections is walked directly, so the
     * figures never need it, and making it loads some 400 classes (about 35 ms of CPU at start-up) that a report
     * reading and writing no JSON has no other use for.
     */
    private static final class Jackson {
        static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
        static final ObjectMapper MAPPER = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .registerModule(new SimpleModule("savescope-figures")
                        .addSerializer(Double.class, new FiniteOrNull())
                        .addSerializer(double.class, new FiniteOrNull()));
    }

    /** The mapper a record this class does not walk itself is converted with (the reference for tests). */
    static ObjectMapper mapper() {
        return Jackson.MAPPER;
    }

    private FiguresJson() {}

    /** The figures' JSON entries, in order, as plain maps, lists, strings, numbers and booleans. */
    public static Map<String, Object> toMap(Record figures) {
        Shape shape = SHAPES.get(figures.getClass());
        if (shape == null || shape.jsonValue != null) {
            return mapper().convertValue(figures, Jackson.MAP);
        }
        return shape.entries(figures);
    }

    /** As {@link #toMap}, always through Jackson: the reference the direct walk is tested against. */
    static Map<String, Object> toMapWithJackson(Record figures) {
        return mapper().convertValue(figures, Jackson.MAP);
    }

    /** Whether records of {@code type} are walked here rather than handed to Jackson. */
    static boolean walksDirectly(Class<?> type) {
        return SHAPES.get(type) != null;
    }

    /** The JSON value of {@code v} as Jackson would convert it: directly for the plain types, else by Jackson. */
    private static Object value(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            return v;
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : d;
        }
        if (v instanceof Record r) {
            Shape shape = SHAPES.get(r.getClass());
            return shape == null ? mapper().convertValue(v, Object.class) : shape.value(r);
        }
        if (v instanceof double[] a) {
            // Jackson writes a double[] element by element, past the serializer for Double: NaN stays NaN.
            List<Object> out = new ArrayList<>(a.length);
            for (double x : a) {
                out.add(x);
            }
            return out;
        }
        if (v instanceof int[] a) {
            List<Object> out = new ArrayList<>(a.length);
            for (int x : a) {
                out.add(x);
            }
            return out;
        }
        if (v instanceof long[] a) {
            List<Object> out = new ArrayList<>(a.length);
            for (long x : a) {
                out.add(x);
            }
            return out;
        }
        if (v instanceof Collection<?> c && fromJavaUtil(v)) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object x : c) {
                out.add(value(x));
            }
            return out;
        }
        if (v instanceof Map<?, ?> m && fromJavaUtil(v) && m.keySet().stream().allMatch(k -> k instanceof String)) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put((String) e.getKey(), value(e.getValue()));
            }
            return out;
        }
        return mapper().convertValue(v, Object.class);
    }

    private static boolean fromJavaUtil(Object v) {
        return v.getClass().getName().startsWith("java.util.");
    }

    /** A record's JSON properties, found once per type; null for a type only Jackson is trusted with. */
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    /** One JSON property of a record: its name, accessor, whether a null is left out, whether it is unwrapped. */
    private record Property(String name, Method accessor, boolean skipNull, boolean unwrapped) {}

    /**
     * How a record becomes JSON: its properties in component order, or the value of its {@code @JsonValue}
     * method. Built only for records whose Jackson annotations are among those handled here.
     */
    private static final class Shape {
        private final List<Property> properties;
        private final Method jsonValue;

        private Shape(List<Property> properties, Method jsonValue) {
            this.properties = properties;
            this.jsonValue = jsonValue;
        }

        Object value(Record r) {
            return jsonValue != null ? FiguresJson.value(invoke(jsonValue, r)) : entries(r);
        }

        Map<String, Object> entries(Record r) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Property p : properties) {
                Object raw = invoke(p.accessor, r);
                if (raw == null && (p.skipNull || p.unwrapped)) {
                    continue;
                }
                if (p.unwrapped) {
                    out.putAll(SHAPES.get(raw.getClass()).entries((Record) raw));
                } else {
                    out.put(p.name, FiguresJson.value(raw));
                }
            }
            return out;
        }

        private static Object invoke(Method m, Object target) {
            try {
                return m.invoke(target);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                return null;
            }
            try {
                return read(type);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        private static Shape read(Class<?> type) throws ReflectiveOperationException {
            Boolean classSkipsNull = inclusion(type.getAnnotations());
            // The last: Jackson would also apply annotations a record's methods inherit from an interface.
            if (classSkipsNull == null || hasOther(type.getAnnotations(), JsonInclude.class)
                    || annotatedInterface(type)) {
                return null;
            }
            List<Property> properties = properties(type, classSkipsNull);
            if (properties == null) {
                return null;
            }
            List<Method> accessors = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                accessors.add(c.getAccessor());
            }
            Method jsonValue = null;
            for (Method m : otherMethods(type, accessors)) {
                Annotation[] on = m.getAnnotations();
                JsonValue value = find(on, JsonValue.class);
                if (value != null) {
                    if (!value.value() || m.getParameterCount() != 0 || m.getReturnType() == void.class
                            || hasOther(on, JsonValue.class) || jsonValue != null) {
                        return null;
                    }
                    jsonValue = m;
                } else if (hasOther(on, JsonIgnore.class) || (find(on, JsonIgnore.class) == null && isGetter(m))) {
                    return null; // another property, or an annotation only Jackson knows how to apply
                }
            }
            if (jsonValue != null) {
                jsonValue.setAccessible(true);
            }
            return new Shape(properties, jsonValue);
        }

        /** The record's properties in component order, or null when a component is not plain. */
        private static List<Property> properties(Class<?> type, Boolean classSkipsNull)
                throws ReflectiveOperationException {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            Annotation[][] params = type.getDeclaredConstructor(types).getParameterAnnotations();
            List<Property> properties = new ArrayList<>();
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                Method accessor = c.getAccessor();
                if (looksLikeGetter(accessor.getName())) {
                    return null; // Jackson would also see a bean property under another name
                }
                List<Annotation> on = new ArrayList<>(List.of(accessor.getAnnotations()));
                on.addAll(List.of(type.getDeclaredField(c.getName()).getAnnotations()));
                on.addAll(List.of(params[i]));
                Annotation[] all = on.toArray(Annotation[]::new);
                JsonIgnore ignore = find(all, JsonIgnore.class);
                if (hasOther(all, JsonIgnore.class, JsonProperty.class, JsonInclude.class, JsonUnwrapped.class)
                        || (ignore != null && !ignore.value())) {
                    return null;
                }
                if (ignore == null) {
                    Property p = property(c, accessor, all, classSkipsNull);
                    if (p == null) {
                        return null;
                    }
                    properties.add(p);
                }
            }
            return List.copyOf(properties);
        }

        private static Property property(RecordComponent c, Method accessor, Annotation[] all, Boolean classSkipsNull) {
            Boolean skipNull = inclusion(all);
            JsonProperty named = find(all, JsonProperty.class);
            JsonUnwrapped unwrapped = find(all, JsonUnwrapped.class);
            if (skipNull == null || (named != null && (named.access() != JsonProperty.Access.AUTO
                    || named.index() != JsonProperty.INDEX_UNKNOWN))) {
                return null;
            }
            if (unwrapped != null) {
                Shape inner = SHAPES.get(c.getType());
                if (!unwrapped.enabled() || !unwrapped.prefix().isEmpty() || !unwrapped.suffix().isEmpty()
                        || named != null || inner == null || inner.jsonValue != null) {
                    return null;
                }
            }
            accessor.setAccessible(true);
            String name = named != null && !named.value().isEmpty() ? named.value()
                    : ((PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE).translate(c.getName());
            JsonInclude own = find(all, JsonInclude.class);
            boolean ownRule = own != null && own.value() != JsonInclude.Include.USE_DEFAULTS;
            return new Property(name, accessor, ownRule ? skipNull : classSkipsNull, unwrapped != null);
        }

        /** Methods of the record besides its accessors and Object's, public ones inherited included. */
        private static List<Method> otherMethods(Class<?> type, List<Method> accessors) {
            List<Method> out = new ArrayList<>();
            for (Method m : type.getDeclaredMethods()) {
                if (!m.isSynthetic() && !Modifier.isStatic(m.getModifiers()) && !accessors.contains(m)) {
                    out.add(m);
                }
            }
            for (Method m : type.getMethods()) {
                if (m.getDeclaringClass() != type && m.getDeclaringClass() != Object.class
                        && m.getDeclaringClass() != Record.class && !Modifier.isStatic(m.getModifiers())) {
                    out.add(m);
                }
            }
            return out;
        }

        private static boolean isGetter(Method m) {
            return Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 0 && m.getReturnType() != void.class
                    && looksLikeGetter(m.getName());
        }

        private static boolean annotatedInterface(Class<?> type) {
            for (Class<?> i : type.getInterfaces()) {
                for (Method m : i.getMethods()) {
                    if (hasOther(m.getAnnotations())) {
                        return true;
                    }
                }
                if (annotatedInterface(i)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean looksLikeGetter(String name) {
            return (name.startsWith("get") && name.length() > 3) || (name.startsWith("is") && name.length() > 2);
        }

        /** True (leave out nulls), false (write them) or null for an inclusion rule not handled here. */
        private static Boolean inclusion(Annotation[] on) {
            JsonInclude include = find(on, JsonInclude.class);
            if (include == null) {
                return false;
            }
            boolean plainContent = include.content() == JsonInclude.Include.USE_DEFAULTS
                    || include.content() == JsonInclude.Include.ALWAYS;
            if (!plainContent || include.valueFilter() != Void.class || include.contentFilter() != Void.class) {
                return null;
            }
            return switch (include.value()) {
                case NON_NULL -> true;
                case ALWAYS, USE_DEFAULTS -> false;
                default -> null;
            };
        }

        private static <A extends Annotation> A find(Annotation[] on, Class<A> type) {
            for (Annotation a : on) {
                if (a.annotationType() == type) {
                    return type.cast(a);
                }
            }
            return null;
        }

        /** Whether {@code on} holds a Jackson annotation (or bundle of them) other than the {@code known} ones. */
        @SafeVarargs
        private static boolean hasOther(Annotation[] on, Class<? extends Annotation>... known) {
            for (Annotation a : on) {
                Class<? extends Annotation> t = a.annotationType();
                boolean jackson = t.getName().startsWith("com.fasterxml.jackson.")
                        || t.isAnnotationPresent(JacksonAnnotationsInside.class);
                if (jackson && !List.of(known).contains(t)) {
                    return true;
                }
            }
            return false;
        }
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
