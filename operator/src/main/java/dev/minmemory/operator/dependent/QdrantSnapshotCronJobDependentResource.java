package dev.minmemory.operator.dependent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.minmemory.operator.crd.MemoryServer;
import dev.minmemory.operator.crd.QdrantSpec;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * Scheduled Qdrant snapshots: a CronJob that asks every Qdrant pod, through its stable name on the headless Service,
 * to snapshot each collection onto its snapshot volume, and deletes all but the newest {@code retain}. It runs
 * Qdrant's own image, so no other image needs mirroring; the Qdrant NetworkPolicy admits its pods.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class QdrantSnapshotCronJobDependentResource extends UpdatableOwnedResource<CronJob> {

    static final String SCRIPT = script();

    public QdrantSnapshotCronJobDependentResource() {
        super(CronJob.class);
    }

    @Override
    public CronJob desired(MemoryServer primary, Inputs inputs) {
        QdrantSpec qdrant = primary.getSpec().getQdrant();
        return new CronJobBuilder()
                .withMetadata(Metadata.of(primary, Names.qdrantSnapshots(primary), Labels.COMPONENT_QDRANT_SNAPSHOTS))
                .withNewSpec()
                .withSchedule(qdrant.getSnapshots().getSchedule())
                .withConcurrencyPolicy("Forbid")
                .withStartingDeadlineSeconds(3600L)
                .withSuccessfulJobsHistoryLimit(3)
                .withFailedJobsHistoryLimit(3)
                .withNewJobTemplate()
                .withNewMetadata().withLabels(Labels.of(primary, Labels.COMPONENT_QDRANT_SNAPSHOTS)).endMetadata()
                .withNewSpec()
                .withBackoffLimit(2)
                .withActiveDeadlineSeconds(3600L)
                .withNewTemplate()
                .withNewMetadata().withLabels(Labels.of(primary, Labels.COMPONENT_QDRANT_SNAPSHOTS)).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withAutomountServiceAccountToken(false)
                // No <SERVICE>_PORT variables: a Service named qdrant would otherwise set QDRANT_PORT.
                .withEnableServiceLinks(false)
                .withSecurityContext(SecurityContexts.pod(QdrantStatefulSetDependentResource.USER))
                .withImagePullSecrets(qdrant.getImagePullSecrets())
                .withContainers(new ContainerBuilder()
                        .withName("snapshots")
                        .withImage(qdrant.getImage() != null ? qdrant.getImage() : inputs.config().qdrantImage())
                        .withCommand("/bin/bash", "-c", SCRIPT)
                        .withEnv(Env.fromSecret("QDRANT_API_KEY", Names.qdrantApiKeySecret(primary),
                                QdrantApiKeySecretDependentResource.KEY),
                                Env.value("QDRANT_HOSTS", hosts(primary, inputs)),
                                Env.value("QDRANT_PORT", Integer.toString(QdrantPorts.HTTP)),
                                Env.value("RETAIN", Integer.toString(qdrant.getSnapshots().getRetain())))
                        .withNewResources()
                        .addToRequests("cpu", new Quantity("10m"))
                        .addToRequests("memory", new Quantity("16Mi"))
                        .addToLimits("memory", new Quantity("64Mi"))
                        .endResources()
                        .withSecurityContext(SecurityContexts.container())
                        .build())
                .endSpec()
                .endTemplate()
                .endSpec()
                .endJobTemplate()
                .endSpec()
                .build();
    }

    /** Every pod the StatefulSet runs, by its stable DNS name: each snapshots only the shards it holds. */
    private static String hosts(MemoryServer primary, Inputs inputs) {
        String domain = Names.qdrantHeadless(primary) + "." + primary.getMetadata().getNamespace() + ".svc";
        int replicas = inputs.keptQdrantReplicas().orElse(primary.getSpec().getQdrant().getReplicas());
        return IntStream.range(0, replicas).mapToObj(ordinal -> Names.qdrant(primary) + "-" + ordinal + "." + domain)
                .collect(Collectors.joining(" "));
    }

    private static String script() {
        try (InputStream in = QdrantSnapshotCronJobDependentResource.class.getResourceAsStream("qdrant-snapshots.sh")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
