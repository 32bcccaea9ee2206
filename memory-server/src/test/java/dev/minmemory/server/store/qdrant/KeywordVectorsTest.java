package dev.minmemory.server.store.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.Scope;
import io.qdrant.client.grpc.Points.SparseVector;

class KeywordVectorsTest {

    private final KeywordVectors keywords = new KeywordVectors();

    @Test
    void aDocumentTermWeighsItsSaturatedBm25TermFrequency() {
        // "kafka kafka retention" + entity "logs": 4 terms, kafka twice; Porter stems the other two.
        SparseVector vector = keywords.document(memory("kafka kafka retention", "logs", List.of()));
        double norm = KeywordVectors.K1 * (1 - KeywordVectors.B + KeywordVectors.B * 4 / KeywordVectors.AVERAGE_LENGTH);

        assertThat(value(vector, "kafka")).isCloseTo(2 * (KeywordVectors.K1 + 1) / (2 + norm), offset(1e-6));
        assertThat(value(vector, "retent")).isCloseTo((KeywordVectors.K1 + 1) / (1 + norm), offset(1e-6));
        assertThat(value(vector, "log")).isCloseTo((KeywordVectors.K1 + 1) / (1 + norm), offset(1e-6));
    }

    @Test
    void stopWordsAreLeftOutAndCaseIsIgnored() {
        SparseVector vector = keywords.query("The Kafka and the KAFKA");

        assertThat(vector.getIndicesList()).containsExactly(KeywordVectors.index("kafka"));
        assertThat(value(vector, "kafka")).isEqualTo(2.0);
    }

    @Test
    void aTermsIndexIsItsMurmurHashStableAcrossRuns() {
        assertThat(KeywordVectors.index("kafka")).isEqualTo(KeywordVectors.index("kafka"))
                .isNotEqualTo(KeywordVectors.index("kafkas"));
        assertThat(keywords.query("").getIndicesCount()).isZero();
    }

    private static double value(SparseVector vector, String term) {
        int at = vector.getIndicesList().indexOf(KeywordVectors.index(term));
        assertThat(at).as("term %s", term).isNotNegative();
        return vector.getValues(at);
    }

    private static Memory memory(String text, String entity, List<String> tags) {
        return new Memory("id", "u", text, MemoryType.EPISODIC, Scope.GLOBAL, entity, null, null, null, null, tags,
                "active", null, Instant.EPOCH, Instant.EPOCH, false, null, null);
    }
}
