package dev.minmemory.server.memory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * How alike two entity names are, insensitive to case and punctuation, so that "k8s", "Kubernetes",
 * "kubernetes-operator" and "Kubernetes Operator" are found together. Scores are 0..1:
 * 1 for the same name written differently, 0.9 when every word of one is a word of the other, else a damped
 * Jaro-Winkler similarity of the letters alone.
 */
final class EntityNameSimilarity {

    private static final Pattern NUMERONYM = Pattern.compile("([a-z])(\\d{1,2})([a-z])");
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private EntityNameSimilarity() {
    }

    static double score(String query, String entity) {
        List<String> queryWords = words(query);
        List<String> entityWords = words(entity);
        if (queryWords.isEmpty() || entityWords.isEmpty()) {
            return 0;
        }
        if (queryWords.size() == entityWords.size() && allMatch(queryWords, entityWords)) {
            return 1.0;
        }
        if (String.join("", queryWords).equals(String.join("", entityWords))) {
            return 1.0;
        }
        if (allMatch(queryWords, entityWords) || allMatch(entityWords, queryWords)) {
            return 0.9;
        }
        return 0.8 * JARO_WINKLER.apply(String.join("", queryWords), String.join("", entityWords));
    }

    /** Every word of {@code some} matches some word of {@code others}. */
    private static boolean allMatch(List<String> some, List<String> others) {
        return some.stream().allMatch(word -> others.stream().anyMatch(other -> sameWord(word, other)));
    }

    private static boolean sameWord(String a, String b) {
        return a.equals(b) || abbreviates(a, b) || abbreviates(b, a);
    }

    /** Numeronyms: "k8s" stands for a word of 10 letters from k to s, "i18n" for internationalization. */
    private static boolean abbreviates(String numeronym, String word) {
        Matcher m = NUMERONYM.matcher(numeronym);
        return m.matches()
                && word.length() == Integer.parseInt(m.group(2)) + 2
                && word.charAt(0) == m.group(1).charAt(0)
                && word.charAt(word.length() - 1) == m.group(3).charAt(0);
    }

    private static List<String> words(String name) {
        String normalized = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        return normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split(" "));
    }
}
