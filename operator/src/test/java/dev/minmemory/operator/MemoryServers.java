package dev.minmemory.operator;

import dev.minmemory.operator.crd.AuthSpec;
import dev.minmemory.operator.crd.GatewayReference;
import dev.minmemory.operator.crd.HttpRouteSpec;
import dev.minmemory.operator.crd.IssuerReference;
import dev.minmemory.operator.crd.MemoryServer;
import dev.minmemory.operator.crd.QdrantTlsSpec;
import dev.minmemory.operator.crd.TlsSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/** Valid MemoryServers for tests, to be adjusted per case. */
public final class MemoryServers {

    private MemoryServers() {
    }

    /** Auth0 tenant, ingress on memory.&lt;namespace&gt;.example.com with a cert-manager ClusterIssuer. */
    public static MemoryServer auth0(String namespace, String name) {
        var ms = new MemoryServer();
        ms.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).withGeneration(1L)
                .withUid(namespace + "-" + name + "-uid").build());
        var auth = new AuthSpec();
        auth.setAuth0Domain("team-a.eu.auth0.com");
        auth.setAudience("https://memory." + namespace + ".example.com/mcp");
        ms.getSpec().setAuth(auth);
        ms.getSpec().getIngress().setHost("memory." + namespace + ".example.com");
        var tls = new TlsSpec();
        tls.setClusterIssuer("letsencrypt-prod");
        ms.getSpec().getIngress().setTls(tls);
        return ms;
    }

    /** An enabled HTTPRoute for the host, attached to the HTTPS listener of one Gateway. */
    public static HttpRouteSpec httpRoute(String hostname, String gateway, String gatewayNamespace) {
        var parent = new GatewayReference();
        parent.setName(gateway);
        parent.setNamespace(gatewayNamespace);
        parent.setSectionName("https");
        var route = new HttpRouteSpec();
        route.setEnabled(true);
        route.setHostname(hostname);
        route.getParentRefs().add(parent);
        return route;
    }

    /** Qdrant TLS switched on, its certificate from this cert-manager issuer (cert-manager.io group). */
    public static QdrantTlsSpec qdrantTls(String issuer, String kind) {
        var reference = new IssuerReference();
        reference.setName(issuer);
        reference.setKind(kind);
        var tls = new QdrantTlsSpec();
        tls.setEnabled(true);
        tls.setIssuerRef(reference);
        return tls;
    }
}
