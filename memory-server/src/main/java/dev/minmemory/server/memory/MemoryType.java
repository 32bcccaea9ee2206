package dev.minmemory.server.memory;

/** What kind of knowledge a memory holds. */
public enum MemoryType implements WireEnum {
    CORE_IDENTITY,
    PROJECT_CONTEXT,
    TASK_INSTRUCTION,
    EPISODIC
}
