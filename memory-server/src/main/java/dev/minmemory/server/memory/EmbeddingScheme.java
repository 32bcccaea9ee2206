package dev.minmemory.server.memory;

import java.util.regex.Pattern;

/**
 * What of a memory becomes its vector. Questions are embedded as they are; the stored text and the keyword side keep
 * everything, whatever the scheme leaves out of the vector.
 */
public enum EmbeddingScheme {

    /** The bare text: how every store made before the entity was embedded holds its vectors. */
    TEXT("text") {
        @Override
        public String passage(String entity, String text) {
            return text;
        }
    },
    /**
     * The entity, then the text without parenthesised dates and clock times. Who or what a memory is about is part
     * of its meaning (the largest gain for paraphrased questions on the labelled set), while a time stamp on every
     * memory would otherwise dominate short texts' vectors and says nothing a question's wording matches.
     */
    ENTITY_TEXT("entity-text") {
        @Override
        public String passage(String entity, String text) {
            String withoutDates = DATE_OR_TIME_IN_PARENTHESES.matcher(text).replaceAll("").strip();
            String body = withoutDates.isEmpty() ? text : withoutDates;
            return entity == null || entity.isBlank() ? body : entity + ": " + body;
        }
    };

    /** A parenthesised group holding a four-digit year or a clock time, with the white space before it. */
    private static final Pattern DATE_OR_TIME_IN_PARENTHESES =
            Pattern.compile("\\s*\\([^()]*(?:\\b\\d{4}\\b|\\d{1,2}:\\d{2})[^()]*\\)");

    private final String id;

    EmbeddingScheme(String id) {
        this.id = id;
    }

    /** The name in configuration ({@code memory.embedding.scheme}) and in export files. */
    public String id() {
        return id;
    }

    /** The text to embed for a memory of this entity and text. */
    public abstract String passage(String entity, String text);

    public static EmbeddingScheme fromId(String id) {
        for (EmbeddingScheme scheme : values()) {
            if (scheme.id.equals(id)) {
                return scheme;
            }
        }
        throw new IllegalArgumentException("Unknown embedding scheme '" + id + "'; allowed values: text, entity-text");
    }
}
