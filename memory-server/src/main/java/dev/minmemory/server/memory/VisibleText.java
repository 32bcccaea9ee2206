package dev.minmemory.server.memory;

/**
 * Whether a string says anything: at least one character that is neither white space, nor a control character, nor
 * an invisible format character (zero-width space and joiners, word joiner, byte order mark, soft hyphen…). A text
 * made only of those looks empty to every reader and embeds as noise.
 */
public final class VisibleText {

    private VisibleText() {
    }

    public static boolean isEmpty(String value) {
        return value == null || value.codePoints().allMatch(VisibleText::isInvisible);
    }

    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || type == Character.FORMAT
                || type == Character.CONTROL;
    }
}
