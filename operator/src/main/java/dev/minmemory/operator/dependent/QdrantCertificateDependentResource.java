package dev.minmemory.operator.dependent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.minmemory.operator.crd.IssuerReference;
import dev.minmemory.operator.crd.MemoryServer;
import dev.minmemory.operator.events.OperatorEvents;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.GenericKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/**
 * cert-manager's Certificate for Qdrant's TLS, issued into the Secret Qdrant and the server mount. Its names cover
 * the client Service (what QDRANT_URL names) and every pod behind the headless Service (what the peers of a Qdrant
 * cluster call each other), with a wildcard so that scaling needs no new certificate. Handled as a generic resource:
 * the operator needs only this one kind of cert-manager's API.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class QdrantCertificateDependentResource extends GenericKubernetesDependentResource<MemoryServer>
        implements DesiredState<GenericKubernetesResource>, Creator<GenericKubernetesResource, MemoryServer>,
        Updater<GenericKubernetesResource, MemoryServer>, GarbageCollected<MemoryServer> {

    static final String API_VERSION = "cert-manager.io/v1";
    static final String KIND = "Certificate";

    public QdrantCertificateDependentResource() {
        super(new GroupVersionKind(API_VERSION, KIND));
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
        spec.put("secretTemplate", ordered("labels", Labels.of(primary, Labels.COMPONENT_QDRANT)));
        spec.put("commonName", Names.qdrant(primary));
        spec.put("dnsNames", dnsNames(primary));
        spec.put("usages", List.of("digital signature", "key encipherment", "server auth"));
        spec.put("privateKey", ordered("algorithm", "ECDSA", "size", 256, "encoding", "PKCS8",
                "rotationPolicy", "Always"));
        spec.put("issuerRef", ordered("name", issuer.getName(), "kind", issuer.getKind(), "group", issuer.getGroup()));
        return spec;
    }

    /** Fields in a fixed order, so that the manifest is the same on every run. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static List<String> dnsNames(MemoryServer primary) {
        String namespace = primary.getMetadata().getNamespace();
        String service = Names.qdrant(primary);
        String headless = Names.qdrantHeadless(primary);
        return List.of(service, service + "." + namespace, service + "." + namespace + ".svc",
                headless + "." + namespace + ".svc", "*." + headless + "." + namespace + ".svc");
    }

    // As OwnedResource does for typed objects: QOSDK needs this subclass of GenericKubernetesDependentResource.
    @Override
    protected GenericKubernetesResource desired(MemoryServer primary, Context<MemoryServer> context) {
        return desired(primary, OperatorContext.inputs(primary, context));
    }

    @Override
    public GenericKubernetesResource create(GenericKubernetesResource desired, MemoryServer primary,
            Context<MemoryServer> context) {
        var created = super.create(desired, primary, context);
        OperatorEvents.normal(context.getClient(), primary, "Created", "Created " + OwnedResource.describe(desired));
        return created;
    }

    @Override
    public GenericKubernetesResource update(GenericKubernetesResource actual, GenericKubernetesResource desired,
            MemoryServer primary, Context<MemoryServer> context) {
        var updated = super.update(actual, desired, primary, context);
        OperatorEvents.normal(context.getClient(), primary, "Updated", "Updated " + OwnedResource.describe(desired));
        return updated;
    }

    @Override
    protected InformerEventSource<GenericKubernetesResource, MemoryServer> createEventSource(
            EventSourceContext<MemoryServer> context) {
        context.getClient().getKubernetesSerialization().registerKubernetesResource(CertificateKind.class);
        return super.createEventSource(context);
    }

    @Override
    protected boolean useSSA(Context<MemoryServer> context) {
        return OperatorContext.config(context).serverSideApply();
    }
}
