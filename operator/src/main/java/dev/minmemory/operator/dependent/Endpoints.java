package dev.minmemory.operator.dependent;

import java.util.List;

import dev.minmemory.operator.crd.MemoryServer;

/** Where clients reach a MemoryServer. */
public final class Endpoints {

    public static final int SERVER_PORT = 8080;
    /** Health and metrics: the server's management interface, never routed from outside the cluster. */
    public static final int MANAGEMENT_PORT = 9000;
    public static final String MCP_PATH = "/mcp";
    /** RFC 9728 metadata, at the well-known root and suffixed with the resource path. */
    public static final String PROTECTED_RESOURCE_METADATA_PATH = "/.well-known/oauth-protected-resource";

    /** Only MCP and its OAuth metadata are public; anything else, /q/* included, gets the entry point's 404. */
    public static final List<String> ROUTED_PATHS = List.of(MCP_PATH, PROTECTED_RESOURCE_METADATA_PATH);

    private Endpoints() {
    }

    /**
     * The origin the server advertises: the ingress host, the HTTPRoute's hostname, or the in-cluster Service when
     * there is neither.
     */
    public static String publicUrl(MemoryServer ms) {
        var ingress = ms.getSpec().getIngress();
        if (ingress.isEnabled()) {
            return "https://" + ingress.getHost();
        }
        var route = ms.getSpec().getHttpRoute();
        if (route.isEnabled()) {
            return "https://" + route.getHostname();
        }
        return "http://" + Names.server(ms) + "." + ms.getMetadata().getNamespace() + ".svc:" + SERVER_PORT;
    }

    public static String mcp(MemoryServer ms) {
        return publicUrl(ms) + MCP_PATH;
    }
}
