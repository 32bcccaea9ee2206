package dev.minmemory.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;

class OperatorDeploymentTest {

    @Test
    void operatorRunsAsNonRootWithAReadOnlyRootFilesystemAndNoCapabilities() {
        PodSpec pod = pod(Chart.render("defaults"));
        Container operator = pod.getContainers().get(0);

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(185L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(operator.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(operator.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(operator.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(operator.getVolumeMounts()).singleElement()
                .satisfies(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
        assertThat(pod.getVolumes()).singleElement().satisfies(volume -> assertThat(volume.getEmptyDir()).isNotNull());
    }

    @Test
    void probesUseTheOperatorsHealthEndpoints() {
        Container operator = pod(Chart.render("defaults")).getContainers().get(0);

        assertThat(operator.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
        assertThat(operator.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(operator.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(operator.getPorts()).singleElement()
                .satisfies(port -> assertThat(port.getContainerPort()).isEqualTo(8080));
    }

    @Test
    void operatorWatchesAllNamespacesByDefault() {
        assertThat(env(Chart.render("defaults"))).containsEntry("QUARKUS_OPERATOR_SDK_NAMESPACES",
                "JOSDK_ALL_NAMESPACES");
    }

    @Test
    void operatorWatchesOnlyTheListedNamespacesWhenGivenAList() {
        assertThat(env(Chart.render("watch-namespaces"))).containsEntry("QUARKUS_OPERATOR_SDK_NAMESPACES",
                "team-a,team-b");
    }

    @Test
    void imagesPullSecretsResourcesAndSchedulingComeFromValues() {
        var chart = Chart.render("everything-set");
        PodSpec pod = pod(chart);
        Container operator = pod.getContainers().get(0);

        assertThat(operator.getImage()).isEqualTo("registry.example.com/platform/min-memory-operator:0.1.0-rc.1");
        assertThat(operator.getImagePullPolicy()).isEqualTo("Always");
        assertThat(pod.getImagePullSecrets()).containsExactly(new LocalObjectReference("registry-example-com"));
        assertThat(env(chart))
                .containsEntry("MINMEMORY_OPERATOR_SERVER_IMAGE",
                        "registry.example.com/platform/memory-server:0.1.0-rc.1")
                .containsEntry("MINMEMORY_OPERATOR_QDRANT_IMAGE", "registry.example.com/mirror/qdrant:v1.16.0")
                .containsEntry("QUARKUS_LOG_LEVEL", "DEBUG");
        assertThat(operator.getResources().getLimits()).containsEntry("memory", new Quantity("768Mi"));
        assertThat(operator.getResources().getRequests()).containsEntry("cpu", new Quantity("200m"));
        assertThat(pod.getServiceAccountName()).isEqualTo("memory-operator")
                .isEqualTo(chart.one(ServiceAccount.class).getMetadata().getName());
        assertThat(pod.getNodeSelector()).containsEntry("kubernetes.io/os", "linux");
        assertThat(pod.getTolerations()).hasSize(1);
        assertThat(pod.getAffinity().getNodeAffinity()).isNotNull();
        assertThat(pod.getPriorityClassName()).isEqualTo("system-cluster-critical");
        assertThat(chart.one(Deployment.class).getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("team", "platform");
    }

    @Test
    void imagesMayBePinnedByDigestEverywhereAnImageIsSet() {
        var chart = Chart.render("image-digests");

        assertThat(pod(chart).getContainers().get(0).getImage()).isEqualTo(
                "registry.example.com/platform/min-memory-operator:0.1.0@sha256:" + "a".repeat(64));
        assertThat(env(chart))
                .containsEntry("MINMEMORY_OPERATOR_SERVER_IMAGE",
                        "registry.example.com/platform/memory-server:0.1.0@sha256:" + "b".repeat(64))
                .containsEntry("MINMEMORY_OPERATOR_QDRANT_IMAGE",
                        "registry.example.com/mirror/qdrant@sha256:" + "c".repeat(64));
    }

    @Test
    void anEmptyQdrantTagIsRefusedInsteadOfBecomingTheChartsVersion() {
        assertThatThrownBy(() -> Chart.renderWith(Map.of("defaultImages.qdrant.tag", "")))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("/defaultImages/qdrant");
    }

    @Test
    void anExistingServiceAccountIsUsedWhenTheChartCreatesNone() {
        var chart = Chart.renderWith(Map.of("serviceAccount.create", false, "serviceAccount.name", "platform-sa"));

        assertThat(chart.all(ServiceAccount.class)).isEmpty();
        assertThat(pod(chart).getServiceAccountName()).isEqualTo("platform-sa");
    }

    @Test
    void oneOperatorRunsByDefaultAndMoreElectALeaderThroughALeaseInTheReleaseNamespace() {
        assertThat(Chart.render("defaults").one(Deployment.class).getSpec().getReplicas()).isEqualTo(1);

        var chart = Chart.render("everything-set");
        var deployment = chart.one(Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        assertThat(chart.all(Role.class)).singleElement().satisfies(role -> {
            assertThat(role.getMetadata().getNamespace()).isEqualTo(Chart.NAMESPACE);
            assertThat(role.getRules()).singleElement().satisfies(rule -> {
                assertThat(rule.getApiGroups()).containsExactly("coordination.k8s.io");
                assertThat(rule.getResources()).containsExactly("leases");
            });
        });
        assertThat(chart.all(RoleBinding.class)).singleElement().satisfies(binding -> assertThat(
                binding.getSubjects().get(0).getName()).isEqualTo(pod(chart).getServiceAccountName()));
    }

    private static PodSpec pod(RenderedChart chart) {
        return chart.one(Deployment.class).getSpec().getTemplate().getSpec();
    }

    private static Map<String, String> env(RenderedChart chart) {
        return pod(chart).getContainers().get(0).getEnv().stream()
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    @Test
    void aPodMonitorForTheOperatorsMetricsIsRenderedOnlyWhenAsked() {
        assertThat(Chart.render("defaults").all(PodMonitor.class)).isEmpty();

        var chart = Chart.render("everything-set");
        var monitor = chart.all(PodMonitor.class).get(0);
        var deployment = chart.all(Deployment.class).get(0);

        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
        assertThat(monitor.getSpec().getSelector().getMatchLabels())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(monitor.getSpec().getPodMetricsEndpoints()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.getPort()).isEqualTo("http");
            assertThat(endpoint.getPath()).isEqualTo("/q/metrics");
            assertThat(endpoint.getInterval()).isEqualTo("15s");
        });
    }
}
