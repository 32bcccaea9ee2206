package dev.minmemory.operator.dependent;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.minmemory.operator.crd.IngressSpec;
import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The public HTTPS entry point; the TLS certificate is either an existing Secret or issued by cert-manager. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class IngressDependentResource extends UpdatableOwnedResource<Ingress> {

    public static final String CLUSTER_ISSUER_ANNOTATION = "cert-manager.io/cluster-issuer";
    private static final String NGINX = "nginx";

    public IngressDependentResource() {
        super(Ingress.class);
    }

    @Override
    public Ingress desired(MemoryServer primary, Inputs inputs) {
        IngressSpec spec = primary.getSpec().getIngress();
        var metadata = Metadata.of(primary, Names.ingress(primary), Labels.COMPONENT_SERVER);
        metadata.setAnnotations(annotations(spec));
        return new IngressBuilder()
                .withMetadata(metadata)
                .withNewSpec()
                .withIngressClassName(spec.getClassName())
                .addNewTl().withHosts(spec.getHost()).withSecretName(Names.tlsSecret(primary)).endTl()
                .addNewRule()
                .withHost(spec.getHost())
                .withNewHttp()
                .withPaths(Endpoints.ROUTED_PATHS.stream().map(path -> serverPath(primary, path)).toList())
                .endHttp()
                .endRule()
                .endSpec()
                .build();
    }

    private static HTTPIngressPath serverPath(MemoryServer primary, String path) {
        return new HTTPIngressPathBuilder()
                .withPath(path)
                .withPathType("Prefix")
                .withNewBackend().withNewService().withName(Names.server(primary))
                .withNewPort().withName("http").endPort().endService().endBackend()
                .build();
    }

    private static Map<String, String> annotations(IngressSpec spec) {
        var annotations = new LinkedHashMap<>(spec.getAnnotations());
        if (NGINX.equals(spec.getClassName())) {
            // MCP responses can be long-lived event streams: no buffering, no 60 s idle cut-off.
            annotations.put("nginx.ingress.kubernetes.io/proxy-buffering", "off");
            annotations.put("nginx.ingress.kubernetes.io/proxy-read-timeout", "3600");
        }
        if (spec.getTls().getClusterIssuer() != null) {
            annotations.put(CLUSTER_ISSUER_ANNOTATION, spec.getTls().getClusterIssuer());
        }
        return annotations;
    }
}
