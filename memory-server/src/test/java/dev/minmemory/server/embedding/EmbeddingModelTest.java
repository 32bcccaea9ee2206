package dev.minmemory.server.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EmbeddingModelTest {

    @Test
    void findsModelsByTheirIds() {
        assertThat(EmbeddingModel.fromId("bge-small-en-v1.5-q")).isEqualTo(EmbeddingModel.BGE_SMALL_EN_V15_Q);
        assertThat(EmbeddingModel.fromId("bge-small-en-v1.5")).isEqualTo(EmbeddingModel.BGE_SMALL_EN_V15);
    }

    @Test
    void defaultsToTheQuantisedModel() {
        assertThat(EmbeddingModel.DEFAULT).isEqualTo(EmbeddingModel.BGE_SMALL_EN_V15_Q);
    }

    @Test
    void rejectsAnUnknownIdNamingTheAllowedValues() {
        assertThatThrownBy(() -> EmbeddingModel.fromId("all-MiniLM-L6-v2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("all-MiniLM-L6-v2")
                .hasMessageContaining("bge-small-en-v1.5-q, bge-small-en-v1.5");
    }

    @ParameterizedTest
    @EnumSource(EmbeddingModel.class)
    void findsTheModelAndTokenizerFilesOnTheClasspath(EmbeddingModel model) {
        ClassLoader loader = getClass().getClassLoader();

        assertThat(loader.getResource(model.modelResource())).as(model.modelResource()).isNotNull();
        assertThat(loader.getResource(model.tokenizerResource())).as(model.tokenizerResource()).isNotNull();
    }
}
