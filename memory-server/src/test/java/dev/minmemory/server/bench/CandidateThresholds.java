package dev.minmemory.server.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.minmemory.server.embedding.OnnxEmbedder;
import dev.minmemory.server.memory.UnitVectors;

/**
 * The cosines that {@code memory.candidate-threshold} separates, for the bench model and scheme: corrections of one
 * fact (the same entity; what {@code store_memory} should name as candidates) against unrelated facts of one entity
 * (the labelled set's same-entity pairs; what it should not name).
 *
 * <pre>CandidateThresholds</pre>
 */
public final class CandidateThresholds {

    record Correction(String kind, String entity, String before, String after) {
    }

    static final List<Correction> CORRECTIONS = List.of(
            new Correction("two words swapped", "alice", "Alice prefers tabs over spaces.",
                    "Alice prefers spaces over tabs."),
            new Correction("a changed number", "kestrel", "The kestrel API allows 100 requests per minute per key.",
                    "The kestrel API allows 250 requests per minute per key."),
            new Correction("a changed unit", "orchid", "Orchid's nightly backup takes about 40 minutes.",
                    "Orchid's nightly backup takes about 40 seconds."),
            new Correction("another tool", "kestrel", "Kestrel's CI runs on Jenkins.",
                    "Kestrel's CI runs on GitHub Actions."),
            new Correction("a move", "user", "The user lives in Lisbon.", "The user moved to Berlin."),
            new Correction("a setting", "user", "The user prefers the light theme in every editor.",
                    "The user prefers the dark theme in every editor."),
            new Correction("a negation", "orchid", "Orchid stores patient data in the US region.",
                    "Orchid does not store patient data in the US region."),
            new Correction("another person", "billing", "Invoices are approved by Maria Santos.",
                    "Invoices are approved by Tom Becker."),
            new Correction("another date", "kestrel", "The kestrel launch is planned for 12 March.",
                    "The kestrel launch moved to 3 April."),
            new Correction("another version", "orchid", "Orchid runs on PostgreSQL 14.",
                    "Orchid was upgraded to PostgreSQL 16."));

    private CandidateThresholds() {
    }

    public static void main(String[] args) throws Exception {
        try (OnnxEmbedder embedder = Bench.embedder()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", Bench.MODEL.id());
            result.put("scheme", Bench.SCHEME.id());
            Map<String, Object> corrections = new LinkedHashMap<>();
            for (Correction correction : CORRECTIONS) {
                List<float[]> pair = embedder.embedPassages(List.of(
                        Bench.SCHEME.passage(correction.entity(), correction.before()),
                        Bench.SCHEME.passage(correction.entity(), correction.after())));
                corrections.put(correction.kind(), Bench.round(UnitVectors.cosine(pair.get(0), pair.get(1)), 3));
            }
            result.put("corrections", corrections);

            List<LabelledSet.Item> items = LabelledSet.ITEMS;
            List<float[]> facts = embedder.embedPassages(
                    items.stream().map(item -> Bench.SCHEME.passage(item.entity(), item.fact())).toList());
            List<Double> unrelated = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                for (int j = i + 1; j < items.size(); j++) {
                    if (items.get(i).entity().equals(items.get(j).entity())) {
                        unrelated.add(UnitVectors.cosine(facts.get(i), facts.get(j)));
                    }
                }
            }
            double[] cosines = unrelated.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(cosines);
            result.put("unrelated_same_entity_pairs", Map.of("pairs", cosines.length,
                    "max", Bench.round(cosines[cosines.length - 1], 3),
                    "p95", Bench.round(Bench.percentile(cosines, 0.95), 3),
                    "median", Bench.round(Bench.percentile(cosines, 0.5), 3)));
            Bench.write("candidate-thresholds", result);
        }
    }
}
