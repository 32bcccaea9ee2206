package dev.minmemory.server.memory;

/** The kind of a typed link from one memory to another. */
public enum RelationType implements WireEnum {
    SUPPORTS,
    CONTRADICTS,
    SUPERSEDES,
    REFINES,
    DEPENDS_ON,
    IMPLEMENTS,
    EXAMPLE_OF
}
