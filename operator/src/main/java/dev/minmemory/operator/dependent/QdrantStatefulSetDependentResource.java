package dev.minmemory.operator.dependent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.minmemory.operator.crd.MemoryServer;
import dev.minmemory.operator.crd.QdrantSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** Qdrant, one pod per replica, each with its own volume; several replicas form a Qdrant cluster. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class QdrantStatefulSetDependentResource extends UpdatableOwnedResource<StatefulSet> {

    public static final String API_KEY_HASH_ANNOTATION = "minmemory.dev/qdrant-api-key-hash";

    /**
     * All pods start at once. With OrderedReady a cluster's cold start deadlocks: pod 1 is not started before pod 0
     * is ready, and pod 0 is not ready before its peers answer.
     */
    static final String POD_MANAGEMENT_POLICY = "Parallel";
    static final long USER = 1000;
    private static final String STORAGE_VOLUME = QdrantVolumes.CLAIM_TEMPLATE;
    private static final String STORAGE_PATH = "/qdrant/storage";
    static final String SNAPSHOTS_VOLUME = "snapshots";

    public QdrantStatefulSetDependentResource() {
        super(StatefulSet.class);
    }

    @Override
    public StatefulSet desired(MemoryServer primary, Inputs inputs) {
        QdrantSpec qdrant = primary.getSpec().getQdrant();
        return new StatefulSetBuilder()
                .withMetadata(Metadata.of(primary, Names.qdrant(primary), Labels.COMPONENT_QDRANT))
                .withNewSpec()
                .withReplicas(replicas(primary, inputs))
                .withServiceName(Names.qdrantHeadless(primary))
                .withPodManagementPolicy(POD_MANAGEMENT_POLICY)
                .withNewSelector().withMatchLabels(Labels.selector(primary, Labels.COMPONENT_QDRANT)).endSelector()
                .withNewUpdateStrategy().withType("RollingUpdate").endUpdateStrategy()
                .withNewPersistentVolumeClaimRetentionPolicy()
                .withWhenDeleted(qdrant.isDeleteStorageWithResource() ? "Delete" : "Retain")
                .withWhenScaled("Retain")
                .endPersistentVolumeClaimRetentionPolicy()
                .withNewTemplate()
                .withMetadata(PodPlacement.podMetadata(primary, Labels.COMPONENT_QDRANT, qdrant,
                        Map.of(API_KEY_HASH_ANNOTATION, inputs.qdrantApiKeyDigest())))
                .withSpec(podSpec(primary, inputs))
                .endTemplate()
                .withVolumeClaimTemplates(volumeClaimTemplates(primary, inputs))
                .endSpec()
                .build();
    }

    /** Fields the API server will not update are changed by recreating the StatefulSet, its pods left running. */
    @Override
    public StatefulSet update(StatefulSet actual, StatefulSet desired, MemoryServer primary,
            Context<MemoryServer> context) {
        if (StatefulSetRecreation.needed(actual, desired)) {
            return WorkloadRecreation.orphanAndDelete(actual, primary, context, "pods and volumes");
        }
        return super.update(actual, desired, primary, context);
    }

    private static PodSpec podSpec(MemoryServer primary, Inputs inputs) {
        var pod = new PodSpecBuilder()
                .withAutomountServiceAccountToken(false)
                .withSecurityContext(SecurityContexts.pod(USER))
                .withContainers(container(primary, inputs))
                .addNewVolume().withName("init").withNewEmptyDir().endEmptyDir().endVolume();
        if (primary.getSpec().getQdrant().getSnapshots().getSize() == null) {
            pod.addNewVolume().withName(SNAPSHOTS_VOLUME).withNewEmptyDir().endEmptyDir().endVolume();
        }
        if (QdrantTls.enabled(primary)) {
            pod.addNewVolume().withName(QdrantTls.VOLUME).withNewSecret()
                    .withSecretName(Names.qdrantTlsSecret(primary)).endSecret().endVolume();
        }
        PodPlacement.apply(pod, primary, Labels.COMPONENT_QDRANT, primary.getSpec().getQdrant());
        return pod.build();
    }

    private static Container container(MemoryServer primary, Inputs inputs) {
        QdrantSpec qdrant = primary.getSpec().getQdrant();
        var builder = new ContainerBuilder()
                .withName("qdrant")
                .withImage(qdrant.getImage() != null ? qdrant.getImage() : inputs.config().qdrantImage())
                .withEnv(environment(primary, inputs))
                .addNewPort().withName("http").withContainerPort(QdrantPorts.HTTP).withProtocol("TCP").endPort()
                .addNewPort().withName("grpc").withContainerPort(QdrantPorts.GRPC).withProtocol("TCP").endPort()
                .addNewPort().withName("p2p").withContainerPort(QdrantPorts.P2P).withProtocol("TCP").endPort()
                .withNewReadinessProbe()
                .withNewHttpGet().withPath("/readyz").withNewPort("http").withScheme(probeScheme(primary)).endHttpGet()
                .withPeriodSeconds(5).withFailureThreshold(3)
                .endReadinessProbe()
                .withNewLivenessProbe()
                .withNewHttpGet().withPath("/livez").withNewPort("http").withScheme(probeScheme(primary)).endHttpGet()
                .withPeriodSeconds(10).withFailureThreshold(6)
                .endLivenessProbe()
                .withNewStartupProbe()
                .withNewHttpGet().withPath("/livez").withNewPort("http").withScheme(probeScheme(primary)).endHttpGet()
                .withPeriodSeconds(5).withFailureThreshold(60)
                .endStartupProbe()
                .withResources(resources(qdrant.getResources()))
                .withSecurityContext(SecurityContexts.container())
                .addNewVolumeMount().withName(STORAGE_VOLUME).withMountPath(STORAGE_PATH).endVolumeMount()
                .addNewVolumeMount().withName(SNAPSHOTS_VOLUME).withMountPath("/qdrant/snapshots").endVolumeMount()
                .addNewVolumeMount().withName("init").withMountPath("/qdrant/init").endVolumeMount();
        if (QdrantTls.enabled(primary)) {
            builder.addNewVolumeMount().withName(QdrantTls.VOLUME).withMountPath(QdrantTls.QDRANT_DIR)
                    .withReadOnly(true).endVolumeMount();
        }
        if (replicas(primary, inputs) > 1) {
            builder.withCommand("/bin/bash", "-c", clusterBootstrapScript(primary));
        }
        return builder.build();
    }

    private static List<EnvVar> environment(MemoryServer primary, Inputs inputs) {
        var env = new ArrayList<EnvVar>();
        env.add(Env.fromSecret("QDRANT__SERVICE__API_KEY", Names.qdrantApiKeySecret(primary),
                QdrantApiKeySecretDependentResource.KEY));
        env.add(Env.value("QDRANT__TELEMETRY_DISABLED", "true"));
        // The root filesystem is read-only: Qdrant's "initialized" marker goes to a writable emptyDir.
        env.add(Env.value("QDRANT_INIT_FILE_PATH", "/qdrant/init/.qdrant-initialized"));
        QdrantSpec qdrant = primary.getSpec().getQdrant();
        if (replicas(primary, inputs) > 1) {
            env.add(Env.podName());
            env.add(Env.value("QDRANT__CLUSTER__ENABLED", "true"));
            env.add(Env.value("QDRANT__CLUSTER__P2P__PORT", Integer.toString(QdrantPorts.P2P)));
            env.add(Env.value("QDRANT__STORAGE__COLLECTION__REPLICATION_FACTOR",
                    Integer.toString(qdrant.getReplicationFactor())));
        }
        if (QdrantTls.enabled(primary)) {
            env.add(Env.value("QDRANT__SERVICE__ENABLE_TLS", "true"));
            env.add(Env.value("QDRANT__TLS__CERT", QdrantTls.QDRANT_DIR + "/tls.crt"));
            env.add(Env.value("QDRANT__TLS__KEY", QdrantTls.QDRANT_DIR + "/tls.key"));
            env.add(Env.value("QDRANT__TLS__CA_CERT", QdrantTls.QDRANT_DIR + "/" + QdrantTls.CA_KEY));
            // cert-manager renews the Secret in place; Qdrant rereads the files after this many seconds.
            env.add(Env.value("QDRANT__TLS__CERT_TTL", "3600"));
            if (replicas(primary, inputs) > 1) {
                env.add(Env.value("QDRANT__CLUSTER__P2P__ENABLE_TLS", "true"));
            }
        }
        return env;
    }

    /** The kubelet does not verify the certificate of an HTTPS probe, so the probes need no CA. */
    private static String probeScheme(MemoryServer primary) {
        return QdrantTls.scheme(primary).toUpperCase(Locale.ROOT);
    }

    /** The spec's replicas, unless a scale-down was refused. */
    private static int replicas(MemoryServer primary, Inputs inputs) {
        return inputs.keptQdrantReplicas().orElse(primary.getSpec().getQdrant().getReplicas());
    }

    /** Pod 0 starts the cluster; every other pod joins it through pod 0's stable DNS name. */
    static String clusterBootstrapScript(MemoryServer primary) {
        String domain = Names.qdrantHeadless(primary) + "." + primary.getMetadata().getNamespace() + ".svc";
        String scheme = QdrantTls.scheme(primary) + "://";
        String self = scheme + "${POD_NAME}." + domain + ":" + QdrantPorts.P2P;
        String first = scheme + Names.qdrant(primary) + "-0." + domain + ":" + QdrantPorts.P2P;
        return "if [ \"${POD_NAME##*-}\" = \"0\" ]; then exec ./entrypoint.sh --uri \"" + self + "\"; "
                + "else exec ./entrypoint.sh --bootstrap \"" + first + "\" --uri \"" + self + "\"; fi";
    }

    /** The data volume, and the snapshot volume when the spec gives it a size. */
    private static List<PersistentVolumeClaim> volumeClaimTemplates(MemoryServer primary, Inputs inputs) {
        var storage = primary.getSpec().getQdrant().getStorage();
        var claims = new ArrayList<PersistentVolumeClaim>();
        claims.add(claim(primary, STORAGE_VOLUME, inputs.keptQdrantVolumeSize().orElse(storage.getSize()),
                storage.getStorageClassName()));
        var snapshots = primary.getSpec().getQdrant().getSnapshots();
        if (snapshots.getSize() != null) {
            claims.add(claim(primary, SNAPSHOTS_VOLUME, snapshots.getSize(), snapshots.getStorageClassName()));
        }
        return claims;
    }

    private static PersistentVolumeClaim claim(MemoryServer primary, String name, String size,
            String storageClassName) {
        return new PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(Labels.of(primary, Labels.COMPONENT_QDRANT))
                .endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withStorageClassName(storageClassName)
                .withNewResources().addToRequests("storage", new Quantity(size)).endResources()
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
