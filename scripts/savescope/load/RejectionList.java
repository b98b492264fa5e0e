package savescope.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import savescope.model.Rejection;

/**
 * The rejections of one source: every one counted and its reason tallied, only the first {@link #LISTED}
 * kept with their places, so a file of millions of bad rows costs no more memory than one of a thousand.
 */
final class RejectionList {
    /** How many rejections a source keeps with their places. */
    static final int LISTED = 1000;
    /** How many different reasons are tallied apart; the rest are tallied together. */
    static final int REASONS = 1000;
    static final String OTHER_REASONS = "other reasons (more than " + REASONS + " different ones)";

    private final List<Rejection> listed = new ArrayList<>();
    private final Map<String, Long> reasons = new HashMap<>();
    private long count;

    void add(Rejection r) {
        count++;
        if (listed.size() < LISTED) {
            listed.add(r);
        }
        String reason = r.reason();
        if (reasons.size() < REASONS || reasons.containsKey(reason)) {
            reasons.merge(reason, 1L, Long::sum);
        } else {
            reasons.merge(OTHER_REASONS, 1L, Long::sum);
        }
    }

    /** The first {@link #LISTED} rejections, in the order they were made. */
    List<Rejection> listed() {
        return listed;
    }

    long count() {
        return count;
    }

    long notListed() {
        return count - listed.size();
    }

    /** Every rejection's reason with how many rows it rejected. */
    Map<String, Long> reasons() {
        return reasons;
    }
}
