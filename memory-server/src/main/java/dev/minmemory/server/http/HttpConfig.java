package dev.minmemory.server.http;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "memory.http")
public interface HttpConfig {

    /** The public origin of the server ({@code MEMORY_PUBLIC_URL}), e.g. https://memory.team-a.example.com. */
    Optional<String> publicUrl();

    /**
     * Host names, besides the loopback names and the public URL's host, that may appear in the Host and Origin
     * headers of MCP requests ({@code MEMORY_ALLOWED_HOSTS}, comma-separated), e.g. an in-cluster service name.
     */
    Optional<List<String>> allowedHosts();
}
