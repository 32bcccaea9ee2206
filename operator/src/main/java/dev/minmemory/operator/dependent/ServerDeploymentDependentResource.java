package dev.minmemory.operator.dependent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.minmemory.operator.crd.MemoryServer;
import dev.minmemory.operator.crd.ServerSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HTTPGetActionBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The memory server: stateless pods (memories live in Qdrant) configured only through environment variables. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class ServerDeploymentDependentResource extends UpdatableOwnedResource<Deployment> {

    /** Changes whenever configuration the pods read only at start changes, so that it rolls the Deployment. */
    public static final String CONFIG_HASH_ANNOTATION = "minmemory.dev/config-hash";

    static final long USER = 185;
    private static final String DATA_DIR = "/var/lib/min-memory";
    private static final String DJL_CACHE_DIR = "/var/cache/djl";

    public ServerDeploymentDependentResource() {
        super(Deployment.class);
    }

    @Override
    public Deployment desired(MemoryServer primary, Inputs inputs) {
        ServerSpec server = primary.getSpec().getServer();
        return new DeploymentBuilder()
                .withMetadata(Metadata.of(primary, Names.server(primary), Labels.COMPONENT_SERVER))
                .withNewSpec()
                .withReplicas(primary.getSpec().getServer().getReplicas())
                .withNewSelector().withMatchLabels(Labels.selector(primary, Labels.COMPONENT_SERVER)).endSelector()
                .withNewStrategy().withType("RollingUpdate")
                .withNewRollingUpdate().withMaxUnavailable(new IntOrString(0)).withMaxSurge(new IntOrString(1))
                .endRollingUpdate()
                .endStrategy()
                .withNewTemplate()
                .withMetadata(PodPlacement.podMetadata(primary, Labels.COMPONENT_SERVER, server,
                        Map.of(CONFIG_HASH_ANNOTATION, configHash(primary, inputs))))
                .withSpec(podSpec(primary, inputs))
                .endTemplate()
                .endSpec()
                .build();
    }

    /**
     * A changed selector (an older operator's, without {@code app.kubernetes.io/name}) cannot be updated: the
     * Deployment is recreated with its ReplicaSets, and so its pods, left running. The new Deployment adopts the
     * ReplicaSets, whose labels (the pod template's) match its selector, and rolls only if the template changed too.
     */
    @Override
    public Deployment update(Deployment actual, Deployment desired, MemoryServer primary,
            Context<MemoryServer> context) {
        if (needsRecreation(actual, desired)) {
            return WorkloadRecreation.orphanAndDelete(actual, primary, context, "ReplicaSets and pods");
        }
        return super.update(actual, desired, primary, context);
    }

    static boolean needsRecreation(Deployment actual, Deployment desired) {
        return !Objects.equals(actual.getSpec().getSelector(), desired.getSpec().getSelector());
    }

    private static PodSpec podSpec(MemoryServer primary, Inputs inputs) {
        var pod = new PodSpecBuilder()
                .withAutomountServiceAccountToken(false)
                .withSecurityContext(SecurityContexts.pod(USER))
                .withContainers(container(primary, inputs))
                .addNewVolume().withName("data").withNewEmptyDir().endEmptyDir().endVolume()
                .addNewVolume().withName("djl-cache").withNewEmptyDir().endEmptyDir().endVolume()
                .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume();
        if (QdrantTls.enabled(primary)) {
            // Only the CA: the server needs nothing else of Qdrant's certificate, least of all its key.
            pod.addNewVolume().withName(QdrantTls.VOLUME).withNewSecret()
                    .withSecretName(Names.qdrantTlsSecret(primary))
                    .addNewItem().withKey(QdrantTls.CA_KEY).withPath(QdrantTls.CA_KEY).endItem()
                    .endSecret().endVolume();
        }
        PodPlacement.apply(pod, primary, Labels.COMPONENT_SERVER, primary.getSpec().getServer());
        return pod.build();
    }

    /**
     * The auth configuration arrives through envFrom, and the keys through secretKeyRef, so a change to them is
     * invisible in the pod template.
     */
    static String configHash(MemoryServer primary, Inputs inputs) {
        return Encoding.sha256(AuthSecretDependentResource.environment(primary) + inputs.qdrantApiKeyDigest()
                + inputs.sessionKeyDigest());
    }

    private static Container container(MemoryServer primary, Inputs inputs) {
        ServerSpec server = primary.getSpec().getServer();
        var builder = new ContainerBuilder()
                .withName("memory-server")
                .withImage(server.getImage() != null ? server.getImage() : inputs.config().serverImage())
                .withEnv(environment(primary))
                .addNewEnvFrom().withNewSecretRef().withName(Names.authSecret(primary)).endSecretRef().endEnvFrom()
                .addNewPort().withName("http").withContainerPort(Endpoints.SERVER_PORT).withProtocol("TCP").endPort()
                .addNewPort().withName("management").withContainerPort(Endpoints.MANAGEMENT_PORT).withProtocol("TCP")
                .endPort()
                .withNewStartupProbe().withHttpGet(health("/q/health/live"))
                .withPeriodSeconds(5).withFailureThreshold(60).endStartupProbe()
                .withNewLivenessProbe().withHttpGet(health("/q/health/live"))
                .withPeriodSeconds(10).withFailureThreshold(3).endLivenessProbe()
                .withNewReadinessProbe().withHttpGet(health("/q/health/ready"))
                .withPeriodSeconds(5).withFailureThreshold(3).endReadinessProbe()
                .withResources(resources(server.getResources()))
                .withSecurityContext(SecurityContexts.container())
                .addNewVolumeMount().withName("data").withMountPath(DATA_DIR).endVolumeMount()
                .addNewVolumeMount().withName("djl-cache").withMountPath(DJL_CACHE_DIR).endVolumeMount()
                .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount();
        if (QdrantTls.enabled(primary)) {
            builder.addNewVolumeMount().withName(QdrantTls.VOLUME).withMountPath(QdrantTls.SERVER_DIR)
                    .withReadOnly(true).endVolumeMount();
        }
        return builder.build();
    }

    private static List<EnvVar> environment(MemoryServer primary) {
        var env = new ArrayList<>(List.of(
                Env.value("PORT", Integer.toString(Endpoints.SERVER_PORT)),
                Env.value("QUARKUS_HTTP_HOST", "0.0.0.0"),
                Env.value("MANAGEMENT_PORT", Integer.toString(Endpoints.MANAGEMENT_PORT)),
                Env.value("QUARKUS_MANAGEMENT_HOST", "0.0.0.0"),
                Env.value("MCP_DATA_DIR", DATA_DIR),
                Env.value("DJL_CACHE_DIR", DJL_CACHE_DIR),
                Env.value("MEMORY_EMBEDDING_MODEL", primary.getSpec().getServer().getEmbeddingModel().id()),
                Env.value("QDRANT_URL",
                        QdrantTls.scheme(primary) + "://" + Names.qdrant(primary) + ":" + QdrantPorts.GRPC),
                Env.fromSecret("QDRANT_API_KEY", Names.qdrantApiKeySecret(primary),
                        QdrantApiKeySecretDependentResource.KEY),
                Env.fromSecret("MEMORY_HTTP_SESSION_KEY", Names.sessionKeySecret(primary),
                        ServerSessionKeySecretDependentResource.KEY)));
        if (QdrantTls.enabled(primary)) {
            env.add(Env.value("QDRANT_CA_FILE", QdrantTls.SERVER_DIR + "/" + QdrantTls.CA_KEY));
        }
        return env;
    }

    private static HTTPGetAction health(String path) {
        return new HTTPGetActionBuilder().withPath(path).withNewPort("management").build();
    }

    private static ResourceRequirements resources(ResourceRequirements requested) {
        if (requested != null) {
            return requested;
        }
        return new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity("250m"))
                .addToRequests("memory", new Quantity("768Mi"))
                .addToLimits("memory", new Quantity("1Gi"))
                .build();
    }
}
