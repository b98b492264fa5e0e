package savescope.spark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Locale;
import savescope.metrics.Analytics;

/**
 * With {@code -Dsavescope.timing=true}, an {@link Analytics} that says on stderr how long each question took,
 * for finding what a big Spark run spends its time on; otherwise the engine itself.
 */
public final class TimedAnalytics {
    private TimedAnalytics() {}

    public static Analytics wrap(Analytics engine) {
        if (!Boolean.getBoolean("savescope.timing")) {
            return engine;
        }
        long start = System.nanoTime();
        InvocationHandler timed = (proxy, method, args) -> {
            long t0 = System.nanoTime();
            try {
                return method.invoke(engine, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                double took = (System.nanoTime() - t0) / 1e9;
                if (took >= 0.5) {
                    System.err.printf(Locale.ROOT, "analytics: %s took %.1f s (ended at %.1f s, %s)%n", method.getName(),
                            took, (System.nanoTime() - start) / 1e9, Thread.currentThread().getName());
                }
            }
        };
        return (Analytics) Proxy.newProxyInstance(Analytics.class.getClassLoader(), new Class<?>[] {Analytics.class},
                timed);
    }
}
