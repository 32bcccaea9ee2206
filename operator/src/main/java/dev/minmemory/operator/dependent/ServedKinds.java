package dev.minmemory.operator.dependent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Whether the API server serves a kind whose CRD another project installs (prometheus-operator, Gateway API,
 * cert-manager).
 * Asked through API discovery, which every authenticated client may read: reading the CRD itself, as JOSDK's
 * CRDPresentActivationCondition does, would need cluster-wide RBAC, and JOSDK stops re-checking after ten tries.
 * A served kind is remembered; a missing one is asked again after {@link #RECHECK_MISSING}, so installing the CRDs
 * later takes effect without restarting the operator.
 */
public final class ServedKinds {

    public static final Duration RECHECK_MISSING = Duration.ofSeconds(30);

    private static final Set<String> SERVED = ConcurrentHashMap.newKeySet();
    private static final Map<String, Instant> MISSING_SINCE = new ConcurrentHashMap<>();
    private static final Clock CLOCK = Clock.systemUTC();

    private ServedKinds() {
    }

    public static boolean serves(KubernetesClient client, Class<? extends HasMetadata> type) {
        return serves(client, HasMetadata.getApiVersion(type), HasMetadata.getKind(type));
    }

    /** For kinds the operator handles as GenericKubernetesResource, without a model class. */
    public static boolean serves(KubernetesClient client, String apiVersion, String kindName) {
        String kind = apiVersion + "/" + kindName;
        if (SERVED.contains(kind)) {
            return true;
        }
        Instant missing = MISSING_SINCE.get(kind);
        if (missing != null && CLOCK.instant().isBefore(missing.plus(RECHECK_MISSING))) {
            return false;
        }
        if (client.supports(apiVersion, kindName)) {
            SERVED.add(kind);
            MISSING_SINCE.remove(kind);
            return true;
        }
        MISSING_SINCE.put(kind, CLOCK.instant());
        return false;
    }
}
