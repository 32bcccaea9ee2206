package dev.minmemory.operator.dependent;

import java.util.Optional;

import dev.minmemory.operator.config.OperatorConfig;

/**
 * What desired objects are computed from besides the MemoryServer itself.
 *
 * @param qdrantApiKeyDigest digest of the live Qdrant API key; the workloads carry it so that a recreated key rolls them
 * @param sessionKeyDigest digest of the live session signing key; the server carries it so that a recreated key rolls
 *        every replica onto it
 * @param keptQdrantVolumeSize the size Qdrant's claim template keeps when a change of spec.qdrant.storage.size was
 *        refused (see {@link QdrantVolumes})
 * @param keptQdrantReplicas the replicas Qdrant's StatefulSet keeps when a scale-down was refused (see
 *        {@link QdrantScaling})
 */
public record Inputs(OperatorConfig config, String qdrantApiKeyDigest, String sessionKeyDigest,
        Optional<String> keptQdrantVolumeSize,
        Optional<Integer> keptQdrantReplicas) {
}
