package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.GatewayReference;
import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatchBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReferenceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The public entry point through the Gateway API: only the MCP paths are routed to the server Service; TLS is the
 * Gateway's. Fields the API server would default (group, kind, weight) are set, so that the object compares equal.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class HttpRouteDependentResource extends UpdatableOwnedResource<HTTPRoute> {

    static final String GATEWAY_GROUP = "gateway.networking.k8s.io";

    public HttpRouteDependentResource() {
        super(HTTPRoute.class);
    }

    @Override
    public HTTPRoute desired(MemoryServer primary, Inputs inputs) {
        var spec = primary.getSpec().getHttpRoute();
        return new HTTPRouteBuilder()
                .withMetadata(Metadata.of(primary, Names.httpRoute(primary), Labels.COMPONENT_SERVER))
                .withNewSpec()
                .withParentRefs(spec.getParentRefs().stream().map(HttpRouteDependentResource::parent).toList())
                .withHostnames(spec.getHostname())
                .addNewRule()
                .withMatches(Endpoints.ROUTED_PATHS.stream().map(HttpRouteDependentResource::prefix).toList())
                .addNewBackendRef().withGroup("").withKind("Service").withName(Names.server(primary))
                .withPort(Endpoints.SERVER_PORT).withWeight(1).endBackendRef()
                .endRule()
                .endSpec()
                .build();
    }

    private static ParentReference parent(GatewayReference gateway) {
        return new ParentReferenceBuilder()
                .withGroup(GATEWAY_GROUP)
                .withKind("Gateway")
                .withName(gateway.getName())
                .withNamespace(gateway.getNamespace())
                .withSectionName(gateway.getSectionName())
                .build();
    }

    private static HTTPRouteMatch prefix(String path) {
        return new HTTPRouteMatchBuilder().withNewPath().withType("PathPrefix").withValue(path).endPath().build();
    }
}
