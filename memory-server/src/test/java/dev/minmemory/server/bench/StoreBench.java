package dev.minmemory.server.bench;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.minmemory.server.embedding.OnnxEmbedder;
import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.MemoryFilter;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.Scope;
import dev.minmemory.server.memory.ScoreFusion;
import dev.minmemory.server.memory.SearchHit;
import dev.minmemory.server.memory.SearchQuery;
import dev.minmemory.server.memory.StoredMemory;
import dev.minmemory.server.store.MemoryArchive;
import dev.minmemory.server.store.lucene.LuceneMemoryStore;
import dev.minmemory.server.testing.Layouts;

/**
 * Benchmarks 3 and 4, on the embedded store called directly (no HTTP):
 * <ul>
 * <li>{@code recall INDEX_DIR}: recall@10 of the store's vector search against exact brute force over the same
 * vectors, for realistic questions;</li>
 * <li>{@code quality CORPUS_FILE}: hit@1 and hit@5 of the labelled set hidden among the corpus, dense-only and
 * hybrid, each with and without bge's query instruction.</li>
 * </ul>
 * Dense-only is the store's own search with no keyword text: its BM25 side then has no terms and contributes nothing.
 */
public final class StoreBench {

    static final String BGE_QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";
    private static final int QUERIES = 200;
    /** The server's default ({@code memory.search.dense-weight}), fused for each query as the server does. */
    private static final ScoreFusion FUSION = new ScoreFusion(0.6);

    private StoreBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "recall" -> recall(Path.of(args[1]));
            case "quality" -> quality(Path.of(args[1]));
            default -> throw new IllegalArgumentException("recall INDEX_DIR | quality CORPUS_FILE");
        }
    }

    static void recall(Path index) throws Exception {
        List<String> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        try (OnnxEmbedder embedder = Bench.embedder();
                LuceneMemoryStore store = LuceneMemoryStore.open(index, Layouts.NEW_STORE)) {
            store.forEachMemory(stored -> {
                ids.add(stored.memory().id());
                vectors.add(stored.vector());
            });
            List<String> questions = IntStream.range(0, QUERIES).mapToObj(i -> Corpus.question(i * 37L)).toList();
            List<float[]> queryVectors = questions.stream().map(embedder::embedQuery).toList();
            double recallSum = 0;
            double[] denseMillis = new double[QUERIES];
            double[] hybridMillis = new double[QUERIES];
            List<Set<String>> exactTop10s = new ArrayList<>();
            for (int q = 0; q < QUERIES; q++) {
                float[] query = queryVectors.get(q);
                long start = System.nanoTime();
                List<SearchHit> ann =
                        store.search(Corpus.USER, new SearchQuery(query, "", MemoryFilter.ALL, 10, FUSION));
                denseMillis[q] = (System.nanoTime() - start) / 1e6;
                start = System.nanoTime();
                store.search(Corpus.USER, new SearchQuery(query, questions.get(q), MemoryFilter.ALL, 30, FUSION));
                hybridMillis[q] = (System.nanoTime() - start) / 1e6;
                Set<String> exact = exactTop10(query, ids, vectors);
                exactTop10s.add(exact);
                recallSum += ann.stream().filter(hit -> exact.contains(hit.memory().id())).count() / 10.0;
            }
            // How recall grows with the candidates the dense side asks for (the store asks for at least 300):
            // asking for a larger limit and keeping the first 10 is the same search with a wider beam.
            Map<String, Object> byCandidates = new LinkedHashMap<>();
            for (int candidates : new int[] { 300, 500 }) {
                double sum = 0;
                double[] millis = new double[QUERIES];
                for (int q = 0; q < QUERIES; q++) {
                    long start = System.nanoTime();
                    List<SearchHit> ann = store.search(Corpus.USER,
                            new SearchQuery(queryVectors.get(q), "", MemoryFilter.ALL, candidates, FUSION));
                    millis[q] = (System.nanoTime() - start) / 1e6;
                    Set<String> exact = exactTop10s.get(q);
                    sum += ann.stream().limit(10).filter(hit -> exact.contains(hit.memory().id())).count() / 10.0;
                }
                byCandidates.put(Integer.toString(candidates), Map.of("recall_at_10", Bench.round(sum / QUERIES, 4),
                        "p50_ms", Bench.round(Bench.percentile(millis, 0.5), 2)));
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("memories", ids.size());
            result.put("queries", QUERIES);
            result.put("recall_at_10", Bench.round(recallSum / QUERIES, 4));
            result.put("by_dense_candidates", byCandidates);
            result.put("dense_search_ms", Map.of("p50", Bench.round(Bench.percentile(denseMillis, 0.5), 2),
                    "p99", Bench.round(Bench.percentile(denseMillis, 0.99), 2)));
            result.put("hybrid_search_30_ms", Map.of("p50", Bench.round(Bench.percentile(hybridMillis, 0.5), 2),
                    "p99", Bench.round(Bench.percentile(hybridMillis, 0.99), 2)));
            result.put("load_1min", Bench.load());
            Bench.write("recall", result);
        }
    }

    private static Set<String> exactTop10(float[] query, List<String> ids, List<float[]> vectors) {
        double[] scores = new double[ids.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = dot(query, vectors.get(i));
        }
        return new HashSet<>(IntStream.range(0, ids.size()).boxed()
                .sorted((a, b) -> Double.compare(scores[b], scores[a]))
                .limit(10).map(ids::get).toList());
    }

    static void quality(Path corpus) throws Exception {
        Path index = Files.createTempDirectory("min-memory-quality");
        try (OnnxEmbedder embedder = Bench.embedder();
                LuceneMemoryStore store = LuceneMemoryStore.open(index, Layouts.NEW_STORE);
                BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            long distractors = new MemoryArchive(embedder.model().id(), Bench.SCHEME).importInto(store, in);
            List<LabelledSet.Item> items = LabelledSet.ITEMS;
            List<float[]> factVectors = embedder.embedPassages(
                    items.stream().map(item -> Bench.SCHEME.passage(item.entity(), item.fact())).toList());
            List<String> factIds = new ArrayList<>();
            List<StoredMemory> facts = new ArrayList<>();
            Instant now = Instant.parse("2025-06-01T00:00:00Z");
            for (int i = 0; i < items.size(); i++) {
                String id = UUID.randomUUID().toString();
                factIds.add(id);
                facts.add(new StoredMemory(new Memory(id, Corpus.USER, items.get(i).fact(), MemoryType.PROJECT_CONTEXT,
                        Scope.GLOBAL, items.get(i).entity(), null, null, List.of(), Map.of(), List.of(), "active",
                        null, now, now, false, null, null), factVectors.get(i)));
            }
            store.saveAll(facts);

            List<String> questions = items.stream().map(LabelledSet.Item::question).toList();
            List<float[]> plain = questions.stream().map(embedder::embedQuery).toList();
            List<float[]> instructed =
                    questions.stream().map(q -> embedder.embedQuery(BGE_QUERY_INSTRUCTION + q)).toList();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", Bench.MODEL.id());
            result.put("scheme", Bench.SCHEME.id());
            result.put("distractors", distractors);
            for (LabelledSet.Kind kind : LabelledSet.Kind.values()) {
                Map<String, Object> byMode = new LinkedHashMap<>();
                byMode.put("questions", items.stream().filter(item -> item.kind() == kind).count());
                byMode.put("dense", hits(store, items, factIds, kind, plain, false));
                byMode.put("hybrid", hits(store, items, factIds, kind, plain, true));
                byMode.put("dense_with_query_instruction", hits(store, items, factIds, kind, instructed, false));
                byMode.put("hybrid_with_query_instruction", hits(store, items, factIds, kind, instructed, true));
                result.put(kind.name().toLowerCase(), byMode);
            }
            Bench.write("quality", result);
        } finally {
            try (var files = Files.walk(index)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static Map<String, Object> hits(LuceneMemoryStore store, List<LabelledSet.Item> items, List<String> ids,
            LabelledSet.Kind kind, List<float[]> vectors, boolean hybrid) {
        int questions = 0;
        int at1 = 0;
        int at5 = 0;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).kind() != kind) {
                continue;
            }
            questions++;
            String text = hybrid ? items.get(i).question() : "";
            List<String> found =
                    store.search(Corpus.USER,
                            new SearchQuery(vectors.get(i), text, MemoryFilter.ALL, 5, FUSION.forQuery(text)))
                            .stream().map(hit -> hit.memory().id()).toList();
            at1 += !found.isEmpty() && found.get(0).equals(ids.get(i)) ? 1 : 0;
            at5 += found.contains(ids.get(i)) ? 1 : 0;
        }
        return Map.of("hit_at_1", Bench.round((double) at1 / questions, 3),
                "hit_at_5", Bench.round((double) at5 / questions, 3));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
