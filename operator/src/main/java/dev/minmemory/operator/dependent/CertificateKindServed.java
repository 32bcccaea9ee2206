package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Activation condition: the Certificate dependent, and its informer, exist only once the cluster serves cert-manager's
 * Certificate, so the operator starts and works without cert-manager.
 */
public class CertificateKindServed implements Condition<GenericKubernetesResource, MemoryServer> {

    @Override
    public boolean isMet(DependentResource<GenericKubernetesResource, MemoryServer> dependentResource,
            MemoryServer primary, Context<MemoryServer> context) {
        return QdrantCertificateDependentResource.served(context.getClient());
    }
}
