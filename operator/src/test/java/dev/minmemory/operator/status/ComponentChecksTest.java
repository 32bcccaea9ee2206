package dev.minmemory.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.crd.MemoryServer;
import dev.minmemory.operator.crd.TlsSpec;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatusBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;

class ComponentChecksTest {

    private final MemoryServer ms = MemoryServers.auth0("team-a", "memory");

    private static final Supplier<List<Pod>> NO_PODS = List::of;

    @Test
    void qdrantIsReadyWhenEveryPodIsReadyAndUpdated() {
        ms.getSpec().getQdrant().setReplicas(3);
        var sts = statefulSet(2, 2).editStatus().withReadyReplicas(3).withReplicas(3).withUpdatedReplicas(2)
                .withCurrentRevision("r1").withUpdateRevision("r2").endStatus().build();

        assertThat(ComponentChecks.qdrant(ms, Optional.of(sts), Optional.empty(), Optional.empty(), NO_PODS))
                .isEqualTo(ComponentState.notReady("QdrantReady", "RollingUpdate", "3/3 Qdrant pods ready, 2 updated"));

        sts.getStatus().setUpdatedReplicas(3);
        sts.getStatus().setCurrentRevision("r2");
        assertThat(ComponentChecks.qdrant(ms, Optional.of(sts), Optional.empty(), Optional.empty(), NO_PODS))
                .isEqualTo(ComponentState.ready("QdrantReady", "PodsReady", "3/3 Qdrant pods ready"));
    }

    @Test
    void qdrantIsNotReadyWhileItsControllerHasNotSeenTheNewGenerationThoughTheOldPodsAreAllReady() {
        var sts = statefulSet(2, 1).editStatus().withReadyReplicas(1).withReplicas(1).withUpdatedReplicas(1)
                .withCurrentRevision("r1").withUpdateRevision("r1").endStatus().build();

        assertThat(ComponentChecks.qdrant(ms, Optional.of(sts), Optional.empty(), Optional.empty(), NO_PODS).reason())
                .isEqualTo("RolloutPending");
    }

    @Test
    void qdrantIsNotReadyWhileTheRevisionsDifferEvenIfTheCountsLookDone() {
        var sts = statefulSet(2, 2).editStatus().withReadyReplicas(1).withReplicas(1).withUpdatedReplicas(1)
                .withCurrentRevision("r1").withUpdateRevision("r2").endStatus().build();

        assertThat(ComponentChecks.qdrant(ms, Optional.of(sts), Optional.empty(), Optional.empty(), NO_PODS).reason())
                .isEqualTo("RollingUpdate");
    }

    @Test
    void aRefusedStorageChangeKeepsQdrantNotReadyWithTheReason() {
        var sts = statefulSet(1, 1).editStatus().withReadyReplicas(1).withReplicas(1).withUpdatedReplicas(1).endStatus()
                .build();

        assertThat(
                ComponentChecks.qdrant(ms, Optional.of(sts), Optional.of("cannot shrink"), Optional.empty(), NO_PODS))
                .isEqualTo(ComponentState.notReady("QdrantReady", "StorageChangeRefused", "cannot shrink"));
    }

    @Test
    void aRefusedScaleDownKeepsQdrantNotReadyWithTheReasonEvenWhileEveryPodIsReady() {
        var sts = statefulSet(1, 1).editStatus().withReadyReplicas(3).withReplicas(3).withUpdatedReplicas(3).endStatus()
                .build();

        assertThat(ComponentChecks.qdrant(ms, Optional.of(sts), Optional.empty(), Optional.of("move the shards"),
                NO_PODS)).isEqualTo(ComponentState.notReady("QdrantReady", "ScaleDownRefused", "move the shards"));
    }

    @Test
    void aServerWithoutStatusIsNotReady() {
        var deployment = new DeploymentBuilder().build();

        assertThat(ComponentChecks.server(ms, Optional.of(deployment), NO_PODS).ready()).isFalse();
        assertThat(ComponentChecks.server(ms, Optional.empty(), NO_PODS))
                .isEqualTo(ComponentState.notReady(
                        "ServerReady", "NotCreated", "the memory server Deployment does not exist yet"));
    }

    @Test
    void theServerIsNotReadyWhileOldPodsAreStillRunningBesideTheUpdatedOnes() {
        var deployment = deployment(3, 3).editStatus().withAvailableReplicas(1).withReplicas(2)
                .withUpdatedReplicas(1).endStatus().build();

        assertThat(ComponentChecks.server(ms, Optional.of(deployment), NO_PODS)).isEqualTo(ComponentState.notReady(
                "ServerReady", "RollingUpdate", "1/1 memory server pods available, 1 updated, 2 running"));

        deployment.getStatus().setReplicas(1);
        assertThat(ComponentChecks.server(ms, Optional.of(deployment), NO_PODS).ready()).isTrue();
    }

    @Test
    void theServerIsNotReadyBeforeItsControllerHasSeenTheNewGeneration() {
        var deployment = deployment(4, 3).editStatus().withAvailableReplicas(1).withReplicas(1)
                .withUpdatedReplicas(1).endStatus().build();

        assertThat(ComponentChecks.server(ms, Optional.of(deployment), NO_PODS).reason()).isEqualTo("RolloutPending");
    }

    @Test
    void podFailuresAreNamedInTheMessage() {
        var deployment = deployment(1, 1).editStatus().withAvailableReplicas(0).withReplicas(2)
                .withUpdatedReplicas(2).endStatus().build();
        ms.getSpec().getServer().setReplicas(2);
        var crashing = pod("memory-server-a").withNewStatus().addNewContainerStatus().withName("memory-server")
                .withNewState().withNewWaiting().withReason("CrashLoopBackOff")
                .withMessage("back-off 5m0s restarting failed container").endWaiting().endState()
                .endContainerStatus().endStatus().build();
        var unschedulable = pod("memory-server-b").withNewStatus().withPhase("Pending").addNewCondition()
                .withType("PodScheduled").withStatus("False").withReason("Unschedulable")
                .withMessage("0/3 nodes are available: 3 Insufficient memory.").endCondition().endStatus().build();
        var starting = pod("memory-server-c").withNewStatus().addNewContainerStatus().withName("memory-server")
                .withNewState().withNewWaiting().withReason("ContainerCreating").endWaiting().endState()
                .endContainerStatus().endStatus().build();

        var state =
                ComponentChecks.server(ms, Optional.of(deployment), () -> List.of(crashing, unschedulable, starting));

        assertThat(state.reason()).isEqualTo("PodsNotReady");
        assertThat(state.message()).isEqualTo("0/2 memory server pods available; "
                + "pod memory-server-a: container memory-server CrashLoopBackOff (back-off 5m0s restarting failed "
                + "container); pod memory-server-b: Pending, unschedulable: 0/3 nodes are available: 3 Insufficient "
                + "memory.");
    }

    @Test
    void anImageThatCannotBePulledIsNamedForQdrantToo() {
        var sts = statefulSet(1, 1).editStatus().withReadyReplicas(0).withReplicas(1).withUpdatedReplicas(1).endStatus()
                .build();
        var pod = pod("memory-qdrant-0").withNewStatus().addNewContainerStatus().withName("qdrant")
                .withNewState().withNewWaiting().withReason("ImagePullBackOff").endWaiting().endState()
                .endContainerStatus().endStatus().build();

        assertThat(ComponentChecks.qdrant(ms, Optional.of(sts), Optional.empty(), Optional.empty(), () -> List.of(pod))
                .message())
                .isEqualTo("0/1 Qdrant pods ready; pod memory-qdrant-0: container qdrant ImagePullBackOff");
    }

    private static StatefulSetBuilder statefulSet(long generation, long observedGeneration) {
        return new StatefulSetBuilder().withNewMetadata().withGeneration(generation).endMetadata()
                .withNewStatus().withObservedGeneration(observedGeneration).endStatus();
    }

    private static DeploymentBuilder deployment(long generation, long observedGeneration) {
        return new DeploymentBuilder().withNewMetadata().withGeneration(generation).endMetadata()
                .withNewStatus().withObservedGeneration(observedGeneration).endStatus();
    }

    private static PodBuilder pod(String name) {
        return new PodBuilder().withNewMetadata().withName(name).endMetadata();
    }

    @Test
    void aMissingCertificateSecretNamedInTheSpecIsReportedAsSuch() {
        var tls = new TlsSpec();
        tls.setSecretName("wildcard");
        ms.getSpec().getIngress().setTls(tls);

        assertThat(ComponentChecks.ingress(ms, Optional.of(new IngressBuilder().build()), "wildcard", false))
                .isEqualTo(ComponentState.notReady("IngressReady", "TlsSecretMissing",
                        "TLS Secret wildcard does not exist in this namespace"));
    }

    @Test
    void theIngressIsReadyOnceItHasACertificateAndAnAddress() {
        var ingress = new IngressBuilder().withNewStatus().withNewLoadBalancer().addNewIngress()
                .withHostname("lb.example.com").endIngress().endLoadBalancer().endStatus().build();

        assertThat(ComponentChecks.ingress(ms, Optional.of(ingress), "memory-tls", true)).isEqualTo(
                ComponentState.ready("IngressReady", "Serving",
                        "https://memory.team-a.example.com is served with TLS"));
        assertThat(ComponentChecks.ingress(ms, Optional.of(new IngressBuilder().build()), "memory-tls", true))
                .extracting(ComponentState::reason).isEqualTo("AddressPending");
    }

    @Test
    void aDisabledIngressCountsAsReady() {
        ms.getSpec().getIngress().setEnabled(false);

        assertThat(ComponentChecks.ingress(ms, Optional.empty(), "", false).ready()).isTrue();
    }

    @Test
    void requestedPodMonitorsWithoutPrometheusOperatorAreReportedNotFailed() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getMonitoring().getPodMonitor().setEnabled(true);

        assertThat(ComponentChecks.monitoring(ms, false).reason()).isEqualTo("PrometheusOperatorMissing");
        assertThat(ComponentChecks.monitoring(ms, true).ready()).isTrue();
    }

    @Test
    void monitoringSwitchedOffIsFineWhetherOrNotPrometheusOperatorIsInstalled() {
        var ms = MemoryServers.auth0("team-a", "memory");

        assertThat(ComponentChecks.monitoring(ms, false))
                .isEqualTo(ComponentState.ready("MonitoringReady", "Disabled", "no PodMonitors requested"));
    }

    @Test
    void withQdrantTlsQdrantWaitsForCertManagerThenForTheIssuedCertificate() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getQdrant().setTls(MemoryServers.qdrantTls("internal-ca", "Issuer"));

        assertThat(ComponentChecks.qdrantCertificate(ms, false, () -> {
            throw new AssertionError("no informer to read from when the kind is not served");
        })).get().extracting(ComponentState::reason).isEqualTo("CertManagerMissing");
        assertThat(ComponentChecks.qdrantCertificate(ms, true, Optional::empty)).get()
                .extracting(ComponentState::reason).isEqualTo("CertificateNotCreated");
        assertThat(ComponentChecks.qdrantCertificate(ms, true, () -> Optional.of(certificate(Map.of("type", "Ready",
                "status", "False", "reason", "DoesNotExist", "message", "Issuer internal-ca not found")))))
                .get().isEqualTo(ComponentState.notReady("QdrantReady", "CertificateNotReady", "cert-manager has "
                        + "not issued Certificate memory-qdrant-tls yet: DoesNotExist: Issuer internal-ca not found"));
        assertThat(ComponentChecks.qdrantCertificate(ms, true,
                () -> Optional.of(certificate(Map.of("type", "Ready", "status", "True"))))).isEmpty();
    }

    @Test
    void withoutQdrantTlsTheCertificateIsNeverAskedFor() {
        assertThat(ComponentChecks.qdrantCertificate(MemoryServers.auth0("team-a", "memory"), false, () -> {
            throw new AssertionError("read");
        })).isEmpty();
    }

    @Test
    void anHttpRouteIsServingOnlyOnceItsGatewayAcceptedItAndResolvedTheService() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getIngress().setEnabled(false);
        ms.getSpec().setHttpRoute(MemoryServers.httpRoute("memory.example.com", "shared", "infra"));

        assertThat(ComponentChecks.httpRoute(ms, Optional.of(route()), true).reason()).isEqualTo("RoutePending");
        assertThat(ComponentChecks.httpRoute(ms, Optional.of(route(
                parentCondition("Accepted", "False", "NotAllowedByListeners", "namespace not allowed"))), true))
                .isEqualTo(ComponentState.notReady("IngressReady", "RouteNotAccepted",
                        "Gateway shared: NotAllowedByListeners: namespace not allowed"));
        assertThat(ComponentChecks.httpRoute(ms, Optional.of(route(parentCondition("Accepted", "True", "Accepted", ""),
                parentCondition("ResolvedRefs", "False", "BackendNotFound", "no Service"))), true).reason())
                .isEqualTo("RouteRefsUnresolved");
        assertThat(ComponentChecks.httpRoute(ms, Optional.of(route(parentCondition("Accepted", "True", "Accepted", ""),
                parentCondition("ResolvedRefs", "True", "ResolvedRefs", ""))), true).ready()).isTrue();
    }

    @Test
    void anHttpRouteOnAClusterWithoutTheGatewayApiIsReportedAndKeepsReadyFalse() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().getIngress().setEnabled(false);
        ms.getSpec().setHttpRoute(MemoryServers.httpRoute("memory.example.com", "shared", "infra"));

        assertThat(ComponentChecks.httpRoute(ms, Optional.empty(), false).reason()).isEqualTo("GatewayApiMissing");
    }

    private static HTTPRoute route(Condition... conditions) {
        var route = new HTTPRouteBuilder().withNewStatus().endStatus().build();
        if (conditions.length > 0) {
            route.getStatus().getParents().add(new RouteParentStatusBuilder().withControllerName("example.com/gw")
                    .withNewParentRef().withName("shared").endParentRef().withConditions(conditions).build());
        }
        return route;
    }

    private static Condition parentCondition(String type, String status, String reason, String message) {
        return new ConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message).build();
    }

    private static GenericKubernetesResource certificate(Map<String, Object> readyCondition) {
        var certificate = new GenericKubernetesResourceBuilder().withApiVersion("cert-manager.io/v1")
                .withKind("Certificate").withNewMetadata().withName("memory-qdrant-tls").endMetadata().build();
        certificate.setAdditionalProperty("status", Map.of("conditions", List.of(readyCondition)));
        return certificate;
    }
}
