package dev.minmemory.server.memory;

/** How widely a memory applies: everywhere, within one project, or within one task of a project. */
public enum Scope implements WireEnum {
    GLOBAL,
    PROJECT,
    TASK
}
