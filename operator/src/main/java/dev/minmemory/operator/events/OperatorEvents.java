package dev.minmemory.operator.events;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.logging.Log;

/**
 * Kubernetes Events on a MemoryServer (what {@code kubectl describe memsrv} lists): Normal when the operator creates,
 * updates or recreates an object or the endpoint becomes ready, Warning when something fails or is refused. An event
 * is a courtesy: failing to record one never fails a reconciliation.
 */
public final class OperatorEvents {

    public static final String COMPONENT = "min-memory-operator";
    public static final String NORMAL = "Normal";
    public static final String WARNING = "Warning";

    private OperatorEvents() {
    }

    public static void normal(KubernetesClient client, MemoryServer ms, String reason, String message) {
        record(client, of(ms, NORMAL, reason, message, Clock.systemUTC()));
    }

    public static void warning(KubernetesClient client, MemoryServer ms, String reason, String message) {
        record(client, of(ms, WARNING, reason, message, Clock.systemUTC()));
    }

    /** The core/v1 Event, which every kubectl version shows under the object it names. */
    static Event of(MemoryServer ms, String type, String reason, String message, Clock clock) {
        String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        var metadata = ms.getMetadata();
        return new EventBuilder()
                .withNewMetadata()
                .withNamespace(metadata.getNamespace())
                .withName(metadata.getName() + "." + UUID.randomUUID().toString().replace("-", "").substring(0, 16))
                .endMetadata()
                .withNewInvolvedObject()
                .withApiVersion(ms.getApiVersion())
                .withKind(ms.getKind())
                .withNamespace(metadata.getNamespace())
                .withName(metadata.getName())
                .withUid(metadata.getUid())
                .withResourceVersion(metadata.getResourceVersion())
                .endInvolvedObject()
                .withType(type)
                .withReason(reason)
                .withMessage(message.length() > 1024 ? message.substring(0, 1021) + "..." : message)
                .withNewSource().withComponent(COMPONENT).endSource()
                .withReportingComponent(COMPONENT)
                .withReportingInstance(System.getenv().getOrDefault("HOSTNAME", COMPONENT))
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withCount(1)
                .build();
    }

    private static void record(KubernetesClient client, Event event) {
        try {
            client.v1().events().inNamespace(event.getMetadata().getNamespace()).resource(event).create();
        } catch (KubernetesClientException e) {
            Log.warnf("Could not record event %s on %s/%s: %s", event.getReason(),
                    event.getInvolvedObject().getNamespace(), event.getInvolvedObject().getName(), e.getMessage());
        }
    }
}
