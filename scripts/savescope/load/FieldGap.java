package savescope.load;

import java.util.List;

/**
 * A field left missing in some rows of one source because its value could not be read (the rows themselves
 * were kept): how many rows, the first few places and the first reason.
 *
 * @param field the canonical field ({@code duration_s}, {@code posted_at}, ...)
 * @param header the source's own name for it, as the user sees it
 * @param rows how many rows have this field left missing for a reason (never capped)
 * @param firstPlaces the places of the first few such cells ({@code 14:3}, {@code Sheet1!C4}, a JSON pointer)
 * @param firstReason what the first such cell held and what was expected
 */
public record FieldGap(String field, String header, long rows, List<String> firstPlaces, String firstReason) {
    /** How many places a gap lists; the count covers all of them. */
    public static final int MAX_PLACES = 5;

    public FieldGap {
        firstPlaces = List.copyOf(firstPlaces);
    }
}
