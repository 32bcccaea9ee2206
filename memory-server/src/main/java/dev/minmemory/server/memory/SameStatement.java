package dev.minmemory.server.memory;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether two texts say the same thing in the same words: their content words are equal, in the same order, once
 * case, punctuation, contractions and a few filler words (articles, forms of "be") are set aside. Word order,
 * negations, numbers, dates and names all count, which is what an embedding barely sees: "Alice prefers tabs over
 * spaces" and "Alice prefers spaces over tabs" are nearly the same vector but not the same statement.
 */
public final class SameStatement {

    private static final Set<String> FILLER = Set.of("a", "an", "the", "is", "are", "am", "was", "were", "be", "been",
            "being", "that");
    private static final Pattern APOSTROPHE = Pattern.compile("[\u2019\u2018\u02bc`]");
    private static final Pattern NOT_IRREGULAR = Pattern.compile("\\b(?:(won)|(can)|(shan))'t\\b");
    private static final Pattern NOT = Pattern.compile("n't\\b");
    private static final Pattern CONTRACTION = Pattern.compile("'(re|ve|ll|d|m|s)\\b");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SameStatement() {
    }

    public static boolean same(String a, String b) {
        return contentWords(a).equals(contentWords(b));
    }

    /** The words that carry the statement, in order. */
    static List<String> contentWords(String text) {
        String words = APOSTROPHE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))
                .replaceAll("'")
                .replace("cannot", "can not");
        words = NOT_IRREGULAR.matcher(words).replaceAll(match -> match.group(1) != null ? "will not"
                : match.group(2) != null ? "can not" : "shall not");
        words = NOT.matcher(words).replaceAll(" not");
        words = CONTRACTION.matcher(words).replaceAll(match -> switch (match.group(1)) {
            case "re" -> " are";
            case "ve" -> " have";
            case "ll" -> " will";
            case "d" -> " would";
            case "m" -> " am";
            default -> " is";
        });
        List<String> content = new ArrayList<>();
        for (String word : NOT_A_WORD.split(words)) {
            if (!word.isEmpty() && !FILLER.contains(word)) {
                content.add(word);
            }
        }
        return content;
    }
}
