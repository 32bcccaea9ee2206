package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every object the operator would apply for a MemoryServer, keyed by a file-friendly name. */
final class DesiredObjects {

    static final List<OwnedResource<? extends HasMetadata>> DEPENDENTS = List.of(
            new QdrantApiKeySecretDependentResource(),
            new AuthSecretDependentResource(),
            new QdrantServiceDependentResource(),
            new QdrantHeadlessServiceDependentResource(),
            new QdrantStatefulSetDependentResource(),
            new ServerServiceDependentResource(),
            new ServerDeploymentDependentResource(),
            new IngressDependentResource(),
            new QdrantNetworkPolicyDependentResource(),
            new ServerNetworkPolicyDependentResource(),
            new QdrantPodDisruptionBudgetDependentResource(),
            new ServerPodDisruptionBudgetDependentResource());

    private DesiredObjects() {
    }

    static Map<String, HasMetadata> of(MemoryServer ms, Inputs inputs) {
        var objects = new LinkedHashMap<String, HasMetadata>();
        for (var dependent : DEPENDENTS) {
            HasMetadata object = dependent.desired(ms, inputs);
            objects.put(object.getKind().toLowerCase() + "-" + object.getMetadata().getName(), object);
        }
        return objects;
    }
}
