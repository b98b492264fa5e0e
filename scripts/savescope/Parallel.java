package savescope;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs numbered tasks on a few threads while keeping the outcome of running them in order: tasks start in
 * index order, and the failure reported is the one with the lowest index, as a loop would have stopped there.
 */
public final class Parallel {
    private Parallel() {}

    /**
     * Runs {@code task} for 0 to {@code count - 1} on up to {@code threads} threads, the calling one included,
     * and returns when all are done. After a failure no further task starts; the failing task with the
     * lowest index has its exception rethrown (unchecked ones as they are).
     */
    public static void forEachIndex(int count, int threads, String threadName, IntConsumer task) {
        Throwable[] failures = new Throwable[count];
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        Runnable work = () -> {
            for (int i = next.getAndIncrement(); i < count && !failed.get(); i = next.getAndIncrement()) {
                try {
                    task.accept(i);
                } catch (Throwable t) {
                    failures[i] = t;
                    failed.set(true);
                }
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < Math.min(threads, count); t++) {
            Thread helper = new Thread(work, threadName + "-" + t);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        work.run();
        for (Thread helper : helpers) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + threadName, e);
            }
        }
        for (Throwable t : failures) {
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            if (t instanceof Error) {
                throw (Error) t;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }
}
