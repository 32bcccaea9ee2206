package dev.minmemory.server.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ConfiguredEmbeddingTest {

    private static final IndexLayout BGE_TEXT = new IndexLayout("bge-small-en-v1.5-q", EmbeddingScheme.TEXT,
            "english");

    @Test
    void aNewStoreGetsTheConfiguredSchemeOrEntityTextWhenNoneIsSet() {
        assertThat(new ConfiguredEmbedding("bge-small-en-v1.5-q", Optional.empty()).layoutOfNewVectors("english"))
                .isEqualTo(new IndexLayout("bge-small-en-v1.5-q", EmbeddingScheme.ENTITY_TEXT, "english"));
        assertThat(new ConfiguredEmbedding("e5-small-v2-q", Optional.of(EmbeddingScheme.TEXT))
                .layoutOfNewVectors("english"))
                .isEqualTo(new IndexLayout("e5-small-v2-q", EmbeddingScheme.TEXT, "english"));
    }

    @Test
    void aSchemeLeftUnsetFollowsTheStoresRecord() {
        assertThat(new ConfiguredEmbedding("bge-small-en-v1.5-q", Optional.empty()).accept(BGE_TEXT))
                .isEqualTo(BGE_TEXT);
        assertThat(new ConfiguredEmbedding("bge-small-en-v1.5-q", Optional.of(EmbeddingScheme.TEXT)).accept(BGE_TEXT))
                .isEqualTo(BGE_TEXT);
    }

    @Test
    void anotherModelThanTheRecordedOneIsRefusedOnOneLineThatSaysWhatToDo() {
        assertThatThrownBy(() -> new ConfiguredEmbedding("e5-small-v2-q", Optional.empty()).accept(BGE_TEXT))
                .isInstanceOf(IndexLayoutMismatchException.class)
                .hasMessageContaining("bge-small-en-v1.5-q")
                .hasMessageContaining("reembed")
                .hasMessageContaining("MEMORY_EMBEDDING_MODEL=bge-small-en-v1.5-q")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anExplicitlyConfiguredSchemeThatDiffersFromTheRecordIsRefusedWithTheReembedHint() {
        assertThatThrownBy(() -> new ConfiguredEmbedding("bge-small-en-v1.5-q",
                Optional.of(EmbeddingScheme.ENTITY_TEXT)).accept(BGE_TEXT))
                .isInstanceOf(IndexLayoutMismatchException.class)
                .hasMessageContaining("reembed")
                .hasMessageContaining("unset MEMORY_EMBEDDING_SCHEME")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aStoreWhoseReembeddingDidNotFinishIsRefusedUntilItIsRunAgain() {
        assertThatThrownBy(() -> new ConfiguredEmbedding("bge-small-en-v1.5-q", Optional.empty())
                .accept(BGE_TEXT.whileReembedding()))
                .isInstanceOf(IndexLayoutMismatchException.class)
                .hasMessageContaining("run the reembed command again")
                .hasMessageNotContaining("\n");
    }
}
