package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Activation condition: the HTTPRoute dependent, and its informer, exist only once the cluster serves the Gateway
 * API, so the operator starts and works on clusters without it.
 */
public class HttpRouteKindServed implements Condition<HTTPRoute, MemoryServer> {

    @Override
    public boolean isMet(DependentResource<HTTPRoute, MemoryServer> dependentResource, MemoryServer primary,
            Context<MemoryServer> context) {
        return ServedKinds.serves(context.getClient(), HTTPRoute.class);
    }
}
