package dev.minmemory.operator.validation;

import java.util.ArrayList;
import java.util.List;

import dev.minmemory.operator.crd.AuthSpec;
import dev.minmemory.operator.crd.HttpRouteSpec;
import dev.minmemory.operator.crd.IngressSpec;
import dev.minmemory.operator.crd.MemoryServer;
import dev.minmemory.operator.crd.MemoryServerSpec;
import dev.minmemory.operator.crd.QdrantSpec;
import dev.minmemory.operator.crd.QdrantTlsSpec;
import dev.minmemory.operator.crd.SnapshotsSpec;

/**
 * The CRD's CEL rules, checked again by the operator: API servers that do not evaluate CEL (older ones, or the
 * test API server) must still never get objects built from an invalid spec. Messages match the CEL messages.
 */
public final class SpecValidator {

    /** Longest name whose derived names (e.g. "-qdrant-headless", pod revision labels) stay within 63 characters. */
    public static final int MAX_NAME_LENGTH = 40;

    private SpecValidator() {
    }

    public static List<String> problems(MemoryServer ms) {
        var problems = new ArrayList<String>();
        if (ms.getMetadata().getName().length() > MAX_NAME_LENGTH) {
            problems.add("metadata.name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        MemoryServerSpec spec = ms.getSpec();
        if (spec == null || spec.getAuth() == null) {
            problems.add("spec.auth is required");
            return problems;
        }
        auth(spec.getAuth(), problems);
        ingress(spec.getIngress(), problems);
        httpRoute(spec.getHttpRoute(), problems);
        if (spec.getIngress().isEnabled() && spec.getHttpRoute().isEnabled()) {
            problems.add("choose one entry point: set ingress.enabled to false to use httpRoute");
        }
        qdrant(spec.getQdrant(), problems);
        if (spec.getServer().getReplicas() < 1) {
            problems.add("server.replicas must be at least 1");
        }
        return problems;
    }

    private static void auth(AuthSpec auth, List<String> problems) {
        if ((auth.getIssuer() == null) == (auth.getAuth0Domain() == null)) {
            problems.add("set exactly one of auth.issuer (any OIDC provider) or auth.auth0Domain (an Auth0 tenant)");
        }
        if (auth.getIssuer() != null && !auth.getIssuer().startsWith("https://")) {
            problems.add("auth.issuer must be an https:// URL");
        }
        if (auth.getAuth0Domain() != null
                && (auth.getAuth0Domain().contains("/") || auth.getAuth0Domain().contains(":"))) {
            problems.add(
                    "auth.auth0Domain is a bare host name such as team-a.eu.auth0.com, without https:// or a path");
        }
        if (auth.getAudience() == null || auth.getAudience().isBlank()) {
            problems.add("auth.audience is required");
        }
    }

    private static void ingress(IngressSpec ingress, List<String> problems) {
        if (!ingress.isEnabled()) {
            return;
        }
        if (ingress.getHost() == null) {
            problems.add("ingress.host is required when the ingress is enabled");
        }
        if (ingress.getTls() == null) {
            problems.add(
                    "ingress.tls is required when the ingress is enabled: set tls.secretName or tls.clusterIssuer");
        } else if ((ingress.getTls().getSecretName() == null) == (ingress.getTls().getClusterIssuer() == null)) {
            problems.add("set exactly one of ingress.tls.secretName (an existing certificate) "
                    + "or ingress.tls.clusterIssuer (cert-manager)");
        }
    }

    private static void httpRoute(HttpRouteSpec route, List<String> problems) {
        if (!route.isEnabled()) {
            return;
        }
        if (route.getHostname() == null) {
            problems.add("httpRoute.hostname is required when the HTTPRoute is enabled");
        }
        if (route.getParentRefs() == null || route.getParentRefs().isEmpty()) {
            problems.add("httpRoute.parentRefs must name at least one Gateway when the HTTPRoute is enabled");
        }
    }

    private static void qdrant(QdrantSpec qdrant, List<String> problems) {
        if (qdrant.getReplicas() < 1) {
            problems.add("qdrant.replicas must be at least 1");
        }
        if (qdrant.getReplicationFactor() > qdrant.getReplicas()) {
            problems.add("qdrant.replicationFactor cannot exceed qdrant.replicas: "
                    + "every copy of a shard needs its own Qdrant pod");
        }
        if (qdrant.getSnapshots().getSchedule() != null && qdrant.getSnapshots().getSize() == null) {
            problems.add(SnapshotsSpec.SCHEDULE_NEEDS_VOLUME);
        }
        if (qdrant.getTls().isEnabled()) {
            if (qdrant.getTls().getIssuerRef() == null) {
                problems.add(QdrantTlsSpec.ISSUER_REQUIRED);
            }
            if (qdrant.getSnapshots().getSchedule() != null) {
                problems.add(QdrantSpec.TLS_WITHOUT_SCHEDULE);
            }
        }
    }
}
