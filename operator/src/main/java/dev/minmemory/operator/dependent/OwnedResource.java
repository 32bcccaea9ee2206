package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;
import dev.minmemory.operator.events.OperatorEvents;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;

/** An object created for, and owned (ownerReference) by, one MemoryServer. */
public abstract class OwnedResource<R extends HasMetadata> extends KubernetesDependentResource<R, MemoryServer>
        implements DesiredState<R>, Creator<R, MemoryServer>, GarbageCollected<MemoryServer> {

    protected OwnedResource(Class<R> type) {
        super(type);
    }

    @Override
    protected R desired(MemoryServer primary, Context<MemoryServer> context) {
        return desired(primary, OperatorContext.inputs(primary, context));
    }

    @Override
    public R create(R desired, MemoryServer primary, Context<MemoryServer> context) {
        R created = super.create(desired, primary, context);
        OperatorEvents.normal(context.getClient(), primary, "Created", "Created " + describe(desired));
        return created;
    }

    @Override
    public R update(R actual, R desired, MemoryServer primary, Context<MemoryServer> context) {
        R updated = super.update(actual, desired, primary, context);
        OperatorEvents.normal(context.getClient(), primary, "Updated", "Updated " + describe(desired));
        return updated;
    }

    static String describe(HasMetadata object) {
        return object.getKind() + " " + object.getMetadata().getName();
    }

    @Override
    protected boolean useSSA(Context<MemoryServer> context) {
        return OperatorContext.config(context).serverSideApply();
    }
}
