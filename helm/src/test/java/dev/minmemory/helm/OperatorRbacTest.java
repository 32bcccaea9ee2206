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
        assertThat(namespaceRoles(chart)).isEmpty();
        assertThat(namespaceRoleBindings(chart)).isEmpty();
    }

    @Test
    void watchingAListGrantsTheSameRulesInEachNamespaceAndNothingClusterWide() throws IOException {
        var chart = Chart.render("watch-namespaces");

        assertThat(namespaceRoles(chart)).extracting(r -> r.getMetadata().getNamespace())
                .containsExactly("team-a", "team-b");
        assertThat(namespaceRoles(chart)).allSatisfy(r -> assertThat(r.getRules()).isEqualTo(operatorRules()));
        assertThat(namespaceRoleBindings(chart)).hasSize(2).allSatisfy(binding -> {
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

    /** The Roles that grant the operator's rules, without the leader election's Lease role. */
    private static List<Role> namespaceRoles(RenderedChart chart) {
        return chart.all(Role.class).stream().filter(role -> !role.getMetadata().getName().endsWith("-leader-election"))
                .toList();
    }

    private static List<RoleBinding> namespaceRoleBindings(RenderedChart chart) {
        return chart.all(RoleBinding.class).stream()
                .filter(binding -> !binding.getMetadata().getName().endsWith("-leader-election")).toList();
    }

    @Test
    void theLeaderElectionRoleIsTheOperatorsOwn() throws IOException {
        Role chartRole = Chart.render("defaults").all(Role.class).stream().filter(role -> role.getMetadata().getName()
                .endsWith("-leader-election")).findFirst().orElseThrow();

        assertThat(chartRole.getRules()).isEqualTo(operatorManifests().stream().filter(Role.class::isInstance)
                .map(Role.class::cast).findFirst().orElseThrow().getRules());
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
