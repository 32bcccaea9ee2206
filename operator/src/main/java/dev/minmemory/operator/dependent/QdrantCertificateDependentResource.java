package dev.minmemory.operator.dependent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.minmemory.operator.crd.IssuerReference;
import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * cert-manager's Certificate for Qdrant's TLS, issued into the Secret Qdrant and the server mount. Its names cover
 * the client Service (what QDRANT_URL names) and every pod behind the headless Service (what the peers of a Qdrant
 * cluster call each other), with a wildcard so that scaling needs no new certificate. Handled as a generic resource:
 * the operator needs only this one kind of cert-manager's API.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class QdrantCertificateDependentResource extends UpdatableOwnedResource<GenericKubernetesResource> {

    static final String API_VERSION = "cert-manager.io/v1";
    static final String KIND = "Certificate";

    public QdrantCertificateDependentResource() {
        super(GenericKubernetesResource.class);
    }

    public static boolean served(KubernetesClient client) {
        return ServedKinds.serves(client, API_VERSION, KIND);
    }

    @Override
    public GenericKubernetesResource desired(MemoryServer primary, Inputs inputs) {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion(API_VERSION)
                .withKind(KIND)
                .withMetadata(Metadata.of(primary, Names.qdrantCertificate(primary), Labels.COMPONENT_QDRANT))
                .addToAdditionalProperties("spec", spec(primary))
                .build();
    }

    private static Map<String, Object> spec(MemoryServer primary) {
        IssuerReference issuer = primary.getSpec().getQdrant().getTls().getIssuerRef();
        var spec = new LinkedHashMap<String, Object>();
        spec.put("secretName", Names.qdrantTlsSecret(primary));
        spec.put("secretTemplate", Map.of("labels", Labels.of(primary, Labels.COMPONENT_QDRANT)));
        spec.put("commonName", Names.qdrant(primary));
        spec.put("dnsNames", dnsNames(primary));
        spec.put("usages", List.of("digital signature", "key encipherment", "server auth"));
        spec.put("privateKey", Map.of("algorithm", "ECDSA", "size", 256, "encoding", "PKCS8",
                "rotationPolicy", "Always"));
        spec.put("issuerRef", Map.of("name", issuer.getName(), "kind", issuer.getKind(), "group", issuer.getGroup()));
        return spec;
    }

    static List<String> dnsNames(MemoryServer primary) {
        String namespace = primary.getMetadata().getNamespace();
        String service = Names.qdrant(primary);
        String headless = Names.qdrantHeadless(primary);
        return List.of(service, service + "." + namespace, service + "." + namespace + ".svc",
                headless + "." + namespace + ".svc", "*." + headless + "." + namespace + ".svc");
    }

    @Override
    protected InformerEventSourceConfiguration.Builder<GenericKubernetesResource> informerConfigurationBuilder(
            EventSourceContext<MemoryServer> context) {
        return InformerEventSourceConfiguration.from(new GroupVersionKind(API_VERSION, KIND),
                context.getPrimaryResourceClass());
    }
}
