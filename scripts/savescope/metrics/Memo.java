package savescope.metrics;

import java.util.function.Supplier;

/**
 * A value computed on first use, under its own lock: an engine's sections ask for shared values from several
 * threads, and each is computed once.
 *
 * @param <T> the value; its computation must not return null
 */
public final class Memo<T> {
    private final Supplier<T> compute;
    private T value;

    public Memo(Supplier<T> compute) {
        this.compute = compute;
    }

    public synchronized T get() {
        if (value == null) {
            value = compute.get();
        }
        return value;
    }
}
