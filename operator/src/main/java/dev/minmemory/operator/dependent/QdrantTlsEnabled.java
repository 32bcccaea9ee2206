package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Qdrant's Certificate exists only while spec.qdrant.tls.enabled; switching it off deletes it. */
public class QdrantTlsEnabled implements Condition<GenericKubernetesResource, MemoryServer> {

    @Override
    public boolean isMet(DependentResource<GenericKubernetesResource, MemoryServer> dependentResource,
            MemoryServer primary, Context<MemoryServer> context) {
        return QdrantTls.enabled(primary);
    }
}
