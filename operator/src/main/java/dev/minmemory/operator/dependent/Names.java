package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;

/** Names of the objects one MemoryServer owns, derived from its own name so that instances never collide. */
public final class Names {

    private Names() {
    }

    public static String qdrant(MemoryServer ms) {
        return ms.getMetadata().getName() + "-qdrant";
    }

    public static String qdrantHeadless(MemoryServer ms) {
        return ms.getMetadata().getName() + "-qdrant-headless";
    }

    /** At most 50 characters: the CronJob controller appends 11 to name each Job, and Job names stop at 63. */
    public static String qdrantSnapshots(MemoryServer ms) {
        return ms.getMetadata().getName() + "-snapshots";
    }

    /** The cert-manager Certificate of Qdrant's TLS; it shares its name with the Secret it fills. */
    public static String qdrantCertificate(MemoryServer ms) {
        return ms.getMetadata().getName() + "-qdrant-tls";
    }

    public static String qdrantTlsSecret(MemoryServer ms) {
        return qdrantCertificate(ms);
    }

    public static String qdrantApiKeySecret(MemoryServer ms) {
        return ms.getMetadata().getName() + "-qdrant-api-key";
    }

    public static String sessionKeySecret(MemoryServer ms) {
        return ms.getMetadata().getName() + "-session-key";
    }

    public static String authSecret(MemoryServer ms) {
        return ms.getMetadata().getName() + "-auth";
    }

    public static String server(MemoryServer ms) {
        return ms.getMetadata().getName() + "-server";
    }

    public static String ingress(MemoryServer ms) {
        return ms.getMetadata().getName();
    }

    public static String httpRoute(MemoryServer ms) {
        return ms.getMetadata().getName();
    }

    /** Where cert-manager puts the certificate when the spec names a ClusterIssuer instead of a Secret. */
    public static String tlsSecret(MemoryServer ms) {
        var tls = ms.getSpec().getIngress().getTls();
        return tls.getSecretName() != null ? tls.getSecretName() : ms.getMetadata().getName() + "-tls";
    }
}
