package dev.minmemory.server.memory;

/** What operators see of a store: whether it serves now, and where it keeps the memories. */
public interface StoreHealth {

    /** Whether the store can serve reads and writes right now. */
    boolean isAvailable();

    /** What the health checks publish: never a path or an address. */
    StoreStatus health();

    /** Where the memories are: the kind of store and its location. */
    String location();
}
