package dev.minmemory.operator.dependent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.minmemory.operator.crd.MemoryServer;
import dev.minmemory.operator.crd.QdrantSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** Qdrant, one pod per replica, each with its own volume; several replicas form a Qdrant cluster. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class QdrantStatefulSetDependentResource extends UpdatableOwnedResource<StatefulSet> {

    public static final String API_KEY_HASH_ANNOTATION = "minmemory.dev/qdrant-api-key-hash";

    static final long USER = 1000;
    private static final String STORAGE_VOLUME = "storage";
    private static final String STORAGE_PATH = "/qdrant/storage";

    public QdrantStatefulSetDependentResource() {
        super(StatefulSet.class);
    }

    @Override
    public StatefulSet desired(MemoryServer primary, Inputs inputs) {
        QdrantSpec qdrant = primary.getSpec().getQdrant();
        return new StatefulSetBuilder()
                .withMetadata(Metadata.of(primary, Names.qdrant(primary), Labels.COMPONENT_QDRANT))
                .withNewSpec()
                .withReplicas(qdrant.getReplicas())
                .withServiceName(Names.qdrantHeadless(primary))
                .withPodManagementPolicy("OrderedReady")
                .withNewSelector().withMatchLabels(Labels.selector(primary, Labels.COMPONENT_QDRANT)).endSelector()
                .withNewUpdateStrategy().withType("RollingUpdate").endUpdateStrategy()
                .withNewPersistentVolumeClaimRetentionPolicy()
                .withWhenDeleted(qdrant.isDeleteStorageWithResource() ? "Delete" : "Retain")
                .withWhenScaled("Retain")
                .endPersistentVolumeClaimRetentionPolicy()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(Labels.of(primary, Labels.COMPONENT_QDRANT))
                .withAnnotations(Map.of(API_KEY_HASH_ANNOTATION, inputs.qdrantApiKeyDigest()))
                .endMetadata()
                .withNewSpec()
                .withAutomountServiceAccountToken(false)
                .withSecurityContext(SecurityContexts.pod(USER))
                .withContainers(container(primary, inputs))
                .addNewVolume().withName("snapshots").withNewEmptyDir().endEmptyDir().endVolume()
                .addNewVolume().withName("init").withNewEmptyDir().endEmptyDir().endVolume()
                .endSpec()
                .endTemplate()
                .withVolumeClaimTemplates(volumeClaimTemplate(primary))
                .endSpec()
                .build();
    }

    private static Container container(MemoryServer primary, Inputs inputs) {
        QdrantSpec qdrant = primary.getSpec().getQdrant();
        var builder = new ContainerBuilder()
                .withName("qdrant")
                .withImage(qdrant.getImage() != null ? qdrant.getImage() : inputs.config().qdrantImage())
                .withEnv(environment(primary))
                .addNewPort().withName("http").withContainerPort(QdrantPorts.HTTP).withProtocol("TCP").endPort()
                .addNewPort().withName("grpc").withContainerPort(QdrantPorts.GRPC).withProtocol("TCP").endPort()
                .addNewPort().withName("p2p").withContainerPort(QdrantPorts.P2P).withProtocol("TCP").endPort()
                .withNewReadinessProbe()
                .withNewHttpGet().withPath("/readyz").withNewPort("http").endHttpGet()
                .withPeriodSeconds(5).withFailureThreshold(3)
                .endReadinessProbe()
                .withNewLivenessProbe()
                .withNewHttpGet().withPath("/livez").withNewPort("http").endHttpGet()
                .withPeriodSeconds(10).withFailureThreshold(6)
                .endLivenessProbe()
                .withNewStartupProbe()
                .withNewHttpGet().withPath("/livez").withNewPort("http").endHttpGet()
                .withPeriodSeconds(5).withFailureThreshold(60)
                .endStartupProbe()
                .withResources(resources(qdrant.getResources()))
                .withSecurityContext(SecurityContexts.container())
                .addNewVolumeMount().withName(STORAGE_VOLUME).withMountPath(STORAGE_PATH).endVolumeMount()
                .addNewVolumeMount().withName("snapshots").withMountPath("/qdrant/snapshots").endVolumeMount()
                .addNewVolumeMount().withName("init").withMountPath("/qdrant/init").endVolumeMount();
        if (qdrant.getReplicas() > 1) {
            builder.withCommand("/bin/bash", "-c", clusterBootstrapScript(primary));
        }
        return builder.build();
    }

    private static List<EnvVar> environment(MemoryServer primary) {
        var env = new ArrayList<EnvVar>();
        env.add(Env.fromSecret("QDRANT__SERVICE__API_KEY", Names.qdrantApiKeySecret(primary),
                QdrantApiKeySecretDependentResource.KEY));
        env.add(Env.value("QDRANT__TELEMETRY_DISABLED", "true"));
        // The root filesystem is read-only: Qdrant's "initialized" marker goes to a writable emptyDir.
        env.add(Env.value("QDRANT_INIT_FILE_PATH", "/qdrant/init/.qdrant-initialized"));
        QdrantSpec qdrant = primary.getSpec().getQdrant();
        if (qdrant.getReplicas() > 1) {
            env.add(Env.podName());
            env.add(Env.value("QDRANT__CLUSTER__ENABLED", "true"));
            env.add(Env.value("QDRANT__CLUSTER__P2P__PORT", Integer.toString(QdrantPorts.P2P)));
            env.add(Env.value("QDRANT__STORAGE__COLLECTION__REPLICATION_FACTOR",
                    Integer.toString(qdrant.getReplicationFactor())));
        }
        return env;
    }

    /** Pod 0 starts the cluster; every other pod joins it through pod 0's stable DNS name. */
    static String clusterBootstrapScript(MemoryServer primary) {
        String domain = Names.qdrantHeadless(primary) + "." + primary.getMetadata().getNamespace() + ".svc";
        String self = "http://${POD_NAME}." + domain + ":" + QdrantPorts.P2P;
        String first = "http://" + Names.qdrant(primary) + "-0." + domain + ":" + QdrantPorts.P2P;
        return "if [ \"${POD_NAME##*-}\" = \"0\" ]; then exec ./entrypoint.sh --uri \"" + self + "\"; "
                + "else exec ./entrypoint.sh --bootstrap \"" + first + "\" --uri \"" + self + "\"; fi";
    }

    private static PersistentVolumeClaim volumeClaimTemplate(MemoryServer primary) {
        var storage = primary.getSpec().getQdrant().getStorage();
        return new PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName(STORAGE_VOLUME)
                .withLabels(Labels.of(primary, Labels.COMPONENT_QDRANT))
                .endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withStorageClassName(storage.getStorageClassName())
                .withNewResources().addToRequests("storage", new Quantity(storage.getSize())).endResources()
                .endSpec()
                .build();
    }

    private static ResourceRequirements resources(ResourceRequirements requested) {
        if (requested != null) {
            return requested;
        }
        return new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity("200m"))
                .addToRequests("memory", new Quantity("512Mi"))
                .addToLimits("memory", new Quantity("2Gi"))
                .build();
    }
}
