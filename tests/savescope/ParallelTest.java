package savescope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @Test
    void everyIndexRunsOnce() {
        AtomicIntegerArray runs = new AtomicIntegerArray(50);
        Parallel.forEachIndex(50, 3, "test", runs::incrementAndGet);
        for (int i = 0; i < 50; i++) {
            assertEquals(1, runs.get(i), "index " + i);
        }
    }

    @Test
    void theLowestFailingIndexIsReportedEvenWhenAHigherOneFailsFirst() {
        // Index 1 fails at once; index 0 fails later, on the other thread. A loop would have stopped at 0.
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.forEachIndex(2, 2, "test", i -> {
            if (i == 0) {
                sleep(100);
            }
            throw new IllegalStateException("task " + i);
        }));
        assertEquals("task 0", e.getMessage());
    }

    @Test
    void noTaskStartsAfterAFailure() {
        AtomicIntegerArray runs = new AtomicIntegerArray(10);
        assertThrows(IllegalArgumentException.class, () -> Parallel.forEachIndex(10, 1, "test", i -> {
            runs.incrementAndGet(i);
            if (i == 3) {
                throw new IllegalArgumentException("stop");
            }
        }));
        assertEquals(0, runs.get(4));
        assertEquals(1, runs.get(3));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
