package dev.minmemory.server;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import dev.minmemory.server.embedding.BackgroundLoadingEmbedder;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.CommandLineArguments;

/**
 * The server loads the embedding model at once; a one-off command does not (export and import never embed; reembed
 * loads it itself).
 * It starts after every other start-up check, so that a server refusing to start (such as {@code LocalModeGuard})
 * exits before the model's native libraries load.
 */
@Singleton
class EmbeddingModelStartup {

    private static final Logger LOG = Logger.getLogger(EmbeddingModelStartup.class);

    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) StartupEvent event,
            @CommandLineArguments String[] args,
            BackgroundLoadingEmbedder embedder) {
        if (Main.isCommand(args)) {
            LOG.debugf("Command %s: the embedding model is not loaded", args[0]);
            return;
        }
        embedder.startLoading();
    }
}
