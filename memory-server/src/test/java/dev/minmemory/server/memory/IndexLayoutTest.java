package dev.minmemory.server.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndexLayoutTest {

    @Test
    void aStoreMadeBeforeLayoutsWereRecordedHoldsBareTextVectorsOfTheConfiguredBgeModel() {
        assertThat(IndexLayout.legacy("bge-small-en-v1.5")).isEqualTo(
                new IndexLayout("bge-small-en-v1.5", EmbeddingScheme.TEXT, IndexLayout.LEGACY_KEYWORD_ANALYSIS));
    }

    @Test
    void aStoreMadeBeforeLayoutsWereRecordedIsNeverTakenForOneOfAModelThatCameLater() {
        assertThat(IndexLayout.legacy("e5-small-v2-q").embeddingModel()).isEqualTo("bge-small-en-v1.5-q");
    }
}
