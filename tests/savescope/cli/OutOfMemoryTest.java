package savescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import savescope.Parallel;

/** A run that runs out of heap, on the main thread or a worker, ends with one line and exit code 1. */
class OutOfMemoryTest {
    /** What {@link Cli} must print here: the heap limit of this test JVM in whole MB. */
    private static final String EXPECTED = "error: this run needed more memory than the Java heap allows (at most "
            + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB). Give Java more, e.g. "
            + "JAVA_TOOL_OPTIONS=-Xmx4g ./jbang report ...\n";

    @Command(name = "report")
    static final class Failing implements Callable<Integer> {
        private final Runnable work;

        Failing(Runnable work) {
            this.work = work;
        }

        @Override
        public Integer call() {
            work.run();
            return 0;
        }
    }

    private static OutputSafetyTest.Run run(Runnable work, String... args) {
        return OutputSafetyTest.run(new Failing(work), args);
    }

    @Test
    void onTheMainThread() {
        OutputSafetyTest.Run r = run(() -> {
            throw new OutOfMemoryError("Java heap space");
        });
        assertEquals(1, r.code());
        assertEquals(EXPECTED, r.err());
    }

    @Test
    void onAWorkerThreadOfParallel() {
        // The calling thread's task waits until the helper thread's task has failed, so the error surely comes
        // from the helper, as it would from a section built on a worker.
        java.util.concurrent.CountDownLatch helperFailed = new java.util.concurrent.CountDownLatch(1);
        OutputSafetyTest.Run r = run(() -> Parallel.forEachIndex(2, 2, "test-worker", i -> {
            if (Thread.currentThread().getName().startsWith("test-worker")) {
                helperFailed.countDown();
                throw new OutOfMemoryError("Java heap space");
            }
            try {
                helperFailed.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertEquals(0, helperFailed.getCount(), "the helper ran a task");
        assertEquals(1, r.code());
        assertEquals(EXPECTED, r.err());
    }

    @Test
    void passedOnWrappedInAnotherException() {
        OutputSafetyTest.Run r = run(() -> {
            throw new IllegalStateException(new java.util.concurrent.ExecutionException(
                    new OutOfMemoryError("Java heap space")));
        });
        assertEquals(1, r.code());
        assertEquals(EXPECTED, r.err());
    }

    @Test
    void namesTheCommandToRunAgain() {
        assertEquals("error: this run needed more memory than the Java heap allows (at most 48 MB). Give Java more, "
                + "e.g. JAVA_TOOL_OPTIONS=-Xmx4g ./jbang notebook ...", Cli.outOfMemoryMessage(48L << 20, "notebook"));
    }
}
