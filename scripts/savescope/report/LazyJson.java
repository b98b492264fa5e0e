package savescope.report;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A report's JSON document, made the first time it is read. Most runs write only the page, and turning every
 * section's figures into plain maps took 35-75 ms of a 1,000-video report and 0.15-0.2 s (some 55 MB of maps) of a
 * 100,000-video one; {@code --json}, {@code --each} and the tests read it, and get the same entries in the
 * same order as when it was made at once. Unmodifiable; safe to read from any thread.
 */
final class LazyJson extends AbstractMap<String, Object> {
    private Supplier<Map<String, Object>> build;
    private volatile Map<String, Object> document;

    LazyJson(Supplier<Map<String, Object>> build) {
        this.build = build;
    }

    /** Whether the document has been made (read at least once). */
    boolean made() {
        return document != null;
    }

    private Map<String, Object> document() {
        Map<String, Object> d = document;
        if (d != null) {
            return d;
        }
        synchronized (this) {
            if (document == null) {
                document = Collections.unmodifiableMap(build.get());
                build = null; // the figures it reads may be let go
            }
            return document;
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return document().entrySet();
    }

    @Override
    public Object get(Object key) {
        return document().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return document().containsKey(key);
    }

    @Override
    public int size() {
        return document().size();
    }
}
