package dev.minmemory.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.utils.Serialization;

/** The chart grants the operator exactly the reviewed least-privilege rules, cluster-wide or per namespace. */
class OperatorRbacTest {

    /** The operator's hand-written RBAC, which its own build checks against what the operator uses. */
    private static final Path OPERATOR_RBAC = Path.of("..", "operator", "src", "main", "kubernetes", "kubernetes.yml");

    @Test
    void watchingAllNamespacesGrantsTheOperatorsRulesThroughAClusterRole() throws IOException {
        var chart = Chart.render("defaults");

        ClusterRole role = chart.one(ClusterRole.class);
        assertThat(role.getRules()).isEqualTo(operatorRules());
        ClusterRoleBinding binding = chart.one(ClusterRoleBinding.class);
        assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
        assertThat(binding.getSubjects()).containsExactly(serviceAccountOf(chart));
        assertThat(chart.all(Role.class)).isEmpty();
        assertThat(chart.all(RoleBinding.class)).isEmpty();
    }

    @Test
    void watchingAListGrantsTheSameRulesInEachNamespaceAndNothingClusterWide() throws IOException {
        var chart = Chart.render("watch-namespaces");

        assertThat(chart.all(Role.class)).extracting(r -> r.getMetadata().getNamespace())
                .containsExactly("team-a", "team-b");
        assertThat(chart.all(Role.class)).allSatisfy(r -> assertThat(r.getRules()).isEqualTo(operatorRules()));
        assertThat(chart.all(RoleBinding.class)).hasSize(2).allSatisfy(binding -> {
            assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
            assertThat(binding.getSubjects()).containsExactly(serviceAccountOf(chart));
        });
        assertThat(chart.all(ClusterRole.class)).isEmpty();
        assertThat(chart.all(ClusterRoleBinding.class)).isEmpty();
    }

    @Test
    void namesMatchTheOperatorsOwnManifestsForTheDefaultReleaseName() throws IOException {
        var chart = Chart.render("defaults");

        assertThat(List.of(chart.one(ClusterRole.class), chart.one(ServiceAccount.class)))
                .extracting(o -> o.getMetadata().getName())
                .containsOnly(operatorManifests().stream()
                        .filter(ClusterRole.class::isInstance).findFirst().orElseThrow().getMetadata().getName());
    }

    private static Subject serviceAccountOf(RenderedChart chart) {
        var account = chart.one(ServiceAccount.class).getMetadata();
        assertThat(account.getNamespace()).isEqualTo(Chart.NAMESPACE);
        return new Subject(null, "ServiceAccount", account.getName(), account.getNamespace());
    }

    private static List<PolicyRule> operatorRules() throws IOException {
        return operatorManifests().stream().filter(ClusterRole.class::isInstance).map(ClusterRole.class::cast)
                .findFirst().orElseThrow().getRules();
    }

    private static List<HasMetadata> operatorManifests() throws IOException {
        List<HasMetadata> objects = Serialization.unmarshal(Files.readString(OPERATOR_RBAC));
        return objects;
    }
}
