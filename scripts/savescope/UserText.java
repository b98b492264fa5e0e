package savescope;

/**
 * Text from the data (a content type, an account, a variant) set inside the report's own sentences. A name with
 * right-to-left letters or bidirectional controls (a right-to-left override, U+202E) would otherwise reorder
 * the sentence around it in a browser; set apart, it is laid out on its own, as HTML's {@code <bdi>} does.
 */
public final class UserText {
    /** First strong isolate and pop directional isolate: the plain-text form of {@code <bdi>}. */
    private static final char FSI = '\u2068';
    private static final char PDI = '\u2069';

    private UserText() {}

    /**
     * {@code text} set apart from the text around it when it could reorder that text (it has a right-to-left
     * letter or a bidirectional control); other text as it is, so plain names read and copy unchanged.
     */
    public static String isolated(String text) {
        return text == null || !reorders(text) ? text : FSI + text + PDI;
    }

    /** Whether {@code text} holds a right-to-left letter or a bidirectional formatting character. */
    static boolean reorders(String text) {
        return text.codePoints().anyMatch(c -> switch (Character.getDirectionality(c)) {
            case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC,
                    Character.DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING, Character.DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE,
                    Character.DIRECTIONALITY_LEFT_TO_RIGHT_EMBEDDING, Character.DIRECTIONALITY_LEFT_TO_RIGHT_OVERRIDE,
                    Character.DIRECTIONALITY_POP_DIRECTIONAL_FORMAT, Character.DIRECTIONALITY_LEFT_TO_RIGHT_ISOLATE,
                    Character.DIRECTIONALITY_RIGHT_TO_LEFT_ISOLATE, Character.DIRECTIONALITY_FIRST_STRONG_ISOLATE,
                    Character.DIRECTIONALITY_POP_DIRECTIONAL_ISOLATE -> true;
            default -> false;
        });
    }
}
