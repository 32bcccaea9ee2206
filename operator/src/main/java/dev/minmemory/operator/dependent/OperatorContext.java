package dev.minmemory.operator.dependent;

import java.util.Objects;

import dev.minmemory.operator.config.OperatorConfig;
import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** Hands the operator configuration and the volume and scaling decisions from the reconciler to the dependents of one reconciliation. */
public final class OperatorContext {

    private static final String CONFIG_KEY = OperatorConfig.class.getName();
    private static final String RESIZE_KEY = QdrantVolumes.Resize.class.getName();
    private static final String SCALING_KEY = QdrantScaling.Decision.class.getName();

    private OperatorContext() {
    }

    public static void store(Context<MemoryServer> context, OperatorConfig config, QdrantVolumes.Resize resize,
            QdrantScaling.Decision scaling) {
        context.managedWorkflowAndDependentResourceContext().put(CONFIG_KEY, config);
        context.managedWorkflowAndDependentResourceContext().put(RESIZE_KEY, resize);
        context.managedWorkflowAndDependentResourceContext().put(SCALING_KEY, scaling);
    }

    static OperatorConfig config(Context<MemoryServer> context) {
        return context.managedWorkflowAndDependentResourceContext().getMandatory(CONFIG_KEY, OperatorConfig.class);
    }

    static Inputs inputs(MemoryServer primary, Context<MemoryServer> context) {
        var resize = context.managedWorkflowAndDependentResourceContext()
                .getMandatory(RESIZE_KEY, QdrantVolumes.Resize.class);
        var scaling = context.managedWorkflowAndDependentResourceContext()
                .getMandatory(SCALING_KEY, QdrantScaling.Decision.class);
        return new Inputs(config(context),
                secretDigest(context, Names.qdrantApiKeySecret(primary), QdrantApiKeySecretDependentResource.KEY),
                secretDigest(context, Names.sessionKeySecret(primary), ServerSessionKeySecretDependentResource.KEY),
                resize.keptSize(), scaling.keptReplicas());
    }

    /** The digest of one value of a Secret the operator generated, or "" before it exists. */
    private static String secretDigest(Context<MemoryServer> context, String name, String key) {
        return context.getSecondaryResources(Secret.class).stream()
                .filter(secret -> name.equals(secret.getMetadata().getName()) && secret.getData() != null)
                .map(secret -> secret.getData().get(key))
                .filter(Objects::nonNull)
                .map(Encoding::sha256)
                .findFirst()
                .orElse("");
    }
}
