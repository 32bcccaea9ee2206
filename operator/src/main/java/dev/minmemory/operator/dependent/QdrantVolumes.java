package dev.minmemory.operator.dependent;

import java.util.Optional;

import dev.minmemory.operator.crd.MemoryServer;
import dev.minmemory.operator.events.OperatorEvents;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Qdrant's volumes follow spec.qdrant.storage.size upwards: the claims are expanded in place (the StorageClass must
 * allow it), then the StatefulSet is recreated with the new claim template. What cannot be done (shrinking, a class
 * without expansion) is refused: the StatefulSet keeps the size its volumes have, so every other change still
 * applies, and the refusal is reported in the status.
 */
public final class QdrantVolumes {

    static final String CLAIM_TEMPLATE = "storage";
    private static final String STORAGE = "storage";

    private QdrantVolumes() {
    }

    /**
     * @param keptSize the size the claim template keeps instead of the spec's, when the change was refused
     * @param refusal why the spec's size was not applied
     */
    public record Resize(Optional<String> keptSize, Optional<String> refusal) {

        public static Resize none() {
            return new Resize(Optional.empty(), Optional.empty());
        }

        static Resize refused(Quantity kept, String why) {
            return new Resize(Optional.of(kept.toString()), Optional.of(why));
        }
    }

    /** Brings the existing claims to the spec's size if they are smaller, or says why that cannot be done. */
    public static Resize resize(MemoryServer ms, Optional<StatefulSet> current, KubernetesClient client) {
        var template = current.flatMap(statefulSet -> statefulSet.getSpec().getVolumeClaimTemplates().stream()
                .filter(claim -> CLAIM_TEMPLATE.equals(claim.getMetadata().getName())).findFirst());
        if (template.isEmpty() || size(template.get()) == null) {
            return Resize.none();
        }
        Quantity have = size(template.get());
        Quantity want = new Quantity(ms.getSpec().getQdrant().getStorage().getSize());
        int direction = want.getNumericalAmount().compareTo(have.getNumericalAmount());
        if (direction == 0) {
            return Resize.none();
        }
        if (direction < 0) {
            return Resize.refused(have, "qdrant.storage.size cannot shrink from " + have + " to " + want
                    + ": PersistentVolumeClaims only grow, so the volumes stay at " + have);
        }
        String namespace = ms.getMetadata().getNamespace();
        try {
            String dataClaims = CLAIM_TEMPLATE + "-" + Names.qdrant(ms) + "-";
            for (var claim : client.persistentVolumeClaims().inNamespace(namespace)
                    .withLabels(Labels.selector(ms, Labels.COMPONENT_QDRANT)).list().getItems()) {
                if (claim.getMetadata().getName().startsWith(dataClaims)
                        && size(claim).getNumericalAmount().compareTo(want.getNumericalAmount()) < 0) {
                    client.persistentVolumeClaims().inNamespace(namespace).withName(claim.getMetadata().getName())
                            .edit(pvc -> {
                                pvc.getSpec().getResources().getRequests().put(STORAGE, want);
                                return pvc;
                            });
                    OperatorEvents.normal(client, ms, "VolumeExpanding", "Asked PersistentVolumeClaim "
                            + claim.getMetadata().getName() + " to grow from " + size(claim) + " to " + want);
                }
            }
        } catch (KubernetesClientException e) {
            return Resize.refused(have, "the Qdrant volumes cannot grow from " + have + " to " + want + ": "
                    + (e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                            : e.getMessage())
                    + " (the StorageClass needs allowVolumeExpansion: true)");
        }
        return Resize.none();
    }

    static Quantity size(PersistentVolumeClaim claim) {
        var resources = claim.getSpec().getResources();
        return resources == null || resources.getRequests() == null ? null : resources.getRequests().get(STORAGE);
    }
}
