package dev.minmemory.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.minmemory.server.memory.MemoryRequestException;
import dev.minmemory.server.memory.MemoryType;

class StoredValuesTest {

    @Test
    void aStoredMemoryTypeReadsBackByItsWireName() {
        assertThat(StoredValues.memoryType("task_instruction")).isEqualTo(MemoryType.TASK_INSTRUCTION);
    }

    @Test
    void anUnknownStoredValueIsACorruptRecordNotACallersMistake() {
        assertThatThrownBy(() -> StoredValues.memoryType("x")).isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(MemoryRequestException.class).hasMessageContaining("Corrupt stored record");
    }
}
