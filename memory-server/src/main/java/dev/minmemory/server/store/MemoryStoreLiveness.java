package dev.minmemory.server.store;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import dev.minmemory.server.memory.StoreHealth;
import dev.minmemory.server.memory.StoreStatus;

/**
 * DOWN when the memory store is in a state the process cannot leave by itself (the embedded index writer failed for
 * good, for example after running out of file descriptors), so that an orchestrator restarts the server; the restart
 * replays the write-ahead log. A store that is merely unreachable for a while stays live (readiness covers that).
 */
@Liveness
@ApplicationScoped
public class MemoryStoreLiveness implements HealthCheck {

    private final StoreHealth store;

    public MemoryStoreLiveness(StoreHealth store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        StoreStatus health = store.health();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("memory-store").status(health.live());
        if (!health.live()) {
            health.problem().ifPresent(problem -> response.withData("problem", problem));
        }
        return response.build();
    }
}
