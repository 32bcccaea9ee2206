package dev.minmemory.server.stdio;

import java.io.IOException;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.minmemory.server.memory.MemoryConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.http.HttpServerStart;

/** Writes the data directory's {@link ServerRecord} once the server listens, and removes it when the server stops. */
@Singleton
public class ServerRecordKeeper {

    private static final Logger LOG = Logger.getLogger(ServerRecordKeeper.class);

    private final MemoryConfig memory;
    private final String host;
    private final int managementPort;
    private volatile ServerRecord written;

    public ServerRecordKeeper(MemoryConfig memory, @ConfigProperty(name = "quarkus.http.host") String host,
            @ConfigProperty(name = "quarkus.management.port") int managementPort) {
        this.memory = memory;
        this.host = host;
        this.managementPort = managementPort;
    }

    void onListening(@ObservesAsync HttpServerStart start) {
        ServerRecord record = ServerRecord.ofThisProcess(LocalServerSettings.loopbackFor(host),
                start.options().getPort(), managementPort);
        try {
            record.write(memory.dataDir());
            written = record;
        } catch (IOException e) {
            LOG.warnf("Could not write %s: stdio clients will not find this server (%s)",
                    memory.dataDir().resolve(ServerRecord.FILE_NAME), e);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (written != null) {
            try {
                written.remove(memory.dataDir());
            } catch (IOException e) {
                LOG.debugf("Could not remove the server record: %s", e);
            }
        }
    }
}
