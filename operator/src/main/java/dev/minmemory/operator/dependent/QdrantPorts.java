package dev.minmemory.operator.dependent;

/** Qdrant's ports: REST, gRPC (what the memory server uses) and the peer-to-peer port of cluster mode. */
final class QdrantPorts {

    static final int HTTP = 6333;
    static final int GRPC = 6334;
    static final int P2P = 6335;

    private QdrantPorts() {
    }
}
