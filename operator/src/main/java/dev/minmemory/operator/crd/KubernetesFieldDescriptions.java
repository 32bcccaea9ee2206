package dev.minmemory.operator.crd;

import java.util.Map;

import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;

/**
 * Descriptions for the fields of the Kubernetes types the spec embeds (Affinity, Toleration,
 * TopologySpreadConstraint, ResourceRequirements, LocalObjectReference), so that {@code kubectl explain} documents
 * them too. Looked up by "parent.field", then by "field"; a field that already has a description keeps it.
 */
final class KubernetesFieldDescriptions {

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            // ResourceRequirements
            Map.entry("resources.requests", "Resources the scheduler reserves for the container, e.g. cpu: 250m, "
                    + "memory: 768Mi."),
            Map.entry("resources.limits", "Most resources the container may use, e.g. memory: 1Gi; above its memory "
                    + "limit it is killed."),
            Map.entry("resources.claims", "Dynamic resource claims of the pod the container may use (DRA)."),
            Map.entry("claims.name", "Name of one of the pod's resourceClaims."),
            Map.entry("claims.request", "Request within the claim to use; the whole claim when empty."),
            // LocalObjectReference
            Map.entry("imagePullSecrets.name", "Name of a Secret of type kubernetes.io/dockerconfigjson in the "
                    + "MemoryServer's namespace."),
            // Affinity
            Map.entry("nodeAffinity", "Which nodes the pods may run on, by node labels."),
            Map.entry("podAffinity", "Run the pods near pods with certain labels (same topology domain)."),
            Map.entry("podAntiAffinity", "Keep the pods away from pods with certain labels (other topology domain)."),
            Map.entry("nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution", "Node rules a pod must meet to be "
                    + "scheduled; later label changes do not evict it."),
            Map.entry("nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution", "Weighted node preferences; "
                    + "the scheduler favours the nodes with the highest total weight of matching terms."),
            Map.entry("podAffinity.requiredDuringSchedulingIgnoredDuringExecution", "Pod terms that must all be met "
                    + "when a pod is scheduled."),
            Map.entry("podAffinity.preferredDuringSchedulingIgnoredDuringExecution", "Weighted pod terms the "
                    + "scheduler tries to meet."),
            Map.entry("podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution", "Pod terms none of which may "
                    + "be violated when a pod is scheduled."),
            Map.entry("podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution", "Weighted pod terms the "
                    + "scheduler tries to avoid violating."),
            Map.entry("nodeSelectorTerms", "Node selector terms, of which at least one must match (they are ORed)."),
            Map.entry("preference", "The node selector term this preference applies to."),
            Map.entry("weight", "Weight of this term, 1 to 100, added to a node's score when it matches."),
            Map.entry("podAffinityTerm", "The pod term this preference applies to."),
            Map.entry("matchExpressions", "Label requirements, all of which must hold (they are ANDed)."),
            Map.entry("matchFields", "Requirements on node fields (only metadata.name is supported), all of which "
                    + "must hold."),
            Map.entry("matchExpressions.key", "The label key the requirement applies to."),
            Map.entry("matchFields.key", "The node field the requirement applies to, e.g. metadata.name."),
            Map.entry("matchExpressions.operator", "In, NotIn, Exists or DoesNotExist; for nodes also Gt and Lt."),
            Map.entry("matchFields.operator", "In, NotIn, Exists, DoesNotExist, Gt or Lt."),
            Map.entry("values", "Values for In and NotIn (non-empty), one integer for Gt and Lt, empty for Exists and "
                    + "DoesNotExist."),
            Map.entry("labelSelector", "Which pods the term or constraint counts, by label."),
            Map.entry("matchLabels", "Labels the pods must carry, each an equality requirement."),
            Map.entry("namespaceSelector", "Namespaces whose pods the term considers, by namespace label; together "
                    + "with namespaces. Empty selector: all namespaces."),
            Map.entry("namespaces", "Namespaces whose pods the term considers; empty with no namespaceSelector: "
                    + "the pod's own namespace."),
            Map.entry("topologyKey", "Node label whose values define the topology domains, e.g. "
                    + "kubernetes.io/hostname or topology.kubernetes.io/zone."),
            Map.entry("matchLabelKeys", "Keys of the incoming pod's own labels whose values are added to the label "
                    + "selector, e.g. pod-template-hash to count only pods of the same revision."),
            Map.entry("mismatchLabelKeys", "Keys of the incoming pod's own labels whose values the counted pods must "
                    + "not carry."),
            // Toleration
            Map.entry("tolerations.key", "Taint key the toleration applies to; empty with operator Exists: every "
                    + "taint."),
            Map.entry("tolerations.operator", "Equal (the default: the taint's value must equal value) or Exists "
                    + "(any value)."),
            Map.entry("value", "Taint value the toleration matches, with operator Equal."),
            Map.entry("effect", "Taint effect to tolerate: NoSchedule, PreferNoSchedule or NoExecute; empty: all."),
            Map.entry("tolerationSeconds", "With effect NoExecute: how long the pod stays bound after the taint "
                    + "appears; unset: forever."),
            // TopologySpreadConstraint
            Map.entry("maxSkew", "Most by which the number of matching pods may differ between two topology "
                    + "domains."),
            Map.entry("whenUnsatisfiable", "DoNotSchedule (keep the pod pending) or ScheduleAnyway (prefer domains "
                    + "that reduce the skew)."),
            Map.entry("minDomains", "With DoNotSchedule: the number of eligible domains assumed at least, so that "
                    + "pods stay pending rather than pile into too few domains."),
            Map.entry("nodeAffinityPolicy", "Honor (default) or Ignore: whether the pod's nodeAffinity and "
                    + "nodeSelector limit the nodes counted for the skew."),
            Map.entry("nodeTaintsPolicy", "Honor or Ignore (default): whether nodes with taints the pod does not "
                    + "tolerate are counted for the skew."));

    private KubernetesFieldDescriptions() {
    }

    static void fillIn(JSONSchemaProps schema) {
        fillIn(schema, "");
    }

    private static void fillIn(JSONSchemaProps schema, String parent) {
        schema.getProperties().forEach((name, property) -> {
            if (property.getDescription() == null) {
                property.setDescription(DESCRIPTIONS.getOrDefault(parent + "." + name, DESCRIPTIONS.get(name)));
            }
            fillIn(property, name);
        });
        if (schema.getItems() != null && schema.getItems().getSchema() != null) {
            fillIn(schema.getItems().getSchema(), parent);
        }
        if (schema.getAdditionalProperties() != null && schema.getAdditionalProperties().getSchema() != null) {
            fillIn(schema.getAdditionalProperties().getSchema(), parent);
        }
    }
}
