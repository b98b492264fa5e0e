package savescope.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Compares two JSON documents number by number, as the two engines must agree: whole numbers exactly, other
 * numbers to a relative 1e-9 (sums of doubles taken in another order differ in their last bits), text and
 * structure exactly. Keys that differ by nature between runs (such as {@code generated_at}) can be skipped.
 */
public final class NumbersDiff {
    /** The relative tolerance for numbers that are not whole. */
    public static final double RELATIVE = 1e-9;

    private NumbersDiff() {}

    /** Each difference as {@code path: left != right}; empty when the documents agree. */
    public static List<String> of(JsonNode left, JsonNode right, Set<String> skipKeys) {
        List<String> out = new ArrayList<>();
        walk("", left, right, skipKeys, out);
        return out;
    }

    public static List<String> of(Path left, Path right, Set<String> skipKeys) throws IOException {
        ObjectMapper m = new ObjectMapper();
        return of(m.readTree(left.toFile()), m.readTree(right.toFile()), skipKeys);
    }

    private static void walk(String path, JsonNode a, JsonNode b, Set<String> skip, List<String> out) {
        if (a.isObject() && b.isObject()) {
            List<String> keysA = names(a);
            List<String> keysB = names(b);
            if (!keysA.equals(keysB)) {
                out.add(path + ": keys " + keysA + " != " + keysB);
                return;
            }
            for (String k : keysA) {
                if (!skip.contains(k)) {
                    walk(path + "." + k, a.get(k), b.get(k), skip, out);
                }
            }
        } else if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                out.add(path + ": " + a.size() + " items != " + b.size());
                return;
            }
            for (int i = 0; i < a.size(); i++) {
                walk(path + "[" + i + "]", a.get(i), b.get(i), skip, out);
            }
        } else if (a.isNumber() && b.isNumber()) {
            if (!close(a, b)) {
                out.add(path + ": " + a + " != " + b);
            }
        } else if (!a.equals(b)) {
            out.add(path + ": " + a + " != " + b);
        }
    }

    private static boolean close(JsonNode a, JsonNode b) {
        if (a.isIntegralNumber() && b.isIntegralNumber()) {
            return a.bigIntegerValue().equals(b.bigIntegerValue());
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        return x == y || Math.abs(x - y) <= RELATIVE * Math.max(Math.abs(x), Math.abs(y));
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            out.add(it.next());
        }
        return out;
    }
}
