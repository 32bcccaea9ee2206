package dev.minmemory.operator.dependent;

import java.util.List;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;

/**
 * The StatefulSet fields the API server refuses to update. When one of them must change (an older operator's pod
 * management policy or selector, a volume claim template after the volumes were expanded), the StatefulSet is deleted
 * with its pods and claims orphaned and created again; the new one adopts the running pods
 * ({@link WorkloadRecreation}).
 */
final class StatefulSetRecreation {

    private StatefulSetRecreation() {
    }

    static boolean needed(StatefulSet actual, StatefulSet desired) {
        StatefulSetSpec is = actual.getSpec();
        StatefulSetSpec wanted = desired.getSpec();
        return !Objects.equals(is.getPodManagementPolicy(), wanted.getPodManagementPolicy())
                || !Objects.equals(is.getServiceName(), wanted.getServiceName())
                || !Objects.equals(is.getSelector(), wanted.getSelector())
                || !sameClaims(is.getVolumeClaimTemplates(), wanted.getVolumeClaimTemplates());
    }

    /** Compares what the operator sets; the API server adds defaults (volumeMode, status) to the stored templates. */
    private static boolean sameClaims(List<PersistentVolumeClaim> is, List<PersistentVolumeClaim> wanted) {
        if (is.size() != wanted.size()) {
            return false;
        }
        for (int i = 0; i < is.size(); i++) {
            var a = is.get(i);
            var b = wanted.get(i);
            if (!Objects.equals(a.getMetadata().getName(), b.getMetadata().getName())
                    || !Objects.equals(a.getSpec().getStorageClassName(), b.getSpec().getStorageClassName())
                    || !Objects.equals(a.getSpec().getAccessModes(), b.getSpec().getAccessModes())
                    || !sameSize(QdrantVolumes.size(a), QdrantVolumes.size(b))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameSize(Quantity a, Quantity b) {
        return a == null || b == null ? a == b : a.getNumericalAmount().compareTo(b.getNumericalAmount()) == 0;
    }
}
