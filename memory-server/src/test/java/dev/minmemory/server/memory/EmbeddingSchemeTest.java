package dev.minmemory.server.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmbeddingSchemeTest {

    @Test
    void textEmbedsTheBareTextWithItsDates() {
        assertThat(EmbeddingScheme.TEXT.passage("Caroline", "Caroline (1:56 pm on 8 May, 2023): I went hiking."))
                .isEqualTo("Caroline (1:56 pm on 8 May, 2023): I went hiking.");
    }

    @Test
    void entityTextPutsTheEntityBeforeTheText() {
        assertThat(EmbeddingScheme.ENTITY_TEXT.passage("Alice", "prefers tabs over spaces."))
                .isEqualTo("Alice: prefers tabs over spaces.");
    }

    @Test
    void entityTextLeavesParenthesisedDatesOutOfTheVector() {
        assertThat(EmbeddingScheme.ENTITY_TEXT.passage("Caroline", "Caroline (8 May, 2023): I went hiking."))
                .isEqualTo("Caroline: Caroline: I went hiking.");
        assertThat(EmbeddingScheme.ENTITY_TEXT.passage("ops", "The release (planned for 2025-03-14) slipped."))
                .isEqualTo("ops: The release slipped.");
    }

    @Test
    void entityTextLeavesParenthesisedClockTimesOutOfTheVector() {
        assertThat(EmbeddingScheme.ENTITY_TEXT.passage("Caroline", "Caroline (1:56 pm on 8 May, 2023): I went."))
                .isEqualTo("Caroline: Caroline: I went.");
        assertThat(EmbeddingScheme.ENTITY_TEXT.passage("team", "Stand-up moved (now 9:30) to the small room."))
                .isEqualTo("team: Stand-up moved to the small room.");
    }

    @Test
    void entityTextKeepsParenthesesWithoutADateOrTime() {
        assertThat(EmbeddingScheme.ENTITY_TEXT.passage("api", "Retries use backoff (exponential, max 5) on 503."))
                .isEqualTo("api: Retries use backoff (exponential, max 5) on 503.");
        assertThat(EmbeddingScheme.ENTITY_TEXT.passage("api", "Dates outside parentheses stay: 2023, 10:30."))
                .isEqualTo("api: Dates outside parentheses stay: 2023, 10:30.");
    }

    @Test
    void entityTextWithoutAnEntityIsTheTextAlone() {
        assertThat(EmbeddingScheme.ENTITY_TEXT.passage(null, "I went hiking (May 2023).")).isEqualTo("I went hiking.");
        assertThat(EmbeddingScheme.ENTITY_TEXT.passage(" ", "I went hiking.")).isEqualTo("I went hiking.");
    }

    @Test
    void aTextThatIsOnlyADateKeepsTheDate() {
        assertThat(EmbeddingScheme.ENTITY_TEXT.passage("Bob", "(8 May, 2023)")).isEqualTo("Bob: (8 May, 2023)");
    }

    @Test
    void schemesAreFoundByTheirIds() {
        assertThat(EmbeddingScheme.fromId("text")).isEqualTo(EmbeddingScheme.TEXT);
        assertThat(EmbeddingScheme.fromId("entity-text")).isEqualTo(EmbeddingScheme.ENTITY_TEXT);
        assertThatThrownBy(() -> EmbeddingScheme.fromId("entity")).hasMessageContaining("text, entity-text");
    }
}
