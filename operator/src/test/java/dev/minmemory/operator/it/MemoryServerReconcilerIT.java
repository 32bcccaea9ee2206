package dev.minmemory.operator.it;

import static dev.minmemory.operator.it.ClusterFixture.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.crd.MemoryServer;
import dev.minmemory.operator.crd.MemoryServerStatus;
import dev.minmemory.operator.dependent.QdrantApiKeySecretDependentResource;
import dev.minmemory.operator.dependent.QdrantStatefulSetDependentResource;
import dev.minmemory.operator.dependent.ServerDeploymentDependentResource;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

/** The real Operator SDK runtime against the fabric8 mock API server (CRUD mode, no server-side apply). */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class MemoryServerReconcilerIT {

    @Inject
    KubernetesClient client;

    ClusterFixture cluster;
    String namespace;

    @BeforeEach
    void setUp() {
        cluster = new ClusterFixture(client);
        namespace = "team-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void everyDependentAppearsWiredToTheOthers() {
        var ms = cluster.create(MemoryServers.auth0(namespace, "memory"));

        var apiKey = cluster.awaitObject(Secret.class, namespace, "memory-qdrant-api-key");
        var auth = cluster.awaitObject(Secret.class, namespace, "memory-auth");
        var qdrant = cluster.awaitObject(StatefulSet.class, namespace, "memory-qdrant");
        var qdrantService = cluster.awaitObject(Service.class, namespace, "memory-qdrant");
        var headless = cluster.awaitObject(Service.class, namespace, "memory-qdrant-headless");
        var server = cluster.awaitObject(Deployment.class, namespace, "memory-server");
        var serverService = cluster.awaitObject(Service.class, namespace, "memory-server");
        var ingress = cluster.awaitObject(Ingress.class, namespace, "memory");
        cluster.awaitObject(NetworkPolicy.class, namespace, "memory-qdrant");
        cluster.awaitObject(NetworkPolicy.class, namespace, "memory-server");
        cluster.awaitObject(PodDisruptionBudget.class, namespace, "memory-qdrant");
        cluster.awaitObject(PodDisruptionBudget.class, namespace, "memory-server");

        assertThat(apiKey.getData()).containsKey(QdrantApiKeySecretDependentResource.KEY);
        assertThat(auth.getData()).containsKeys("AUTH0_DOMAIN", "AUTH0_API_AUDIENCE", "MEMORY_PUBLIC_URL");
        assertThat(qdrant.getSpec().getServiceName()).isEqualTo(headless.getMetadata().getName());
        assertThat(qdrantService.getSpec().getSelector())
                .isEqualTo(qdrant.getSpec().getSelector().getMatchLabels());
        var container = server.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(env(container.getEnv(), "QDRANT_URL").getValue()).isEqualTo("http://memory-qdrant:6334");
        assertThat(env(container.getEnv(), "QDRANT_API_KEY").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo(apiKey.getMetadata().getName());
        assertThat(container.getEnvFrom().get(0).getSecretRef().getName()).isEqualTo(auth.getMetadata().getName());
        assertThat(serverService.getSpec().getSelector()).isEqualTo(server.getSpec().getSelector().getMatchLabels());
        assertThat(ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService()
                .getName()).isEqualTo(serverService.getMetadata().getName());
        assertThat(cluster.everythingIn(namespace)).hasSize(12)
                .allSatisfy(object -> assertOwnedBy(object, ms));
    }

    @Test
    void statusReportsTheEndpointAndBecomesReadyWhenEveryComponentIs() {
        cluster.create(MemoryServers.auth0(namespace, "memory"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            var status = cluster.get(namespace, "memory").getStatus();
            assertThat(status).isNotNull();
            assertThat(status.getEndpoint()).isEqualTo("https://memory." + namespace + ".example.com/mcp");
            assertThat(status.getObservedGeneration()).isEqualTo(1L);
            assertThat(condition(status.getConditions(), "Ready").getStatus()).isEqualTo("False");
            assertThat(condition(status.getConditions(), "QdrantReady").getReason()).isEqualTo("PodsNotReady");
            assertThat(condition(status.getConditions(), "ServerReady").getReason()).isEqualTo("PodsNotReady");
            assertThat(condition(status.getConditions(), "IngressReady").getMessage())
                    .isEqualTo("waiting for cert-manager ClusterIssuer letsencrypt-prod to issue Secret memory-tls");
        });

        cluster.createTlsSecret(namespace, "memory-tls");
        cluster.reportWorkloadsRunning(namespace, "memory", 1, 1);

        await().atMost(PATIENCE).untilAsserted(() -> {
            var conditions = cluster.get(namespace, "memory").getStatus().getConditions();
            assertThat(conditions).extracting(Condition::getType)
                    .containsExactly("Ready", "QdrantReady", "ServerReady", "IngressReady");
            assertThat(conditions).allSatisfy(c -> assertThat(c.getStatus()).isEqualTo("True"));
            assertThat(condition(conditions, "Ready").getReason()).isEqualTo("AllComponentsReady");
        });
    }

    @Test
    void specChangesPropagateAndAuthChangesRollTheServer() {
        var ms = cluster.create(MemoryServers.auth0(namespace, "memory"));
        var before = cluster.awaitObject(Deployment.class, namespace, "memory-server");
        var key = cluster.awaitObject(Secret.class, namespace, "memory-qdrant-api-key").getData();

        cluster.edit(ms, current -> {
            current.getSpec().getServer().setReplicas(3);
            current.getSpec().getServer().setImage("ghcr.io/min-memory/memory-server:9.9.9");
            current.getSpec().getAuth().setAudience("https://memory.example.org/mcp");
        });

        await().atMost(PATIENCE).untilAsserted(() -> {
            var after = cluster.get(Deployment.class, namespace, "memory-server");
            assertThat(after.getSpec().getReplicas()).isEqualTo(3);
            assertThat(after.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                    .isEqualTo("ghcr.io/min-memory/memory-server:9.9.9");
            assertThat(configHash(after)).isNotEqualTo(configHash(before));
            assertThat(cluster.get(Secret.class, namespace, "memory-auth").getData().get("AUTH0_API_AUDIENCE"))
                    .isEqualTo(base64("https://memory.example.org/mcp"));
        });
        assertThat(cluster.get(Secret.class, namespace, "memory-qdrant-api-key").getData()).isEqualTo(key);
    }

    @Test
    void deletedQdrantServiceIsRecreated() {
        cluster.create(MemoryServers.auth0(namespace, "memory"));
        var original = cluster.awaitObject(Service.class, namespace, "memory-qdrant");

        client.resource(original).delete();

        await().atMost(PATIENCE).untilAsserted(() -> {
            var recreated = cluster.get(Service.class, namespace, "memory-qdrant");
            assertThat(recreated).isNotNull();
            assertThat(recreated.getMetadata().getUid()).isNotEqualTo(original.getMetadata().getUid());
            assertThat(recreated.getSpec().getPorts()).isEqualTo(original.getSpec().getPorts());
        });
    }

    @Test
    void editedServerDeploymentIsRestored() {
        cluster.create(MemoryServers.auth0(namespace, "memory"));
        cluster.awaitObject(Deployment.class, namespace, "memory-server");

        client.resources(Deployment.class).inNamespace(namespace).withName("memory-server").edit(d -> {
            d.getSpec().setReplicas(7);
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("evil/image:latest");
            return d;
        });

        await().atMost(PATIENCE).untilAsserted(() -> {
            var restored = cluster.get(Deployment.class, namespace, "memory-server");
            assertThat(restored.getSpec().getReplicas()).isEqualTo(1);
            assertThat(restored.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                    .startsWith("ghcr.io/min-memory/memory-server:");
        });
    }

    @Test
    void deletedApiKeySecretGetsANewKeyAndRollsBothWorkloads() {
        cluster.create(MemoryServers.auth0(namespace, "memory"));
        var key = cluster.awaitObject(Secret.class, namespace, "memory-qdrant-api-key");
        var qdrantHash = apiKeyHash(cluster.awaitObject(StatefulSet.class, namespace, "memory-qdrant"));
        var serverHash = configHash(cluster.awaitObject(Deployment.class, namespace, "memory-server"));

        client.resource(key).delete();

        await().atMost(PATIENCE).untilAsserted(() -> {
            var newKey = cluster.get(Secret.class, namespace, "memory-qdrant-api-key");
            assertThat(newKey).isNotNull();
            assertThat(newKey.getData()).isNotEqualTo(key.getData());
            assertThat(apiKeyHash(cluster.get(StatefulSet.class, namespace, "memory-qdrant"))).isNotEqualTo(qdrantHash);
            assertThat(configHash(cluster.get(Deployment.class, namespace, "memory-server"))).isNotEqualTo(serverHash);
        });
    }

    @Test
    void switchingOffIngressAndNetworkPoliciesDeletesThem() {
        var ms = cluster.create(MemoryServers.auth0(namespace, "memory"));
        cluster.awaitObject(Ingress.class, namespace, "memory");
        cluster.awaitObject(NetworkPolicy.class, namespace, "memory-server");

        cluster.edit(ms, current -> {
            current.getSpec().getIngress().setEnabled(false);
            current.getSpec().getNetworkPolicy().setEnabled(false);
        });

        cluster.awaitAbsent(Ingress.class, namespace, "memory");
        cluster.awaitAbsent(NetworkPolicy.class, namespace, "memory-server");
        cluster.awaitAbsent(NetworkPolicy.class, namespace, "memory-qdrant");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(cluster.get(namespace, "memory").getStatus())
                .extracting(MemoryServerStatus::getEndpoint)
                .isEqualTo("http://memory-server." + namespace + ".svc:8080/mcp"));
    }

    @Test
    void deletingTheMemoryServerLeavesNothingWithoutAnOwner() {
        var ms = cluster.create(MemoryServers.auth0(namespace, "memory"));
        cluster.awaitObject(PodDisruptionBudget.class, namespace, "memory-server");
        await().atMost(PATIENCE).until(() -> cluster.everythingIn(namespace).size() == 12);

        client.resource(ms).delete();

        await().atMost(PATIENCE).until(() -> cluster.get(namespace, "memory") == null);
        // The mock server has no garbage collector: what remains is what Kubernetes would collect.
        assertThat(cluster.everythingIn(namespace)).hasSize(12).allSatisfy(object -> assertOwnedBy(object, ms));
        assertThat(cluster.get(StatefulSet.class, namespace, "memory-qdrant").getSpec()
                .getPersistentVolumeClaimRetentionPolicy().getWhenDeleted()).isEqualTo("Retain");
    }

    @Test
    void twoInstancesInTwoNamespacesStayIndependent() {
        String other = namespace + "-b";
        cluster.create(MemoryServers.auth0(namespace, "memory"));
        var second = cluster.create(MemoryServers.auth0(other, "memory"));
        var firstKey = cluster.awaitObject(Secret.class, namespace, "memory-qdrant-api-key");
        var secondKey = cluster.awaitObject(Secret.class, other, "memory-qdrant-api-key");
        cluster.awaitObject(Deployment.class, namespace, "memory-server");

        cluster.edit(second, current -> current.getSpec().getQdrant().setReplicas(3));
        await().atMost(PATIENCE)
                .until(() -> cluster.get(StatefulSet.class, other, "memory-qdrant").getSpec().getReplicas() == 3);

        assertThat(firstKey.getData()).isNotEqualTo(secondKey.getData());
        assertThat(cluster.get(StatefulSet.class, namespace, "memory-qdrant").getSpec().getReplicas()).isEqualTo(1);
        assertThat(cluster.get(Ingress.class, other, "memory").getSpec().getRules().get(0).getHost())
                .isEqualTo("memory." + other + ".example.com");
        assertThat(cluster.ownedBy(second).toList()).hasSize(12)
                .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo(other));
    }

    @Test
    void invalidSpecIsReportedAndNothingIsCreated() {
        var ms = MemoryServers.auth0(namespace, "memory");
        ms.getSpec().getAuth().setIssuer("http://login.example.com");
        cluster.create(ms);

        await().atMost(PATIENCE).untilAsserted(() -> {
            var status = cluster.get(namespace, "memory").getStatus();
            assertThat(status).isNotNull();
            var ready = condition(status.getConditions(), "Ready");
            assertThat(ready.getStatus()).isEqualTo("False");
            assertThat(ready.getReason()).isEqualTo("InvalidSpec");
            assertThat(ready.getMessage()).isEqualTo("the spec is invalid: set exactly one of auth.issuer "
                    + "(any OIDC provider) or auth.auth0Domain (an Auth0 tenant); auth.issuer must be an https:// URL");
        });
        assertThat(cluster.everythingIn(namespace)).isEmpty();
    }

    @Test
    void severalQdrantReplicasFormACluster() {
        var ms = MemoryServers.auth0(namespace, "memory");
        ms.getSpec().getQdrant().setReplicas(3);
        ms.getSpec().getQdrant().setReplicationFactor(2);
        cluster.create(ms);

        var qdrant = cluster.awaitObject(StatefulSet.class, namespace, "memory-qdrant");

        var container = qdrant.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(qdrant.getSpec().getReplicas()).isEqualTo(3);
        assertThat(env(container.getEnv(), "QDRANT__CLUSTER__ENABLED").getValue()).isEqualTo("true");
        assertThat(env(container.getEnv(), "QDRANT__STORAGE__COLLECTION__REPLICATION_FACTOR").getValue())
                .isEqualTo("2");
        assertThat(container.getCommand().get(2))
                .contains("--bootstrap \"http://memory-qdrant-0.memory-qdrant-headless." + namespace + ".svc:6335\"");
    }

    private static void assertOwnedBy(HasMetadata object, MemoryServer ms) {
        assertThat(object.getMetadata().getOwnerReferences())
                .as(object.getKind() + " " + object.getMetadata().getName())
                .singleElement().satisfies(ref -> {
                    assertThat(ref.getKind()).isEqualTo("MemoryServer");
                    assertThat(ref.getApiVersion()).isEqualTo("minmemory.dev/v1alpha1");
                    assertThat(ref.getName()).isEqualTo(ms.getMetadata().getName());
                    assertThat(ref.getUid()).isEqualTo(ms.getMetadata().getUid());
                });
    }

    private static EnvVar env(List<EnvVar> env, String name) {
        return env.stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow();
    }

    private static Condition condition(List<Condition> conditions, String type) {
        return conditions.stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow();
    }

    private static String configHash(Deployment deployment) {
        return annotations(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .get(ServerDeploymentDependentResource.CONFIG_HASH_ANNOTATION);
    }

    private static String apiKeyHash(StatefulSet statefulSet) {
        return annotations(statefulSet.getSpec().getTemplate().getMetadata().getAnnotations())
                .get(QdrantStatefulSetDependentResource.API_KEY_HASH_ANNOTATION);
    }

    private static Map<String, String> annotations(Map<String, String> annotations) {
        return Optional.ofNullable(annotations).orElse(Map.of());
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
