package savescope.report;

import java.util.concurrent.ConcurrentHashMap;

/** Where code run in JShell by {@link CodeCellsTest} leaves the values it computed, by name. */
public final class SnippetValues {
    private static final ConcurrentHashMap<String, Object> VALUES = new ConcurrentHashMap<>();

    private SnippetValues() {}

    public static void put(String name, Object value) {
        VALUES.put(name, value == null ? NULL : value);
    }

    public static Object get(String name) {
        Object v = VALUES.get(name);
        return v == NULL ? null : v;
    }

    public static boolean has(String name) {
        return VALUES.containsKey(name);
    }

    public static void clear() {
        VALUES.clear();
    }

    private static final Object NULL = new Object();
}
