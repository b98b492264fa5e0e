package savescope.model;

import java.util.List;

/**
 * A field missing in some kept rows of one source (a blank or a marker such as {@code NaN} in a count, or a
 * value that could not be read): how many rows, the first few places and the first reason.
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
