package dev.minmemory.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Every block has a default of {}, so that the API server fills in the nested defaults and evaluates every CEL rule,
 * transition rules included, even when a manifest leaves a block out.
 */
@ValidationRule(value = "!(self.ingress.enabled && self.httpRoute.enabled)",
        message = "choose one entry point: set ingress.enabled to false to use httpRoute")
public class MemoryServerSpec {

    @Required
    @JsonPropertyDescription("Who may call the MCP endpoint: the OIDC issuer (or Auth0 tenant) and the token audience.")
    private AuthSpec auth;

    @Default("{}")
    @JsonPropertyDescription("The memory server Deployment.")
    private ServerSpec server = new ServerSpec();

    @Default("{}")
    @JsonPropertyDescription("The Qdrant vector database StatefulSet.")
    private QdrantSpec qdrant = new QdrantSpec();

    @Default("{}")
    @JsonPropertyDescription("The public HTTPS entry point.")
    private IngressSpec ingress = new IngressSpec();

    @Default("{}")
    @JsonPropertyDescription("The public entry point through the Gateway API, an alternative to the Ingress.")
    private HttpRouteSpec httpRoute = new HttpRouteSpec();

    @Default("{}")
    @JsonPropertyDescription("NetworkPolicies that isolate Qdrant and the server.")
    private NetworkPolicySpec networkPolicy = new NetworkPolicySpec();

    @Default("{}")
    @JsonPropertyDescription("Prometheus scraping of the server and Qdrant (prometheus-operator PodMonitors).")
    private MonitoringSpec monitoring = new MonitoringSpec();

    public AuthSpec getAuth() {
        return auth;
    }

    public void setAuth(AuthSpec auth) {
        this.auth = auth;
    }

    public ServerSpec getServer() {
        return server;
    }

    public void setServer(ServerSpec server) {
        this.server = server;
    }

    public QdrantSpec getQdrant() {
        return qdrant;
    }

    public void setQdrant(QdrantSpec qdrant) {
        this.qdrant = qdrant;
    }

    public IngressSpec getIngress() {
        return ingress;
    }

    public void setIngress(IngressSpec ingress) {
        this.ingress = ingress;
    }

    public HttpRouteSpec getHttpRoute() {
        return httpRoute;
    }

    public void setHttpRoute(HttpRouteSpec httpRoute) {
        this.httpRoute = httpRoute;
    }

    public NetworkPolicySpec getNetworkPolicy() {
        return networkPolicy;
    }

    public void setNetworkPolicy(NetworkPolicySpec networkPolicy) {
        this.networkPolicy = networkPolicy;
    }

    public MonitoringSpec getMonitoring() {
        return monitoring;
    }

    public void setMonitoring(MonitoringSpec monitoring) {
        this.monitoring = monitoring;
    }
}
