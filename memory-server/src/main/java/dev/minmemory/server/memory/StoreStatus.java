package dev.minmemory.server.memory;

import java.util.Map;
import java.util.Optional;

/**
 * What the health checks publish about the memory store. Health endpoints are open, so this holds no path, address or
 * credential: the kind of store, whether it serves, whether it can get back to serving by itself, and why not.
 *
 * @param store {@code embedded} or {@code qdrant}
 * @param ready whether reads and writes can be served now, writes durably
 * @param live false in a state the process cannot leave by itself: only a restart helps
 * @param problem why it is not ready or not live, or what is degraded while it still serves
 * @param details counters an operator should see (quarantined log entries, damaged log segments)
 */
public record StoreStatus(String store, boolean ready, boolean live, Optional<String> problem,
        Map<String, Object> details) {

    public static StoreStatus of(String store, boolean ready, String problem) {
        return new StoreStatus(store, ready, true, Optional.ofNullable(problem), Map.of());
    }
}
