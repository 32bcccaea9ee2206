package dev.minmemory.server.store;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.minmemory.server.memory.StoreHealth;

/** Ready while the memory store can serve reads and writes. */
@Readiness
@ApplicationScoped
public class MemoryStoreReadiness implements HealthCheck {

    private final StoreHealth store;

    public MemoryStoreReadiness(StoreHealth store) {
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
