package dev.minmemory.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.crd.CommittedCrd;
import dev.minmemory.operator.crd.MemoryServer;
import dev.minmemory.operator.crd.TlsSpec;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;

class SpecValidatorTest {

    /** Transition rules need the previous object, which only the API server has. */
    private static final String OLD_SELF = "oldSelf";

    @Test
    void aValidSpecHasNoProblems() {
        assertThat(SpecValidator.problems(MemoryServers.auth0("team-a", "memory"))).isEmpty();
    }

    @Test
    void aMissingAuthSectionIsReportedAlone() {
        var ms = MemoryServers.auth0("team-a", "memory");
        ms.getSpec().setAuth(null);

        assertThat(SpecValidator.problems(ms)).containsExactly("spec.auth is required");
    }

    @Test
    void eachBrokenRuleIsReportedWithAMessageAPersonUnderstands() {
        assertThat(problems(ms -> ms.getSpec().getAuth().setAuth0Domain("https://team-a.eu.auth0.com")))
                .containsExactly("auth.auth0Domain is a bare host name such as team-a.eu.auth0.com, "
                        + "without https:// or a path");
        assertThat(problems(ms -> ms.getSpec().getIngress().setHost(null)))
                .containsExactly("ingress.host is required when the ingress is enabled");
        assertThat(problems(ms -> ms.getSpec().getQdrant().setReplicationFactor(2)))
                .containsExactly("qdrant.replicationFactor cannot exceed qdrant.replicas: "
                        + "every copy of a shard needs its own Qdrant pod");
    }

    @Test
    void everyCelRuleOfTheCrdIsAlsoCheckedByTheOperatorWithTheSameMessage() {
        var javaMessages = Stream.of(
                problems(ms -> ms.getMetadata().setName("a-name-that-is-much-too-long-for-derived-objects")),
                problems(ms -> ms.getSpec().getAuth().setIssuer("http://login.example.com")),
                problems(ms -> ms.getSpec().getAuth().setAuth0Domain("team-a.eu.auth0.com/")),
                problems(ms -> ms.getSpec().getIngress().setHost(null)),
                problems(ms -> ms.getSpec().getIngress().setTls(null)),
                problems(ms -> ms.getSpec().getIngress().setTls(new TlsSpec())),
                problems(ms -> ms.getSpec().getQdrant().setReplicationFactor(3)),
                problems(ms -> ms.getSpec().getQdrant().getSnapshots().setSchedule("0 3 * * *")),
                problems(ms -> ms.getSpec().getQdrant().getTls().setEnabled(true)),
                problems(ms -> {
                    ms.getSpec().getQdrant().setTls(MemoryServers.qdrantTls("internal-ca", "Issuer"));
                    ms.getSpec().getQdrant().getSnapshots().setSize("20Gi");
                    ms.getSpec().getQdrant().getSnapshots().setSchedule("0 3 * * *");
                }),
                problems(ms -> ms.getSpec().setHttpRoute(MemoryServers.httpRoute("memory.example.com", "gw", null))),
                problems(ms -> {
                    ms.getSpec().getIngress().setEnabled(false);
                    ms.getSpec().setHttpRoute(MemoryServers.httpRoute(null, "gw", null));
                    ms.getSpec().getHttpRoute().getParentRefs().clear();
                }))
                .flatMap(List::stream).toList();

        var celMessages = celRules(CommittedCrd.schema()).stream()
                .filter(rule -> !rule.getRule().contains(OLD_SELF))
                .map(ValidationRule::getMessage)
                .toList();

        assertThat(celMessages).hasSize(14);
        assertThat(javaMessages).containsAll(celMessages);
    }

    private static List<String> problems(Consumer<MemoryServer> breakIt) {
        var ms = MemoryServers.auth0("team-a", "memory");
        breakIt.accept(ms);
        return SpecValidator.problems(ms);
    }

    private static List<ValidationRule> celRules(JSONSchemaProps schema) {
        var rules = new ArrayList<>(schema.getXKubernetesValidations());
        schema.getProperties().values().forEach(property -> rules.addAll(celRules(property)));
        if (schema.getItems() != null && schema.getItems().getSchema() != null) {
            rules.addAll(celRules(schema.getItems().getSchema()));
        }
        return rules;
    }
}
