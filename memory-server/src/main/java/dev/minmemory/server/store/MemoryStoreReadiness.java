package dev.minmemory.server.store;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the memory store can serve reads and writes. */
@Readiness
@ApplicationScoped
public class MemoryStoreReadiness implements HealthCheck {

    private final MemoryStore store;

    public MemoryStoreReadiness(MemoryStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("memory-store")
                .status(store.isAvailable())
                .withData("location", store.location())
                .build();
    }
}
