package savescope.load;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Parses CSV records on the calling thread while another thread turns them into canonical rows, so a large
 * file's two halves of the work overlap. Records are handed over in order, in bounded batches.
 */
final class RowPipeline {
    /** Receives each record with the line it starts on, in file order, on the worker thread. */
    interface Sink {
        void accept(String[] record, long line);
    }

    private static final int BATCH = 2048;

    private record Batch(String[][] records, long[] lines, int size) {}

    private static final Batch END = new Batch(new String[0][], new long[0], 0);

    private RowPipeline() {}

    static void run(CsvRows rows, Sink sink) {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(8);
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(() -> {
            try {
                for (Batch b = take(queue); b != END; b = take(queue)) {
                    for (int i = 0; i < b.size(); i++) {
                        sink.accept(b.records()[i], b.lines()[i]);
                    }
                }
            } catch (Throwable t) {
                failure[0] = t;
                // Keep draining so the parsing thread never blocks on a full queue.
                for (Batch b = take(queue); b != END; b = take(queue)) {
                    // discard
                }
            }
        }, "savescope-rows");
        worker.setDaemon(true);
        worker.start();
        try {
            String[][] records = new String[BATCH][];
            long[] lines = new long[BATCH];
            int n = 0;
            String[] record;
            while ((record = rows.next()) != null) {
                records[n] = record;
                lines[n] = rows.line();
                if (++n == BATCH) {
                    put(queue, new Batch(records, lines, n));
                    records = new String[BATCH][];
                    lines = new long[BATCH];
                    n = 0;
                }
            }
            if (n > 0) {
                put(queue, new Batch(records, lines, n));
            }
        } finally {
            put(queue, END);
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure[0] instanceof RuntimeException re) {
            throw re;
        }
        if (failure[0] instanceof Error err) {
            throw err;
        }
    }

    private static Batch take(BlockingQueue<Batch> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return END;
        }
    }

    private static void put(BlockingQueue<Batch> queue, Batch b) {
        try {
            queue.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        }
    }
}
