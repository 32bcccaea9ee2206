package dev.minmemory.operator.dependent;

import dev.minmemory.operator.config.OperatorConfig;

/**
 * What desired objects are computed from besides the MemoryServer itself.
 *
 * @param qdrantApiKeyDigest digest of the live Qdrant API key; the workloads carry it so that a recreated key rolls them
 */
public record Inputs(OperatorConfig config, String qdrantApiKeyDigest) {
}
