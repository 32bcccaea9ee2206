package dev.minmemory.server.store.qdrant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.RelationType;
import dev.minmemory.server.memory.Scope;
import io.qdrant.client.grpc.JsonWithInt.Value;

class QdrantPayloadTest {

    private static final Memory MEMORY =
            new Memory("m1", "alice", "Orders live in Postgres", MemoryType.PROJECT_CONTEXT,
                    Scope.TASK, "postgres", "shop", "t42", List.of("m0"), Map.of("m0", RelationType.DEPENDS_ON),
                    List.of("db", "orders"), "active", null, Instant.parse("2026-01-01T00:00:00.123Z"),
                    Instant.parse("2026-01-02T00:00:00Z"), false, null, null);

    @Test
    void aMemoryReadsBackFromItsPayloadExactly() {
        assertThat(QdrantPayload.memory(QdrantPayload.of(MEMORY))).isEqualTo(MEMORY);
    }

    @Test
    void everyFilteredFieldIsATopLevelKeyInTheRecordsWireForm() {
        Map<String, Value> payload = QdrantPayload.of(MEMORY);

        assertThat(payload.get("user").getStringValue()).isEqualTo("alice");
        assertThat(payload.get("memory_type").getStringValue()).isEqualTo("project_context");
        assertThat(payload.get("task_id").getStringValue()).isEqualTo("t42");
        assertThat(payload.get("deleted").getBoolValue()).isFalse();
        assertThat(payload.get("tags").getListValue().getValuesList()).extracting(Value::getStringValue)
                .containsExactly("db", "orders");
        assertThat(payload.get("created_at").getStringValue()).isEqualTo("2026-01-01T00:00:00.123Z");
        assertThat(payload.get("priority").hasNullValue()).isTrue();
    }
}
