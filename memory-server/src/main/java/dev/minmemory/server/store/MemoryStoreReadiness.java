package dev.minmemory.server.store;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.minmemory.server.memory.StoreHealth;
import dev.minmemory.server.memory.StoreStatus;

/** Ready while the memory store can serve reads and writes, and make writes durable; DOWN with the reason. */
@Readiness
@ApplicationScoped
public class MemoryStoreReadiness implements HealthCheck {

    private final StoreHealth store;

    public MemoryStoreReadiness(StoreHealth store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        StoreStatus health = store.health();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("memory-store")
                .status(health.ready())
                .withData("store", health.store());
        health.problem().ifPresent(problem -> response.withData("problem", problem));
        health.details().forEach((name, value) -> response.withData(name, String.valueOf(value)));
        return response.build();
    }
}
