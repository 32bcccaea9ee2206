package dev.minmemory.server.http;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "memory.http")
public interface HttpConfig {

    /**
     * Host names, besides the loopback names, that may appear in the Host and Origin headers of MCP requests
     * (for example the public name behind a proxy).
     */
    Optional<List<String>> allowedHosts();
}
