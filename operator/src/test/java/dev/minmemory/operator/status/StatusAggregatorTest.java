package dev.minmemory.operator.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.crd.CrdSchema;
import dev.minmemory.operator.crd.MemoryServerStatus;
import io.fabric8.kubernetes.api.model.Condition;

class StatusAggregatorTest {

    private static final Clock T1 = Clock.fixed(Instant.parse("2026-01-01T10:00:00.123Z"), ZoneOffset.UTC);
    private static final Clock T2 = Clock.fixed(Instant.parse("2026-01-01T11:00:00Z"), ZoneOffset.UTC);

    private static final List<ComponentState> ALL_READY = List.of(
            ComponentState.ready(ConditionTypes.QDRANT_READY, "PodsReady", "1/1 Qdrant pods ready"),
            ComponentState.ready(ConditionTypes.SERVER_READY, "PodsReady", "1/1 memory server pods available"),
            ComponentState.ready(ConditionTypes.INGRESS_READY, "Serving", "https://m.example.com is served with TLS"));

    @Test
    void readyIsTrueOnlyWhenEveryComponentIs() {
        var status = new StatusAggregator(null, 3, T1).components("https://m.example.com/mcp", ALL_READY, List.of());

        assertThat(status.getObservedGeneration()).isEqualTo(3L);
        assertThat(status.getEndpoint()).isEqualTo("https://m.example.com/mcp");
        assertThat(status.getConditions()).first().satisfies(ready -> {
            assertThat(ready.getType()).isEqualTo("Ready");
            assertThat(ready.getStatus()).isEqualTo("True");
            assertThat(ready.getReason()).isEqualTo("AllComponentsReady");
            assertThat(ready.getObservedGeneration()).isEqualTo(3L);
            assertThat(ready.getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
        });
    }

    @Test
    void notReadyTakesTheFirstWaitingComponentsReasonAndListsAllOfThem() {
        var status = new StatusAggregator(null, 1, T1).components("e", List.of(
                ComponentState.notReady(ConditionTypes.QDRANT_READY, "PodsNotReady", "0/1 Qdrant pods ready"),
                ALL_READY.get(1),
                ComponentState.notReady(ConditionTypes.INGRESS_READY, "CertificatePending", "waiting for cert")),
                List.of());

        Condition ready = status.getConditions().get(0);
        assertThat(ready.getStatus()).isEqualTo("False");
        assertThat(ready.getReason()).isEqualTo("PodsNotReady");
        assertThat(ready.getMessage()).isEqualTo("QdrantReady: 0/1 Qdrant pods ready; IngressReady: waiting for cert");
    }

    @Test
    void anUnchangedWorldGivesAnEqualStatusSoNothingIsPatched() {
        MemoryServerStatus first = new StatusAggregator(null, 1, T1).components("e", ALL_READY, List.of());

        MemoryServerStatus second = new StatusAggregator(first, 1, T2).components("e", ALL_READY, List.of());

        assertThat(second).isEqualTo(first);
    }

    @Test
    void lastTransitionTimeMovesOnlyWhenTheConditionFlips() {
        MemoryServerStatus ready = new StatusAggregator(null, 1, T1).components("e", ALL_READY, List.of());
        var qdrantDown = List.of(
                ComponentState.notReady(ConditionTypes.QDRANT_READY, "PodsNotReady", "0/1 Qdrant pods ready"),
                ALL_READY.get(1), ALL_READY.get(2));

        MemoryServerStatus degraded = new StatusAggregator(ready, 1, T2).components("e", qdrantDown, List.of());

        assertThat(degraded.getConditions()).extracting(Condition::getType, Condition::getLastTransitionTime)
                .containsExactly(
                        tuple("Ready", "2026-01-01T11:00:00Z"),
                        tuple("QdrantReady", "2026-01-01T11:00:00Z"),
                        tuple("ServerReady", "2026-01-01T10:00:00Z"),
                        tuple("IngressReady", "2026-01-01T10:00:00Z"));
    }

    @Test
    void anInvalidSpecChangesOnlyTheReadyCondition() {
        MemoryServerStatus ready =
                new StatusAggregator(null, 1, T1).components("https://m.example.com/mcp", ALL_READY, List.of());

        MemoryServerStatus invalid = new StatusAggregator(ready, 2, T2).invalidSpec(List.of("a", "b"));

        assertThat(invalid.getObservedGeneration()).isEqualTo(2L);
        assertThat(invalid.getEndpoint()).isEqualTo("https://m.example.com/mcp");
        assertThat(invalid.getConditions().get(0)).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("InvalidSpec");
            assertThat(c.getMessage()).isEqualTo("the spec is invalid: a; b");
        });
        assertThat(invalid.getConditions().subList(1, 4)).isEqualTo(ready.getConditions().subList(1, 4));
    }

    @Test
    void readyIgnoresExtraConditionsSoMissingPrometheusOperatorNeverTakesTheEndpointDown() {
        var status = new StatusAggregator(null, 1, T1).components("e", ALL_READY, List.of(ComponentState
                .notReady(ConditionTypes.MONITORING_READY, "PrometheusOperatorMissing", "no PodMonitor kind")));

        assertThat(status.getConditions().get(0).getStatus()).isEqualTo("True");
        assertThat(status.getConditions()).last().satisfies(monitoring -> {
            assertThat(monitoring.getType()).isEqualTo(ConditionTypes.MONITORING_READY);
            assertThat(monitoring.getStatus()).isEqualTo("False");
        });
    }

    @Test
    void everyStatusTheOperatorWritesSatisfiesTheCrdsMetav1ConditionSchema() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.setStatus(new StatusAggregator(null, 1, T1).components("https://m.example.com/mcp", ALL_READY, List.of(
                ComponentState.notReady(ConditionTypes.MONITORING_READY, "PrometheusOperatorMissing", ""))));

        var json = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        assertThat(CrdSchema.strict().validate(json.valueToTree(ms))).isEmpty();
    }
}
