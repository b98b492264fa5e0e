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

    /**
     * What a comparison found.
     *
     * @param values the numbers, texts, booleans and nulls compared (leaves of both documents)
     * @param lastBits the numbers that are not equal but within the tolerance
     * @param differences each difference as {@code path: left != right}
     */
    public record Result(long values, long lastBits, List<String> differences) {}

    /** Each difference as {@code path: left != right}; empty when the documents agree. */
    public static List<String> of(JsonNode left, JsonNode right, Set<String> skipKeys) {
        return compare(left, right, skipKeys).differences();
    }

    public static List<String> of(Path left, Path right, Set<String> skipKeys) throws IOException {
        ObjectMapper m = new ObjectMapper();
        return of(m.readTree(left.toFile()), m.readTree(right.toFile()), skipKeys);
    }

    /** The whole comparison: how many values, how many differ in their last bits only, and each difference. */
    public static Result compare(JsonNode left, JsonNode right, Set<String> skipKeys) {
        Walk w = new Walk(skipKeys);
        w.walk("", left, right);
        return new Result(w.values, w.lastBits, w.out);
    }

    private static final class Walk {
        final Set<String> skip;
        final List<String> out = new ArrayList<>();
        long values;
        long lastBits;

        Walk(Set<String> skip) {
            this.skip = skip;
        }

        void walk(String path, JsonNode a, JsonNode b) {
            if (a.isObject() && b.isObject()) {
                // Key order carries no meaning in JSON; a key on one side only is one difference, and the keys
                // both sides have are still compared.
                List<String> onlyA = missingFrom(a, b);
                List<String> onlyB = missingFrom(b, a);
                if (!onlyA.isEmpty() || !onlyB.isEmpty()) {
                    out.add(where(path) + ": keys only on the left " + onlyA + ", only on the right " + onlyB);
                }
                for (String k : names(a)) {
                    if (!skip.contains(k) && b.has(k)) {
                        walk(path + "." + k, a.get(k), b.get(k));
                    }
                }
            } else if (a.isArray() && b.isArray()) {
                if (a.size() != b.size()) {
                    out.add(where(path) + ": " + a.size() + " items != " + b.size());
                    return;
                }
                for (int i = 0; i < a.size(); i++) {
                    walk(path + "[" + i + "]", a.get(i), b.get(i));
                }
            } else if (a.isNumber() && b.isNumber()) {
                values++;
                if (!close(a, b)) {
                    out.add(path + ": " + a + " != " + b);
                } else if (a.doubleValue() != b.doubleValue()) {
                    lastBits++;
                }
            } else {
                values++;
                if (!a.equals(b)) {
                    out.add(where(path) + ": " + shown(a) + " != " + shown(b));
                }
            }
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

    /** The keys of {@code a} that {@code b} lacks, in {@code a}'s order. */
    private static List<String> missingFrom(JsonNode a, JsonNode b) {
        return names(a).stream().filter(k -> !b.has(k)).toList();
    }

    /** A value as a difference shows it: an object or array by its size, so one line stays one line. */
    private static String shown(JsonNode n) {
        if (n.isObject()) {
            return "an object of " + n.size() + (n.size() == 1 ? " key" : " keys");
        }
        if (n.isArray()) {
            return "an array of " + n.size() + (n.size() == 1 ? " item" : " items");
        }
        String text = n.toString();
        return text.length() <= 200 ? text : text.substring(0, 200) + "… (" + text.length() + " characters)";
    }

    /** A path for people: the document itself is {@code (top)}. */
    private static String where(String path) {
        return path.isEmpty() ? "(top)" : path;
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            out.add(it.next());
        }
        return out;
    }
}
