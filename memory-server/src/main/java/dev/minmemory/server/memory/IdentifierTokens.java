package dev.minmemory.server.memory;

import java.util.regex.Pattern;

/**
 * Which words of a query are identifier-shaped: error codes, ticket ids, versions, addresses, host names, paths,
 * config keys, camelCase and snake_case names, e-mail addresses. Their shape, not a list: a word holding a digit, an
 * internal {@code . _ / @ :} between letters or digits, or a lower-case letter followed by an upper-case one.
 */
final class IdentifierTokens {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    /** Sentence punctuation around a word is not part of it: "Who filed INC-20931?". */
    private static final Pattern SURROUNDING_PUNCTUATION =
            Pattern.compile("^[\\p{Punct}&&[^/~]]+|[\\p{Punct}&&[^/]]+$");
    private static final Pattern IDENTIFIER_SHAPE =
            Pattern.compile("\\p{N}|[\\p{L}\\p{N}][._/@:][\\p{L}\\p{N}]|^[/~]\\S|\\p{Ll}\\p{Lu}");

    private IdentifierTokens() {
    }

    /** The share of the query's words that are identifier-shaped, 0..1; 0 for a query without words. */
    static double share(String query) {
        int words = 0;
        int identifiers = 0;
        for (String raw : WHITE_SPACE.split(query.strip())) {
            String word = SURROUNDING_PUNCTUATION.matcher(raw).replaceAll("");
            if (word.isEmpty()) {
                continue;
            }
            words++;
            identifiers += IDENTIFIER_SHAPE.matcher(word).find() ? 1 : 0;
        }
        return words == 0 ? 0 : (double) identifiers / words;
    }
}
