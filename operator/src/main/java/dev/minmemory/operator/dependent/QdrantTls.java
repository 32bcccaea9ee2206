package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;

/**
 * Where Qdrant's TLS material is mounted from the cert-manager Secret (tls.crt, tls.key, ca.crt), and the scheme the
 * server, the probes and the peers use.
 */
final class QdrantTls {

    static final String VOLUME = "qdrant-tls";
    static final String QDRANT_DIR = "/qdrant/tls";
    static final String SERVER_DIR = "/etc/min-memory/qdrant-tls";
    static final String CA_KEY = "ca.crt";

    private QdrantTls() {
    }

    static boolean enabled(MemoryServer ms) {
        return ms.getSpec().getQdrant().getTls().isEnabled();
    }

    static String scheme(MemoryServer ms) {
        return enabled(ms) ? "https" : "http";
    }
}
