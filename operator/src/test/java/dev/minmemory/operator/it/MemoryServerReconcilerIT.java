package dev.minmemory.operator.it;

import static dev.minmemory.operator.it.ClusterFixture.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.crd.MemoryServer;
import dev.minmemory.operator.crd.MemoryServerStatus;
import dev.minmemory.operator.dependent.QdrantApiKeySecretDependentResource;
import dev.minmemory.operator.dependent.QdrantStatefulSetDependentResource;
import dev.minmemory.operator.dependent.ServerDeploymentDependentResource;
import dev.minmemory.operator.dependent.ServerSessionKeySecretDependentResource;
import dev.minmemory.operator.reconciler.MemoryServerReconciler;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.quarkiverse.operatorsdk.runtime.QuarkusConfigurationService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

/** The real Operator SDK runtime against the fabric8 mock API server (CRUD mode, no server-side apply). */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class MemoryServerReconcilerIT {

    /** What an operator before app.kubernetes.io/name joined the selectors put into the workloads' selectors. */
    private static final Map<String, String> OLD_SELECTOR_SERVER = Map.of("app.kubernetes.io/instance", "memory",
            "app.kubernetes.io/component", "server");
    private static final Map<String, String> POD_LABELS_SERVER = Map.of("app.kubernetes.io/name", "min-memory",
            "app.kubernetes.io/instance", "memory", "app.kubernetes.io/component", "server",
            "pod-template-hash", "5d8f7c");

    @Inject
    KubernetesClient client;

    @Inject
    QuarkusConfigurationService configuration;

    @Inject
    MemoryServerReconciler reconciler;

    @KubernetesTestServer
    KubernetesServer server;

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
        var sessionKey = cluster.awaitObject(Secret.class, namespace, "memory-session-key");
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
        assertThat(env(container.getEnv(), "MEMORY_HTTP_SESSION_KEY").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo(sessionKey.getMetadata().getName());
        assertThat(sessionKey.getData()).containsOnlyKeys(ServerSessionKeySecretDependentResource.KEY);
        assertThat(ingress.getMetadata().getAnnotations())
                .doesNotContainKey("nginx.ingress.kubernetes.io/upstream-hash-by");
        assertThat(serverService.getSpec().getSelector()).isEqualTo(server.getSpec().getSelector().getMatchLabels());
        assertThat(ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService()
                .getName()).isEqualTo(serverService.getMetadata().getName());
        assertThat(cluster.everythingIn(namespace)).hasSize(13)
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
            assertThat(condition(status.getConditions(), "QdrantReady").getReason()).isEqualTo("RolloutPending");
            assertThat(condition(status.getConditions(), "ServerReady").getReason()).isEqualTo("RolloutPending");
            assertThat(condition(status.getConditions(), "IngressReady").getMessage())
                    .isEqualTo("waiting for cert-manager ClusterIssuer letsencrypt-prod to issue Secret memory-tls");
        });

        cluster.createTlsSecret(namespace, "memory-tls");
        cluster.reportWorkloadsRunning(namespace, "memory", 1, 1);

        await().atMost(PATIENCE).untilAsserted(() -> {
            var conditions = cluster.get(namespace, "memory").getStatus().getConditions();
            assertThat(conditions).extracting(Condition::getType)
                    .containsExactly("Ready", "QdrantReady", "ServerReady", "IngressReady", "MonitoringReady");
            assertThat(conditions).allSatisfy(c -> assertThat(c.getStatus()).isEqualTo("True"));
            assertThat(condition(conditions, "Ready").getReason()).isEqualTo("AllComponentsReady");
        });
    }

    @Test
    void specChangesPropagateAndAuthChangesRollTheServer() {
        var ms = cluster.create(MemoryServers.auth0(namespace, "memory"));
        var before = cluster.awaitObject(Deployment.class, namespace, "memory-server");
        var key = cluster.awaitObject(Secret.class, namespace, "memory-qdrant-api-key").getData();
        var sessionKey = cluster.awaitObject(Secret.class, namespace, "memory-session-key").getData();

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
        assertThat(cluster.get(Secret.class, namespace, "memory-session-key").getData()).isEqualTo(sessionKey);
    }

    @Test
    void deletedSessionKeySecretGetsANewKeyAndRollsTheServer() {
        cluster.create(MemoryServers.auth0(namespace, "memory"));
        var key = cluster.awaitObject(Secret.class, namespace, "memory-session-key");
        var serverHash = configHash(cluster.awaitObject(Deployment.class, namespace, "memory-server"));

        client.resource(key).delete();

        await().atMost(PATIENCE).untilAsserted(() -> {
            var newKey = cluster.get(Secret.class, namespace, "memory-session-key");
            assertThat(newKey).isNotNull();
            assertThat(newKey.getData()).isNotEqualTo(key.getData());
            assertThat(configHash(cluster.get(Deployment.class, namespace, "memory-server"))).isNotEqualTo(serverHash);
        });
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
    void aSnapshotScheduleCreatesTheCronJobAndRemovingItDeletesTheCronJob() {
        var ms = cluster.create(MemoryServers.auth0(namespace, "memory"));
        cluster.awaitObject(StatefulSet.class, namespace, "memory-qdrant");

        ms = cluster.edit(ms, current -> {
            current.getSpec().getQdrant().getSnapshots().setSize("20Gi");
            current.getSpec().getQdrant().getSnapshots().setSchedule("0 3 * * *");
        });

        var cronJob = cluster.awaitObject(CronJob.class, namespace, "memory-snapshots");
        assertThat(cronJob.getSpec().getSchedule()).isEqualTo("0 3 * * *");
        assertOwnedBy(cronJob, ms);
        await().atMost(PATIENCE).untilAsserted(() -> {
            var recreated = cluster.get(StatefulSet.class, namespace, "memory-qdrant");
            assertThat(recreated).as("the StatefulSet, recreated with the snapshot claim template").isNotNull();
            assertThat(recreated.getSpec().getVolumeClaimTemplates()).extracting(claim -> claim.getMetadata().getName())
                    .containsExactly("storage", "snapshots");
        });

        cluster.edit(ms, current -> current.getSpec().getQdrant().getSnapshots().setSchedule(null));

        cluster.awaitAbsent(CronJob.class, namespace, "memory-snapshots");
    }

    @Test
    void deletingTheMemoryServerLeavesNothingWithoutAnOwner() {
        var ms = cluster.create(MemoryServers.auth0(namespace, "memory"));
        cluster.awaitObject(PodDisruptionBudget.class, namespace, "memory-server");
        await().atMost(PATIENCE).until(() -> cluster.everythingIn(namespace).size() == 13);

        client.resource(ms).delete();

        await().atMost(PATIENCE).until(() -> cluster.get(namespace, "memory") == null);
        // The mock server has no garbage collector: what remains is what Kubernetes would collect.
        assertThat(cluster.everythingIn(namespace)).hasSize(13).allSatisfy(object -> assertOwnedBy(object, ms));
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
        assertThat(cluster.ownedBy(second).toList()).hasSize(13)
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
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(events(namespace))
                .anySatisfy(event -> {
                    assertThat(event.getType()).isEqualTo("Warning");
                    assertThat(event.getReason()).isEqualTo("InvalidSpec");
                    assertThat(event.getInvolvedObject().getName()).isEqualTo("memory");
                }));
    }

    @Test
    void creatingAndBecomingReadyAreRecordedAsNormalEventsOnTheMemoryServer() {
        cluster.create(MemoryServers.auth0(namespace, "memory"));
        cluster.awaitObject(Ingress.class, namespace, "memory");
        cluster.createTlsSecret(namespace, "memory-tls");
        cluster.reportWorkloadsRunning(namespace, "memory", 1, 1);
        await().atMost(PATIENCE).until(() -> isReady(cluster.get(namespace, "memory")));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(events(namespace))
                .extracting(Event::getType, Event::getReason, Event::getMessage)
                .contains(tuple("Normal", "Created", "Created StatefulSet memory-qdrant"),
                        tuple("Normal", "Created", "Created Deployment memory-server"),
                        tuple("Normal", "AllComponentsReady", "the MCP endpoint is serving")));
    }

    /** The mock serves no PodMonitor kind here, so creating PodMonitors is covered only by the unit tests. */
    @Test
    void podMonitorsRequestedWithoutPrometheusOperatorLeaveTheEndpointReadyAndRaiseAWarning() {
        var ms = MemoryServers.auth0(namespace, "memory");
        ms.getSpec().getMonitoring().getPodMonitor().setEnabled(true);
        cluster.create(ms);
        cluster.awaitObject(StatefulSet.class, namespace, "memory-qdrant");
        cluster.awaitObject(Deployment.class, namespace, "memory-server");
        cluster.createTlsSecret(namespace, "memory-tls");
        cluster.reportWorkloadsRunning(namespace, "memory", 1, 1);

        await().atMost(PATIENCE).untilAsserted(() -> {
            var conditions = cluster.get(namespace, "memory").getStatus().getConditions();
            assertThat(condition(conditions, "Ready").getStatus()).isEqualTo("True");
            assertThat(condition(conditions, "MonitoringReady").getReason()).isEqualTo("PrometheusOperatorMissing");
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(events(namespace))
                .extracting(Event::getType, Event::getReason)
                .contains(tuple("Warning", "PrometheusOperatorMissing")));
    }

    /**
     * The mock serves no cert-manager here, so creating the Certificate (and its informer) is covered only by the
     * unit tests and the reviewed manifests.
     */
    @Test
    void qdrantTlsOnAClusterWithoutCertManagerIsReportedWhileQdrantAndTheServerAreSetUpForTls() {
        var ms = MemoryServers.auth0(namespace, "memory");
        ms.getSpec().getQdrant().setTls(MemoryServers.qdrantTls("internal-ca", "Issuer"));
        cluster.create(ms);
        var qdrant = cluster.awaitObject(StatefulSet.class, namespace, "memory-qdrant");
        var server = cluster.awaitObject(Deployment.class, namespace, "memory-server");
        cluster.createTlsSecret(namespace, "memory-tls");
        cluster.reportWorkloadsRunning(namespace, "memory", 1, 1);

        await().atMost(PATIENCE).untilAsserted(() -> {
            var conditions = cluster.get(namespace, "memory").getStatus().getConditions();
            assertThat(condition(conditions, "QdrantReady").getReason()).isEqualTo("CertManagerMissing");
            assertThat(condition(conditions, "Ready").getStatus()).isEqualTo("False");
        });
        assertThat(qdrant.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .extracting(EnvVar::getName, EnvVar::getValue).contains(tuple("QDRANT__SERVICE__ENABLE_TLS", "true"));
        assertThat(server.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .extracting(EnvVar::getName, EnvVar::getValue)
                .contains(tuple("QDRANT_URL", "https://memory-qdrant:6334"));
    }

    /** The mock serves no Gateway API here, so creating the HTTPRoute is covered only by the unit tests. */
    @Test
    void anHttpRouteOnAClusterWithoutTheGatewayApiIsReportedAsNotReadyAndNoIngressIsCreated() {
        var ms = MemoryServers.auth0(namespace, "memory");
        ms.getSpec().getIngress().setEnabled(false);
        ms.getSpec().setHttpRoute(MemoryServers.httpRoute("memory.example.com", "shared", "infra"));
        cluster.create(ms);
        cluster.awaitObject(StatefulSet.class, namespace, "memory-qdrant");
        cluster.awaitObject(Deployment.class, namespace, "memory-server");

        await().atMost(PATIENCE).untilAsserted(() -> {
            var status = cluster.get(namespace, "memory").getStatus();
            assertThat(status).as("status, written after the first reconciliation").isNotNull();
            assertThat(status.getEndpoint()).isEqualTo("https://memory.example.com/mcp");
            assertThat(condition(status.getConditions(), "IngressReady").getReason()).isEqualTo("GatewayApiMissing");
            assertThat(condition(status.getConditions(), "Ready").getStatus()).isEqualTo("False");
        });
        assertThat(client.network().v1().ingresses().inNamespace(namespace).list().getItems()).isEmpty();
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

    @Test
    void readyTurnsFalseOnASpecChangeUntilTheControllerHasRolledItOut() {
        var ms = cluster.create(MemoryServers.auth0(namespace, "memory"));
        cluster.createTlsSecret(namespace, "memory-tls");
        cluster.awaitObject(Deployment.class, namespace, "memory-server");
        cluster.awaitObject(Ingress.class, namespace, "memory");
        cluster.reportWorkloadsRunning(namespace, "memory", 1, 1);
        await().atMost(PATIENCE).until(() -> isReady(cluster.get(namespace, "memory")));

        cluster.edit(ms, current -> current.getSpec().getServer().setImage("ghcr.io/min-memory/memory-server:9.9.9"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            var server = condition(cluster.get(namespace, "memory").getStatus().getConditions(), "ServerReady");
            assertThat(server.getStatus()).isEqualTo("False");
            assertThat(server.getReason()).isEqualTo("RolloutPending");
        });
        cluster.reportWorkloadsRunning(namespace, "memory", 1, 1);
        await().atMost(PATIENCE).until(() -> isReady(cluster.get(namespace, "memory")));
    }

    @Test
    void aCrashingServerPodIsNamedInTheReadyCondition() {
        cluster.create(MemoryServers.auth0(namespace, "memory"));
        cluster.awaitObject(Deployment.class, namespace, "memory-server");
        client.resource(new PodBuilder().withNewMetadata().withNamespace(namespace).withName("memory-server-7f9c")
                .withLabels(Map.of("app.kubernetes.io/name", "min-memory", "app.kubernetes.io/instance", "memory",
                        "app.kubernetes.io/component", "server"))
                .endMetadata()
                .withNewSpec().addNewContainer().withName("memory-server").withImage("x").endContainer().endSpec()
                .build()).create();
        client.pods().inNamespace(namespace).withName("memory-server-7f9c").editStatus(pod -> {
            pod.setStatus(new PodStatusBuilder().addNewContainerStatus().withName("memory-server")
                    .withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
                    .endContainerStatus().build());
            return pod;
        });

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(condition(
                cluster.get(namespace, "memory").getStatus().getConditions(), "Ready").getMessage())
                .contains("pod memory-server-7f9c: container memory-server CrashLoopBackOff"));
    }

    @Test
    void aQdrantStatefulSetWithOrderedReadyFromAnOlderOperatorIsRecreatedAsParallelNotUpdated() {
        cluster.create(MemoryServers.auth0(namespace, "memory"));
        var original = cluster.awaitObject(StatefulSet.class, namespace, "memory-qdrant");

        client.resources(StatefulSet.class).inNamespace(namespace).withName("memory-qdrant").edit(sts -> {
            sts.getSpec().setPodManagementPolicy("OrderedReady");
            return sts;
        });

        await().atMost(PATIENCE).untilAsserted(() -> {
            var recreated = cluster.get(StatefulSet.class, namespace, "memory-qdrant");
            assertThat(recreated).isNotNull();
            assertThat(recreated.getMetadata().getUid()).isNotEqualTo(original.getMetadata().getUid());
            assertThat(recreated.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
        });
    }

    /**
     * The mock has no controllers and no garbage collector: that the Deployment controller adopts the orphaned
     * ReplicaSet, and that the collector orphans rather than deletes it, is left unverified. What is shown: the
     * operator deletes with propagationPolicy Orphan, deletes no ReplicaSet or pod itself, creates the Deployment again
     * with the new selector, and records an Event.
     */
    @Test
    void aServerDeploymentWithTheOldSelectorIsRecreatedWithItsReplicaSetOrphanedNotDeleted() throws Exception {
        cluster.create(MemoryServers.auth0(namespace, "memory"));
        var original = cluster.awaitObject(Deployment.class, namespace, "memory-server");
        var replicaSet = client.resource(new ReplicaSetBuilder().withNewMetadata().withNamespace(namespace)
                .withName("memory-server-5d8f7c").withLabels(POD_LABELS_SERVER).withOwnerReferences(ownerReference(
                        original))
                .endMetadata().withNewSpec().withNewSelector().withMatchLabels(OLD_SELECTOR_SERVER).endSelector()
                .withTemplate(original.getSpec().getTemplate()).endSpec().build()).create();
        var pod = createPod("memory-server-5d8f7c-x2k9p", POD_LABELS_SERVER, ownerReference(replicaSet));

        client.resources(Deployment.class).inNamespace(namespace).withName("memory-server").edit(d -> {
            d.getSpec().getSelector().setMatchLabels(OLD_SELECTOR_SERVER);
            return d;
        });

        await().atMost(PATIENCE).untilAsserted(() -> {
            var recreated = cluster.get(Deployment.class, namespace, "memory-server");
            assertThat(recreated).isNotNull();
            assertThat(recreated.getMetadata().getUid()).isNotEqualTo(original.getMetadata().getUid());
            assertThat(recreated.getSpec().getSelector().getMatchLabels())
                    .containsEntry("app.kubernetes.io/name", "min-memory");
        });
        assertThat(cluster.get(ReplicaSet.class, namespace, replicaSet.getMetadata().getName())).isNotNull();
        assertThat(cluster.get(Pod.class, namespace, pod.getMetadata().getName())).isNotNull();
        var deletions = deletions();
        assertThat(deletions.get("/apis/apps/v1/namespaces/" + namespace + "/deployments/memory-server"))
                .isNotEmpty().allSatisfy(body -> assertThat(body).contains("\"propagationPolicy\":\"Orphan\""));
        assertThat(deletions.keySet()).noneMatch(path -> path.contains("/namespaces/" + namespace + "/replicasets")
                || path.contains("/namespaces/" + namespace + "/pods"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(events(namespace))
                .extracting(Event::getType, Event::getReason, Event::getMessage)
                .contains(tuple("Normal", "Recreating", "Deleted Deployment memory-server with its ReplicaSets and "
                        + "pods left running, to create it again with fields that cannot be updated in place")));
    }

    /**
     * The mock has no StatefulSet controller and no garbage collector: that the new StatefulSet adopts the orphaned
     * pods (which carry every label of the new selector) is left unverified. What is shown: the operator deletes with
     * propagationPolicy Orphan, deletes no pod or claim itself, creates the StatefulSet again with the new selector.
     */
    @Test
    void aQdrantStatefulSetWithTheOldSelectorIsRecreatedWithItsPodsOrphanedNotDeleted() throws Exception {
        cluster.create(MemoryServers.auth0(namespace, "memory"));
        var original = cluster.awaitObject(StatefulSet.class, namespace, "memory-qdrant");
        var pod = createPod("memory-qdrant-0", original.getSpec().getTemplate().getMetadata().getLabels(),
                ownerReference(original));
        createClaim("storage-memory-qdrant-0", "10Gi");

        client.resources(StatefulSet.class).inNamespace(namespace).withName("memory-qdrant").edit(sts -> {
            sts.getSpec().getSelector().setMatchLabels(
                    Map.of("app.kubernetes.io/instance", "memory", "app.kubernetes.io/component", "qdrant"));
            return sts;
        });

        await().atMost(PATIENCE).untilAsserted(() -> {
            var recreated = cluster.get(StatefulSet.class, namespace, "memory-qdrant");
            assertThat(recreated).isNotNull();
            assertThat(recreated.getMetadata().getUid()).isNotEqualTo(original.getMetadata().getUid());
            assertThat(recreated.getSpec().getSelector().getMatchLabels())
                    .containsEntry("app.kubernetes.io/name", "min-memory");
            assertThat(recreated.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(recreated.getSpec().getSelector().getMatchLabels());
        });
        assertThat(cluster.get(Pod.class, namespace, pod.getMetadata().getName())).isNotNull();
        assertThat(cluster.get(PersistentVolumeClaim.class, namespace, "storage-memory-qdrant-0")).isNotNull();
        var deletions = deletions();
        assertThat(deletions.get("/apis/apps/v1/namespaces/" + namespace + "/statefulsets/memory-qdrant"))
                .isNotEmpty().allSatisfy(body -> assertThat(body).contains("\"propagationPolicy\":\"Orphan\""));
        assertThat(deletions.keySet()).noneMatch(path -> path.contains("/namespaces/" + namespace + "/pods")
                || path.contains("/namespaces/" + namespace + "/persistentvolumeclaims"));
    }

    // The mock has no storage classes, so it cannot refuse an expansion: the refusal path is shown by a shrink.
    @Test
    void aLargerQdrantVolumeExpandsTheClaimsAndRecreatesTheStatefulSetWithTheNewTemplate() {
        var ms = cluster.create(MemoryServers.auth0(namespace, "memory"));
        var original = cluster.awaitObject(StatefulSet.class, namespace, "memory-qdrant");
        createClaim("storage-memory-qdrant-0", "10Gi");

        cluster.edit(ms, current -> current.getSpec().getQdrant().getStorage().setSize("20Gi"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(claimSize("storage-memory-qdrant-0")).isEqualTo(new Quantity("20Gi"));
            var recreated = cluster.get(StatefulSet.class, namespace, "memory-qdrant");
            assertThat(recreated).isNotNull();
            assertThat(recreated.getMetadata().getUid()).isNotEqualTo(original.getMetadata().getUid());
            assertThat(recreated.getSpec().getVolumeClaimTemplates().get(0).getSpec().getResources().getRequests())
                    .containsEntry("storage", new Quantity("20Gi"));
        });
    }

    @Test
    void aSmallerQdrantVolumeIsRefusedWithAConditionWhileOtherQdrantChangesStillApply() {
        var ms = cluster.create(MemoryServers.auth0(namespace, "memory"));
        var original = cluster.awaitObject(StatefulSet.class, namespace, "memory-qdrant");
        createClaim("storage-memory-qdrant-0", "10Gi");

        cluster.edit(ms, current -> {
            current.getSpec().getQdrant().getStorage().setSize("5Gi");
            current.getSpec().getQdrant().setImage("registry.example.com/qdrant:v2");
        });

        await().atMost(PATIENCE).untilAsserted(() -> {
            var status = cluster.get(namespace, "memory").getStatus();
            assertThat(status).as("status, written after the first reconciliation").isNotNull();
            var qdrant = condition(status.getConditions(), "QdrantReady");
            assertThat(qdrant.getReason()).isEqualTo("StorageChangeRefused");
            assertThat(qdrant.getMessage()).isEqualTo("qdrant.storage.size cannot shrink from 10Gi to 5Gi: "
                    + "PersistentVolumeClaims only grow, so the volumes stay at 10Gi");
            var sts = cluster.get(StatefulSet.class, namespace, "memory-qdrant");
            assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                    .isEqualTo("registry.example.com/qdrant:v2");
            assertThat(sts.getMetadata().getUid()).isEqualTo(original.getMetadata().getUid());
        });
        assertThat(claimSize("storage-memory-qdrant-0")).isEqualTo(new Quantity("10Gi"));
    }

    // The mock has no Qdrant and no StatefulSet controller: what it shows is the operator's gate, not shard moves.
    @Test
    void aQdrantScaleDownWaitsForTheAcknowledgementThatTheShardsWereMoved() {
        var ms = MemoryServers.auth0(namespace, "memory");
        ms.getSpec().getQdrant().setReplicas(3);
        ms = cluster.create(ms);
        cluster.awaitObject(StatefulSet.class, namespace, "memory-qdrant");

        cluster.edit(ms, current -> {
            current.getSpec().getQdrant().setReplicas(1);
            current.getSpec().getQdrant().setImage("registry.example.com/qdrant:v2");
        });

        await().atMost(PATIENCE).untilAsserted(() -> {
            var status = cluster.get(namespace, "memory").getStatus();
            assertThat(status).isNotNull();
            var qdrant = condition(status.getConditions(), "QdrantReady");
            assertThat(qdrant.getReason()).isEqualTo("ScaleDownRefused");
            assertThat(qdrant.getMessage()).startsWith("qdrant.replicas cannot drop from 3 to 1");
            var sts = cluster.get(StatefulSet.class, namespace, "memory-qdrant");
            assertThat(sts.getSpec().getReplicas()).isEqualTo(3);
            assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                    .isEqualTo("registry.example.com/qdrant:v2");
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(events(namespace)).anySatisfy(event -> {
            assertThat(event.getType()).isEqualTo("Warning");
            assertThat(event.getReason()).isEqualTo("ScaleDownRefused");
        }));

        cluster.edit(cluster.get(namespace, "memory"), current -> current.getMetadata()
                .setAnnotations(Map.of("minmemory.dev/qdrant-scale-down-to", "1")));

        await().atMost(PATIENCE).untilAsserted(() -> {
            var sts = cluster.get(StatefulSet.class, namespace, "memory-qdrant");
            assertThat(sts.getSpec().getReplicas()).isEqualTo(1);
            assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getCommand()).isEmpty();
            assertThat(condition(cluster.get(namespace, "memory").getStatus().getConditions(), "QdrantReady")
                    .getReason()).isNotEqualTo("ScaleDownRefused");
        });
    }

    // Shown on the configuration the runtime built; waiting out real back-off intervals would take minutes.
    @Test
    void aFailingReconciliationIsRetriedForeverWithBackOffAndEveryResourceIsRecheckedWithinTenMinutes() {
        var controller = configuration.getConfigurationFor(reconciler);

        assertThat(controller.maxReconciliationInterval()).contains(Duration.ofMinutes(10));
        assertThat(controller.getRetry()).isInstanceOfSatisfying(GenericRetry.class, retry -> {
            assertThat(retry.getMaxAttempts()).isEqualTo(-1);
            assertThat(retry.getInitialInterval()).isEqualTo(2_000);
            assertThat(retry.getMaxInterval()).isEqualTo(Duration.ofMinutes(5).toMillis());
        });
    }

    /** Path and body of every DELETE request the mock received since the last call (it consumes the record). */
    private Map<String, List<String>> deletions() throws InterruptedException {
        var deletions = new HashMap<String, List<String>>();
        var mock = server.getKubernetesMockServer();
        for (RecordedRequest request = mock.takeRequest(0, TimeUnit.SECONDS); request != null; request =
                mock.takeRequest(0, TimeUnit.SECONDS)) {
            if ("DELETE".equals(request.getMethod())) {
                deletions.computeIfAbsent(request.getPath(), path -> new ArrayList<>()).add(request.getUtf8Body());
            }
        }
        return deletions;
    }

    private Pod createPod(String name, Map<String, String> labels, OwnerReference owner) {
        return client.resource(new PodBuilder().withNewMetadata().withNamespace(namespace).withName(name)
                .withLabels(labels).withOwnerReferences(owner).endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage("x").endContainer().endSpec()
                .build()).create();
    }

    private static OwnerReference ownerReference(HasMetadata owner) {
        return new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
                .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).withController(true)
                .build();
    }

    private List<Event> events(String namespace) {
        return client.v1().events().inNamespace(namespace).list().getItems();
    }

    private void createClaim(String name, String size) {
        client.resource(new PersistentVolumeClaimBuilder().withNewMetadata().withNamespace(namespace).withName(name)
                .withLabels(Map.of("app.kubernetes.io/name", "min-memory", "app.kubernetes.io/instance", "memory",
                        "app.kubernetes.io/component", "qdrant"))
                .endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce").withNewResources().addToRequests("storage",
                        new Quantity(size))
                .endResources().endSpec()
                .build()).create();
    }

    private Quantity claimSize(String name) {
        return cluster.get(PersistentVolumeClaim.class, namespace, name).getSpec().getResources().getRequests()
                .get("storage");
    }

    private static boolean isReady(MemoryServer ms) {
        return ms.getStatus() != null && ms.getStatus().getConditions().stream()
                .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
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
