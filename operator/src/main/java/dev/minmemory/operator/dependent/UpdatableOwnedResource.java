package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.dependent.Updater;

/** An owned object kept equal to its desired state: edits are reverted, spec changes applied. */
public abstract class UpdatableOwnedResource<R extends HasMetadata> extends OwnedResource<R>
        implements Updater<R, MemoryServer> {

    protected UpdatableOwnedResource(Class<R> type) {
        super(type);
    }
}
