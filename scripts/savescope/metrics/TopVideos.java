package savescope.metrics;

import java.util.ArrayList;
import java.util.List;
import savescope.model.Canonical;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The videos with the most of one count, each with its counts, as the rows of a per-video table. */
public final class TopVideos {
    private TopVideos() {}

    /**
     * One video as the input has it; a count the source lacks is null, never zero.
     *
     * @param videoId the video's id
     * @param title its title (may be blank)
     * @param link its link (may be blank; not checked)
     * @param contentType its content type (may be blank)
     * @param postedAt when it was posted, as an ISO-8601 instant, or null when unknown
     */
    public record Video(String videoId, String title, String link, String contentType, String postedAt, Long views,
            Long likes, Long comments, Long shares, Long saves) {

        /** Saves / views, or null without both counts or with zero views. */
        public Double saveRate() {
            return views == null || saves == null || views == 0 ? null : (double) saves / views;
        }
    }

    /**
     * The {@code limit} videos with the highest {@code count} (a canonical count column), highest first, ties in
     * input order, videos without the count last.
     */
    public static List<Video> of(Table videos, String count, int limit) {
        StringColumn id = videos.stringColumn(Canonical.VIDEO_ID);
        StringColumn title = videos.stringColumn(Canonical.TITLE);
        StringColumn link = videos.stringColumn(Canonical.LINK);
        StringColumn type = videos.stringColumn(Canonical.CONTENT_TYPE);
        InstantColumn posted = videos.instantColumn(Canonical.POSTED_AT);
        List<LongColumn> counts = Canonical.COUNTS.stream().map(videos::longColumn).toList();
        List<Video> out = new ArrayList<>();
        for (int i : topRows(videos.longColumn(count), limit)) {
            Long[] c = new Long[counts.size()];
            for (int m = 0; m < c.length; m++) {
                c[m] = counts.get(m).isMissing(i) ? null : counts.get(m).getLong(i);
            }
            out.add(new Video(id.get(i), title.get(i), link.get(i), type.get(i),
                    posted.isMissing(i) ? null : posted.get(i).toString(), c[0], c[1], c[2], c[3], c[4]));
        }
        return List.copyOf(out);
    }

    /**
     * The rows of the {@code cap} highest values, highest first, ties in row order, missing last. A bounded heap
     * of row numbers keeps this O(n log cap) without boxing a million rows to keep 500.
     */
    static int[] topRows(LongColumn by, int cap) {
        int n = by.size();
        int k = Math.max(0, Math.min(cap, n));
        long[] key = new long[n];
        for (int i = 0; i < n; i++) {
            key[i] = by.isMissing(i) ? Long.MIN_VALUE : by.getLong(i);
        }
        // heap[0] is the lowest of the rows kept so far (a min-heap under "ranks below").
        int[] heap = new int[k];
        int size = 0;
        for (int i = 0; i < n && k > 0; i++) {
            if (size < k) {
                heap[size] = i;
                siftUp(heap, size++, key);
            } else if (ranksAbove(i, heap[0], key)) {
                heap[0] = i;
                siftDown(heap, size, key);
            }
        }
        int[] order = new int[size];
        // Popping the lowest ranked first fills the result from its end.
        for (int at = size - 1; at >= 0; at--) {
            order[at] = heap[0];
            heap[0] = heap[--size];
            siftDown(heap, size, key);
        }
        return order;
    }

    /** Whether row a comes before row b: a higher value, or the same and earlier in the file. */
    private static boolean ranksAbove(int a, int b, long[] key) {
        return key[a] > key[b] || (key[a] == key[b] && a < b);
    }

    private static void siftUp(int[] heap, int at, long[] key) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!ranksAbove(heap[parent], heap[at], key)) {
                return;
            }
            swap(heap, parent, at);
            at = parent;
        }
    }

    private static void siftDown(int[] heap, int size, long[] key) {
        int at = 0;
        while (true) {
            int low = at;
            int left = 2 * at + 1;
            int right = left + 1;
            if (left < size && ranksAbove(heap[low], heap[left], key)) {
                low = left;
            }
            if (right < size && ranksAbove(heap[low], heap[right], key)) {
                low = right;
            }
            if (low == at) {
                return;
            }
            swap(heap, low, at);
            at = low;
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
