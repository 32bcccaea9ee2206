package dev.minmemory.operator;

import java.util.Optional;

import dev.minmemory.operator.config.OperatorConfig;
import dev.minmemory.operator.dependent.Inputs;

/** Operator configuration for unit tests, with the production default of server-side apply switched on. */
public record TestConfig(String serverImage, String qdrantImage, boolean serverSideApply) implements OperatorConfig {

    public static final String SERVER_IMAGE = "ghcr.io/min-memory/memory-server:test";
    public static final String QDRANT_IMAGE = "docker.io/qdrant/qdrant:test";

    public static Inputs inputs() {
        return new Inputs(new TestConfig(SERVER_IMAGE, QDRANT_IMAGE, true), "digest-of-key", "digest-of-session-key",
                Optional.empty(),
                Optional.empty());
    }
}
