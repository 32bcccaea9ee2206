package dev.minmemory.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.crd.MemoryServer;
import dev.minmemory.operator.crd.TlsSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;

class ComponentChecksTest {

    private final MemoryServer ms = MemoryServers.auth0("team-a", "memory");

    @Test
    void qdrantIsReadyWhenEveryPodIsReadyAndUpdated() {
        ms.getSpec().getQdrant().setReplicas(3);
        var sts = new StatefulSetBuilder().withNewStatus().withReadyReplicas(3).withUpdatedReplicas(2).endStatus()
                .build();

        assertThat(ComponentChecks.qdrant(ms, Optional.of(sts)))
                .isEqualTo(ComponentState.notReady("QdrantReady", "RollingUpdate", "3/3 Qdrant pods ready, 2 updated"));

        sts.getStatus().setUpdatedReplicas(3);
        assertThat(ComponentChecks.qdrant(ms, Optional.of(sts)))
                .isEqualTo(ComponentState.ready("QdrantReady", "PodsReady", "3/3 Qdrant pods ready"));
    }

    @Test
    void aServerWithoutStatusIsNotReady() {
        var deployment = new DeploymentBuilder().build();

        assertThat(ComponentChecks.server(ms, Optional.of(deployment))).isEqualTo(
                ComponentState.notReady("ServerReady", "PodsNotReady", "0/1 memory server pods available"));
        assertThat(ComponentChecks.server(ms, Optional.empty())).isEqualTo(ComponentState.notReady(
                "ServerReady", "NotCreated", "the memory server Deployment does not exist yet"));
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
}
