package dev.minmemory.operator.it;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressStatusBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Reads and nudges the mock API server the way a real cluster's controllers would. */
final class ClusterFixture {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final List<Class<? extends HasMetadata>> OWNED_KINDS = List.of(Secret.class, Service.class,
            StatefulSet.class, Deployment.class, CronJob.class, Ingress.class, NetworkPolicy.class,
            PodDisruptionBudget.class);

    private final KubernetesClient client;

    ClusterFixture(KubernetesClient client) {
        this.client = client;
    }

    MemoryServer create(MemoryServer ms) {
        return client.resource(ms).create();
    }

    MemoryServer get(String namespace, String name) {
        return client.resources(MemoryServer.class).inNamespace(namespace).withName(name).get();
    }

    /** Like kubectl edit: on a conflict with the operator's own status write, reads again and retries. */
    MemoryServer edit(MemoryServer ms, Consumer<MemoryServer> change) {
        return await().atMost(PATIENCE).ignoreExceptionsMatching(ClusterFixture::isConflict).until(() -> client
                .resources(MemoryServer.class).inNamespace(ms.getMetadata().getNamespace())
                .withName(ms.getMetadata().getName()).edit(current -> {
                    change.accept(current);
                    return current;
                }), Objects::nonNull);
    }

    private static boolean isConflict(Throwable e) {
        return e instanceof KubernetesClientException k && k.getCode() == 409;
    }

    <T extends HasMetadata> T get(Class<T> kind, String namespace, String name) {
        return client.resources(kind).inNamespace(namespace).withName(name).get();
    }

    <T extends HasMetadata> T awaitObject(Class<T> kind, String namespace, String name) {
        return await().atMost(PATIENCE).until(() -> get(kind, namespace, name), Objects::nonNull);
    }

    void awaitAbsent(Class<? extends HasMetadata> kind, String namespace, String name) {
        await().atMost(PATIENCE).until(() -> get(kind, namespace, name) == null);
    }

    /** Every object of the kinds the operator manages in a namespace. */
    List<HasMetadata> everythingIn(String namespace) {
        return OWNED_KINDS.stream()
                .flatMap(kind -> client.resources(kind).inNamespace(namespace).list().getItems().stream()
                        .map(HasMetadata.class::cast))
                .toList();
    }

    Stream<HasMetadata> ownedBy(MemoryServer ms) {
        return everythingIn(ms.getMetadata().getNamespace()).stream()
                .filter(object -> object.getMetadata().getOwnerReferences().stream()
                        .anyMatch(ref -> ref.getUid().equals(ms.getMetadata().getUid())));
    }

    void createTlsSecret(String namespace, String name) {
        client.resource(new SecretBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withType("kubernetes.io/tls").addToStringData("tls.crt", "cert").addToStringData("tls.key", "key")
                .build()).create();
    }

    /**
     * What the StatefulSet, Deployment and ingress controllers would report once everything runs: the current
     * generation observed, every pod on the latest revision and ready.
     */
    void reportWorkloadsRunning(String namespace, String name, int qdrantPods, int serverPods) {
        client.resources(StatefulSet.class).inNamespace(namespace).withName(name + "-qdrant").editStatus(sts -> {
            sts.setStatus(new StatefulSetStatusBuilder().withObservedGeneration(sts.getMetadata().getGeneration())
                    .withCurrentRevision("rev-1").withUpdateRevision("rev-1")
                    .withReplicas(qdrantPods).withReadyReplicas(qdrantPods).withUpdatedReplicas(qdrantPods).build());
            return sts;
        });
        client.resources(Deployment.class).inNamespace(namespace).withName(name + "-server").editStatus(d -> {
            d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
                    .withReplicas(serverPods).withAvailableReplicas(serverPods).withReadyReplicas(serverPods)
                    .withUpdatedReplicas(serverPods).build());
            return d;
        });
        client.resources(Ingress.class).inNamespace(namespace).withName(name).editStatus(ingress -> {
            ingress.setStatus(new IngressStatusBuilder()
                    .withNewLoadBalancer().addNewIngress().withIp("203.0.113.10").endIngress().endLoadBalancer()
                    .build());
            return ingress;
        });
    }
}
