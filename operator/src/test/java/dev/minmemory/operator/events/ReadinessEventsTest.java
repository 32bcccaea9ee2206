package dev.minmemory.operator.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.Event;

class ReadinessEventsTest {

    private final MemoryServer ms = MemoryServers.auth0("team-a", "memory");

    @Test
    void anEventNamesTheMemoryServerSoKubectlDescribeShowsIt() {
        ms.getMetadata().setResourceVersion("42");

        Event event = OperatorEvents.of(ms, OperatorEvents.WARNING, "InvalidSpec", "the spec is invalid",
                Clock.fixed(Instant.parse("2026-12-02T03:00:00.5Z"), ZoneOffset.UTC));

        assertThat(event.getMetadata().getNamespace()).isEqualTo("team-a");
        assertThat(event.getMetadata().getName()).startsWith("memory.");
        assertThat(event.getInvolvedObject().getKind()).isEqualTo("MemoryServer");
        assertThat(event.getInvolvedObject().getApiVersion()).isEqualTo("minmemory.dev/v1alpha1");
        assertThat(event.getInvolvedObject().getUid()).isEqualTo(ms.getMetadata().getUid());
        assertThat(event.getType()).isEqualTo("Warning");
        assertThat(event.getReason()).isEqualTo("InvalidSpec");
        assertThat(event.getSource().getComponent()).isEqualTo("min-memory-operator");
        assertThat(event.getFirstTimestamp()).isEqualTo("2026-12-02T03:00:00Z");
    }

    @Test
    void failureReasonsAreWarningsAndTheRestNormal() {
        assertThat(ReadinessEvents.FAILURES)
                .contains("InvalidSpec", "ReconcileFailed", "StorageChangeRefused", "PrometheusOperatorMissing")
                .doesNotContain("PodsNotReady", "RollingUpdate", "AllComponentsReady");
    }
}
