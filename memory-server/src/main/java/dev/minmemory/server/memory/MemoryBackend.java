package dev.minmemory.server.memory;

/** A storage backend: what each store adapter implements, and the one the server is composed with. */
public interface MemoryBackend extends MemoryStore, BulkMemoryAccess, StoreHealth {
}
