package dev.minmemory.operator.reconciler;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import dev.minmemory.operator.config.OperatorConfig;
import dev.minmemory.operator.crd.MemoryServer;
import dev.minmemory.operator.crd.MemoryServerStatus;
import dev.minmemory.operator.dependent.AuthSecretDependentResource;
import dev.minmemory.operator.dependent.CertificateKindServed;
import dev.minmemory.operator.dependent.Endpoints;
import dev.minmemory.operator.dependent.HttpRouteDependentResource;
import dev.minmemory.operator.dependent.HttpRouteEnabled;
import dev.minmemory.operator.dependent.HttpRouteKindServed;
import dev.minmemory.operator.dependent.IngressDependentResource;
import dev.minmemory.operator.dependent.IngressEnabled;
import dev.minmemory.operator.dependent.Labels;
import dev.minmemory.operator.dependent.Names;
import dev.minmemory.operator.dependent.NetworkPolicyEnabled;
import dev.minmemory.operator.dependent.OperatorContext;
import dev.minmemory.operator.dependent.PodMonitorKindServed;
import dev.minmemory.operator.dependent.PodMonitorsEnabled;
import dev.minmemory.operator.dependent.QdrantApiKeySecretDependentResource;
import dev.minmemory.operator.dependent.QdrantCertificateDependentResource;
import dev.minmemory.operator.dependent.QdrantHeadlessServiceDependentResource;
import dev.minmemory.operator.dependent.QdrantNetworkPolicyDependentResource;
import dev.minmemory.operator.dependent.QdrantPodDisruptionBudgetDependentResource;
import dev.minmemory.operator.dependent.QdrantPodMonitorDependentResource;
import dev.minmemory.operator.dependent.QdrantScaling;
import dev.minmemory.operator.dependent.QdrantServiceDependentResource;
import dev.minmemory.operator.dependent.QdrantSnapshotCronJobDependentResource;
import dev.minmemory.operator.dependent.QdrantStatefulSetDependentResource;
import dev.minmemory.operator.dependent.QdrantTlsEnabled;
import dev.minmemory.operator.dependent.QdrantVolumes;
import dev.minmemory.operator.dependent.ServedKinds;
import dev.minmemory.operator.dependent.ServerDeploymentDependentResource;
import dev.minmemory.operator.dependent.ServerNetworkPolicyDependentResource;
import dev.minmemory.operator.dependent.ServerPodDisruptionBudgetDependentResource;
import dev.minmemory.operator.dependent.ServerPodMonitorDependentResource;
import dev.minmemory.operator.dependent.ServerServiceDependentResource;
import dev.minmemory.operator.dependent.ServerSessionKeySecretDependentResource;
import dev.minmemory.operator.dependent.SnapshotScheduleSet;
import dev.minmemory.operator.events.ReadinessEvents;
import dev.minmemory.operator.status.ComponentChecks;
import dev.minmemory.operator.status.ComponentState;
import dev.minmemory.operator.status.ConditionTypes;
import dev.minmemory.operator.status.StatusAggregator;
import dev.minmemory.operator.validation.SpecValidator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.retry.GradualRetry;
import io.quarkus.logging.Log;

/**
 * Validates the spec, then (only if it is valid) reconciles the owned objects and reports their state.
 * The workflow is invoked explicitly so that an invalid spec touches nothing but the status.
 * Objects of one kind share one informer (useEventSourceWithName) to keep a single watch per kind.
 */
@ControllerConfiguration(name = "memoryserver", maxReconciliationInterval = @MaxReconciliationInterval(
        interval = MemoryServerReconciler.MAX_INTERVAL_MINUTES, timeUnit = TimeUnit.MINUTES))
@GradualRetry(maxAttempts = MemoryServerReconciler.RETRY_FOREVER, initialInterval = 2_000, intervalMultiplier = 2,
        maxInterval = MemoryServerReconciler.MAX_RETRY_INTERVAL_MILLIS)
@Workflow(explicitInvocation = true, dependents = {
        @Dependent(name = "qdrant-api-key", type = QdrantApiKeySecretDependentResource.class),
        @Dependent(name = "auth", type = AuthSecretDependentResource.class, useEventSourceWithName = "qdrant-api-key"),
        @Dependent(name = "server-session-key", type = ServerSessionKeySecretDependentResource.class,
                useEventSourceWithName = "qdrant-api-key"),
        @Dependent(name = "qdrant-service", type = QdrantServiceDependentResource.class),
        @Dependent(name = "qdrant-headless-service", type = QdrantHeadlessServiceDependentResource.class,
                useEventSourceWithName = "qdrant-service"),
        @Dependent(name = "qdrant-certificate", type = QdrantCertificateDependentResource.class,
                activationCondition = CertificateKindServed.class, reconcilePrecondition = QdrantTlsEnabled.class),
        @Dependent(name = "qdrant", type = QdrantStatefulSetDependentResource.class,
                dependsOn = { "qdrant-api-key", "qdrant-headless-service" }),
        @Dependent(name = "qdrant-snapshots", type = QdrantSnapshotCronJobDependentResource.class,
                reconcilePrecondition = SnapshotScheduleSet.class, dependsOn = "qdrant"),
        @Dependent(name = "server-service", type = ServerServiceDependentResource.class,
                useEventSourceWithName = "qdrant-service"),
        @Dependent(name = "server", type = ServerDeploymentDependentResource.class,
                dependsOn = { "qdrant-api-key", "auth", "server-session-key" }),
        @Dependent(name = "ingress", type = IngressDependentResource.class,
                reconcilePrecondition = IngressEnabled.class,
                dependsOn = "server-service"),
        @Dependent(name = "http-route", type = HttpRouteDependentResource.class,
                activationCondition = HttpRouteKindServed.class, reconcilePrecondition = HttpRouteEnabled.class,
                dependsOn = "server-service"),
        @Dependent(name = "qdrant-network-policy", type = QdrantNetworkPolicyDependentResource.class,
                reconcilePrecondition = NetworkPolicyEnabled.class),
        @Dependent(name = "server-network-policy", type = ServerNetworkPolicyDependentResource.class,
                reconcilePrecondition = NetworkPolicyEnabled.class, useEventSourceWithName = "qdrant-network-policy"),
        @Dependent(name = "qdrant-pdb", type = QdrantPodDisruptionBudgetDependentResource.class),
        @Dependent(name = "server-pdb", type = ServerPodDisruptionBudgetDependentResource.class,
                useEventSourceWithName = "qdrant-pdb"),
        @Dependent(name = "server-pod-monitor", type = ServerPodMonitorDependentResource.class,
                activationCondition = PodMonitorKindServed.class, reconcilePrecondition = PodMonitorsEnabled.class),
        @Dependent(name = "qdrant-pod-monitor", type = QdrantPodMonitorDependentResource.class,
                activationCondition = PodMonitorKindServed.class, reconcilePrecondition = PodMonitorsEnabled.class),
})
public class MemoryServerReconciler implements Reconciler<MemoryServer> {

    /**
     * Even without events every MemoryServer is reconciled this often, so drift the informers missed is repaired
     * (JOSDK's default is 10 hours).
     */
    static final long MAX_INTERVAL_MINUTES = 10;
    /**
     * A failing reconciliation is retried with back-off (2 s, doubling) up to this interval, and never given up:
     * after JOSDK's default 5 attempts, a failed resource would otherwise wait for the next event or interval.
     */
    static final long MAX_RETRY_INTERVAL_MILLIS = 5 * 60_000;
    static final int RETRY_FOREVER = -1;

    /** Pods, certificates and load balancers become ready without touching anything the operator watches. */
    private static final Duration NOT_READY_RECHECK = Duration.ofSeconds(10);

    private final Clock clock = Clock.systemUTC();

    @Inject
    OperatorConfig config;

    @Override
    public UpdateControl<MemoryServer> reconcile(MemoryServer ms, Context<MemoryServer> context) {
        var aggregator = new StatusAggregator(ms.getStatus(), ms.getMetadata().getGeneration(), clock);
        List<String> problems = SpecValidator.problems(ms);
        if (!problems.isEmpty()) {
            Log.infof("MemoryServer %s/%s has an invalid spec: %s", ms.getMetadata().getNamespace(),
                    ms.getMetadata().getName(), problems);
            return patchIfChanged(ms, aggregator.invalidSpec(problems), context);
        }

        var resize = QdrantVolumes.resize(ms, context.getSecondaryResource(StatefulSet.class), context.getClient());
        var scaling = QdrantScaling.decide(ms, context.getSecondaryResource(StatefulSet.class),
                () -> pods(ms, Labels.COMPONENT_QDRANT, context));
        OperatorContext.store(context, config, resize, scaling);
        context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();

        var status = aggregator.components(Endpoints.mcp(ms), List.of(
                ComponentChecks.qdrantCertificate(ms, QdrantCertificateDependentResource.served(context.getClient()),
                        () -> context.getSecondaryResource(GenericKubernetesResource.class))
                        .orElseGet(() -> ComponentChecks.qdrant(ms, context.getSecondaryResource(StatefulSet.class),
                                resize.refusal(), scaling.refusal(),
                                () -> pods(ms, Labels.COMPONENT_QDRANT, context))),
                ComponentChecks.server(ms, context.getSecondaryResource(Deployment.class),
                        () -> pods(ms, Labels.COMPONENT_SERVER, context)),
                entryPoint(ms, context)),
                List.of(ComponentChecks.monitoring(ms, ServedKinds.serves(context.getClient(), PodMonitor.class))));
        var control = patchIfChanged(ms, status, context);
        return isReady(status) ? control : control.rescheduleAfter(NOT_READY_RECHECK);
    }

    @Override
    public ErrorStatusUpdateControl<MemoryServer> updateErrorStatus(MemoryServer ms, Context<MemoryServer> context,
            Exception e) {
        var status = new StatusAggregator(ms.getStatus(), ms.getMetadata().getGeneration(), clock).failed(
                "reconciliation failed and will be retried: " + e.getMessage());
        if (status.equals(ms.getStatus())) {
            return ErrorStatusUpdateControl.defaultErrorProcessing();
        }
        ReadinessEvents.onChange(context.getClient(), ms, ms.getStatus(), status);
        ms.setStatus(status);
        return ErrorStatusUpdateControl.patchStatus(ms);
    }

    private static UpdateControl<MemoryServer> patchIfChanged(MemoryServer ms, MemoryServerStatus status,
            Context<MemoryServer> context) {
        if (status.equals(ms.getStatus())) {
            return UpdateControl.noUpdate();
        }
        ReadinessEvents.onChange(context.getClient(), ms, ms.getStatus(), status);
        ms.setStatus(status);
        return UpdateControl.patchStatus(ms);
    }

    /** Pods are read, not watched: their state matters only to explain a wait, and the re-check covers that. */
    private static List<Pod> pods(MemoryServer ms, String component, Context<MemoryServer> context) {
        return context.getClient().pods().inNamespace(ms.getMetadata().getNamespace())
                .withLabels(Labels.selector(ms, component)).list().getItems();
    }

    private static ComponentState entryPoint(MemoryServer ms, Context<MemoryServer> context) {
        if (ms.getSpec().getHttpRoute().isEnabled()) {
            return ComponentChecks.httpRoute(ms, context.getSecondaryResource(HTTPRoute.class),
                    ServedKinds.serves(context.getClient(), HTTPRoute.class));
        }
        return ComponentChecks.ingress(ms, context.getSecondaryResource(Ingress.class), tlsSecret(ms),
                tlsSecretExists(ms, context));
    }

    private static String tlsSecret(MemoryServer ms) {
        return ms.getSpec().getIngress().isEnabled() ? Names.tlsSecret(ms) : "";
    }

    /** The certificate Secret is not ours (cert-manager or the team makes it), so it is read, not watched. */
    private static boolean tlsSecretExists(MemoryServer ms, Context<MemoryServer> context) {
        return ms.getSpec().getIngress().isEnabled() && context.getClient().secrets()
                .inNamespace(ms.getMetadata().getNamespace()).withName(Names.tlsSecret(ms)).get() != null;
    }

    private static boolean isReady(MemoryServerStatus status) {
        return status.getConditions().stream()
                .anyMatch(c -> ConditionTypes.READY.equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
