package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** The HTTPRoute exists only while spec.httpRoute.enabled; switching it off deletes it. */
public class HttpRouteEnabled implements Condition<HTTPRoute, MemoryServer> {

    @Override
    public boolean isMet(DependentResource<HTTPRoute, MemoryServer> dependentResource, MemoryServer primary,
            Context<MemoryServer> context) {
        return primary.getSpec().getHttpRoute().isEnabled();
    }
}
