package dev.minmemory.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.minmemory.operator.crd.CommittedCrd;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * Checks the manifests the build generates into target/kubernetes (hence run after packaging).
 * After an intended model change, refresh the committed CRD with: ./mvnw -pl operator verify -Dcrd.update=true
 */
class GeneratedManifestsIT {

    private static final Path GENERATED = Path.of("target", "kubernetes");

    @Test
    void committedCrdMatchesTheOneGeneratedFromTheJavaModel() throws IOException {
        Path generated = GENERATED.resolve(CommittedCrd.FILE.getFileName());
        if (Boolean.getBoolean("crd.update")) {
            Files.copy(generated, CommittedCrd.FILE, StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(Files.readString(CommittedCrd.FILE))
                .as("%s is out of date; regenerate it with -Dcrd.update=true", CommittedCrd.FILE)
                .isEqualTo(Files.readString(generated));
    }

    @Test
    void clusterRoleGrantsOnlyWhatTheOperatorUses() throws IOException {
        var objects = manifests();
        var role = objects.stream().filter(ClusterRole.class::isInstance).map(ClusterRole.class::cast)
                .toList();

        assertThat(role).singleElement().satisfies(r -> assertThat(r.getRules()).containsExactly(
                rule("minmemory.dev", "memoryservers", "get", "list", "watch"),
                rule("minmemory.dev", "memoryservers/status", "patch", "update"),
                rule("", List.of("secrets", "services"), "get", "list", "watch", "create", "patch", "update"),
                rule("apps", "deployments", "get", "list", "watch", "create", "patch", "update", "delete"),
                rule("apps", "statefulsets", "get", "list", "watch", "create", "patch", "update", "delete"),
                rule("batch", "cronjobs", "get", "list", "watch", "create", "patch", "update", "delete"),
                rule("", "persistentvolumeclaims", "get", "list", "patch"),
                rule("", "pods", "list"),
                rule("", "events", "create"),
                rule("policy", "poddisruptionbudgets", "get", "list", "watch", "create", "patch", "update"),
                rule("networking.k8s.io", List.of("ingresses", "networkpolicies"),
                        "get", "list", "watch", "create", "patch", "update", "delete"),
                rule("monitoring.coreos.com", "podmonitors",
                        "get", "list", "watch", "create", "patch", "update", "delete"),
                rule("gateway.networking.k8s.io", "httproutes",
                        "get", "list", "watch", "create", "patch", "update", "delete"),
                rule("cert-manager.io", "certificates",
                        "get", "list", "watch", "create", "patch", "update", "delete")));
        assertThat(objects).filteredOn(ClusterRoleBinding.class::isInstance).singleElement()
                .isInstanceOfSatisfying(ClusterRoleBinding.class, binding -> {
                    assertThat(binding.getRoleRef().getName()).isEqualTo(role.get(0).getMetadata().getName());
                    assertThat(binding.getSubjects()).singleElement()
                            .satisfies(s -> assertThat(s.getName()).isEqualTo("min-memory-operator"));
                });
    }

    @Test
    void leaderElectionMayOnlyUseLeasesInTheOperatorsOwnNamespace() throws IOException {
        var objects = manifests();

        assertThat(objects).filteredOn(Role.class::isInstance).singleElement()
                .isInstanceOfSatisfying(Role.class, role -> assertThat(role.getRules()).containsExactly(
                        rule("coordination.k8s.io", "leases", "get", "create", "update")));
        assertThat(objects).filteredOn(RoleBinding.class::isInstance).singleElement()
                .isInstanceOfSatisfying(RoleBinding.class, binding -> assertThat(binding.getSubjects())
                        .singleElement().satisfies(s -> assertThat(s.getName()).isEqualTo("min-memory-operator")));
    }

    private static List<HasMetadata> manifests() throws IOException {
        List<HasMetadata> objects = Serialization.unmarshal(Files.readString(GENERATED.resolve("kubernetes.yml")));
        return objects;
    }

    private static PolicyRule rule(String group, String resource, String... verbs) {
        return rule(group, List.of(resource), verbs);
    }

    private static PolicyRule rule(String group, List<String> resources, String... verbs) {
        return new PolicyRuleBuilder().withApiGroups(group).withResources(resources).withVerbs(verbs).build();
    }
}
