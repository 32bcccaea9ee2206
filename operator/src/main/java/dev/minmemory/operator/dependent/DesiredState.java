package dev.minmemory.operator.dependent;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** A dependent whose desired object follows from the MemoryServer and the operator inputs alone. */
public interface DesiredState<R extends HasMetadata> {

    /** The desired object; unit tests call this directly. */
    R desired(MemoryServer primary, Inputs inputs);
}
