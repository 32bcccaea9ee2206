package dev.minmemory.server;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.minmemory.server.memory.MemoryBackend;
import dev.minmemory.server.memory.MemoryService;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.CommandLineArguments;

/**
 * The server refuses to start on a store whose recorded layout the configuration does not accept (another embedding
 * model, an explicitly configured other scheme, an unfinished re-embedding), with the message saying what to do. A
 * store not available yet (Qdrant still connecting) is checked on its first use instead. Commands are not checked:
 * {@code reembed} is how such a store is fixed.
 */
@Singleton
class IndexLayoutStartup {

    void onStart(@Observes StartupEvent event, @CommandLineArguments String[] args, MemoryBackend store,
            MemoryService memories) {
        if (!Main.isCommand(args) && store.isAvailable()) {
            memories.layout();
        }
    }
}
