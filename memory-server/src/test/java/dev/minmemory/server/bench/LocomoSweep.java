package dev.minmemory.server.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.minmemory.server.embedding.OnnxEmbedder;
import dev.minmemory.server.memory.ScoreFusion;
import dev.minmemory.server.memory.Scored;
import dev.minmemory.server.store.KeywordText;

/**
 * An offline harness for ranking experiments on LoCoMo: the turns and questions of {@code bench/locomo.mjs}, embedded
 * once with the bench model and scheme and cached under {@code target/bench/locomo-cache}, ranked in one JVM by exact
 * dense search and an in-memory Lucene BM25 with the server's analysis, then fused by each variant. Its baseline
 * ranks as the server does, within a few questions near the cut (dense search here is exact, the store's is HNSW).
 *
 * <pre>LocomoSweep LOCOMO_JSON CONVERSATIONS(e.g. 0-2) VARIANT...</pre>
 */
public final class LocomoSweep {

    private static final Set<Integer> CATEGORIES = Set.of(1, 2, 3, 4);

    record Turn(String id, String speaker, String text) {
    }

    record Question(String text, Set<String> evidence) {
    }

    record Conversation(List<Turn> turns, List<Question> questions) {
    }

    /** One ranking configuration. */
    record Variant(String name, double k1, double b, int denseDepth, int keywordDepth, double denseWeight,
            String norm, int prfDocs, int prfTerms, double prfWeight, double rocchio, Map<String, String> flags) {

        static Variant base() {
            return new Variant("base", 1.2, 0.75, 300, 50, 0.6, "minmax", 0, 0, 0, 0, Map.of());
        }
    }

    private LocomoSweep() {
    }

    public static void main(String[] args) throws Exception {
        List<Conversation> conversations = load(Path.of(args[0]), range(args[1]));
        Map<String, float[]> vectors = vectors(conversations);
        List<Variant> variants = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            variants.add(parse(args[i]));
        }
        for (Variant variant : variants) {
            double r5 = 0;
            double r10 = 0;
            double top1 = 0;
            int n = 0;
            long start = System.nanoTime();
            for (Conversation conversation : conversations) {
                for (double[] m : run(conversation, vectors, variant)) {
                    r5 += m[0];
                    r10 += m[1];
                    top1 += m[2];
                    n++;
                }
            }
            System.out.printf("%-60s n=%d r@5 %.3f r@10 %.3f top1 %.3f (%.1fs)%n", variant.name(), n, r5 / n, r10 / n,
                    top1 / n, (System.nanoTime() - start) / 1e9);
        }
    }

    /** {@code name:key=value,...} over {@link Variant#base()}. */
    static Variant parse(String spec) {
        Variant v = Variant.base();
        String[] parts = spec.split(":", 2);
        Map<String, String> kv = new HashMap<>();
        if (parts.length > 1) {
            for (String pair : parts[1].split(",")) {
                String[] p = pair.split("=");
                kv.put(p[0], p[1]);
            }
        }
        Function<String, Double> d = key -> Double.parseDouble(kv.get(key));
        return new Variant(spec, kv.containsKey("k1") ? d.apply("k1") : v.k1(),
                kv.containsKey("b") ? d.apply("b") : v.b(),
                kv.containsKey("dd") ? d.apply("dd").intValue() : v.denseDepth(),
                kv.containsKey("kd") ? d.apply("kd").intValue() : v.keywordDepth(),
                kv.containsKey("w") ? d.apply("w") : v.denseWeight(), kv.getOrDefault("norm", v.norm()),
                kv.containsKey("prfd") ? d.apply("prfd").intValue() : 0,
                kv.containsKey("prft") ? d.apply("prft").intValue() : 0,
                kv.containsKey("prfw") ? d.apply("prfw") : 0, kv.containsKey("roc") ? d.apply("roc") : 0, kv);
    }

    static List<double[]> run(Conversation conversation, Map<String, float[]> vectors, Variant variant)
            throws IOException {
        Analyzer analyzer = KeywordText.analyzer();
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setSimilarity(new BM25Similarity((float) variant.k1(), (float) variant.b()));
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (Turn turn : conversation.turns()) {
                Document document = new Document();
                document.add(new TextField("content", turn.text() + "\n" + turn.speaker() + "\n", Field.Store.NO));
                writer.addDocument(document);
            }
        }
        List<float[]> turnVectors = conversation.turns().stream()
                .map(turn -> vectors.get(passageKey(turn))).toList();
        List<double[]> metrics = new ArrayList<>();
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(new BM25Similarity((float) variant.k1(), (float) variant.b()));
            QueryBuilder builder = new QueryBuilder(analyzer);
            for (Question question : conversation.questions()) {
                float[] q = vectors.get(queryKey(question.text()));
                List<Scored<Integer>> dense = dense(q, turnVectors, variant.denseDepth());
                Query terms = builder.createBooleanQuery("content", question.text(), Occur.SHOULD);
                List<Scored<Integer>> keyword = terms == null ? List.of()
                        : bm25(searcher.search(terms, variant.keywordDepth()).scoreDocs);
                if (variant.flags().containsKey("ent")) {
                    double bonus = Double.parseDouble(variant.flags().get("ent"));
                    Set<String> named = new HashSet<>();
                    for (Turn turn : conversation.turns()) {
                        if (question.text().toLowerCase().matches(".*\\b" + turn.speaker().toLowerCase() + "\\b.*")) {
                            named.add(turn.speaker());
                        }
                    }
                    List<Scored<Integer>> boosted = new ArrayList<>();
                    for (Scored<Integer> s : dense) {
                        boolean of = named.contains(conversation.turns().get(s.key()).speaker());
                        boosted.add(new Scored<>(s.key(), s.score() + (of ? bonus : 0)));
                    }
                    boosted.sort(Comparator.comparingDouble((Scored<Integer> s) -> s.score()).reversed());
                    dense = boosted;
                }
                List<Integer> ranked = fuse(variant, question.text(), dense, keyword, 10);
                if (variant.prfDocs() > 0 && terms != null) {
                    Query expanded = expand(terms, ranked.subList(0, Math.min(variant.prfDocs(), ranked.size())),
                            conversation, analyzer, reader, variant);
                    keyword = bm25(searcher.search(expanded, variant.keywordDepth()).scoreDocs);
                    ranked = fuse(variant, question.text(), dense, keyword, 10);
                }
                if (variant.rocchio() > 0) {
                    float[] moved = q.clone();
                    int k = Math.min(3, ranked.size());
                    for (int i = 0; i < k; i++) {
                        float[] v = turnVectors.get(ranked.get(i));
                        for (int j = 0; j < moved.length; j++) {
                            moved[j] += (float) (variant.rocchio() * v[j] / k);
                        }
                    }
                    normalise(moved);
                    dense = dense(moved, turnVectors, variant.denseDepth());
                    ranked = fuse(variant, question.text(), dense, keyword, 10);
                }
                Set<String> evidence = question.evidence();
                List<String> ids = ranked.stream().map(doc -> conversation.turns().get(doc).id()).toList();
                double r5 = ids.stream().limit(5).filter(evidence::contains).count() / (double) evidence.size();
                double r10 = ids.stream().limit(10).filter(evidence::contains).count() / (double) evidence.size();
                double top1 = !ids.isEmpty() && evidence.contains(ids.get(0)) ? 1 : 0;
                metrics.add(new double[] { r5, r10, top1 });
            }
        }
        return metrics;
    }

    /** RM3-like: the most frequent non-query terms of the first fused hits, added as boosted SHOULD clauses. */
    private static Query expand(Query terms, List<Integer> feedback, Conversation conversation, Analyzer analyzer,
            DirectoryReader reader, Variant variant) throws IOException {
        Set<String> queryTerms = new HashSet<>();
        terms.visit(new org.apache.lucene.search.QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... ts) {
                for (Term t : ts) {
                    queryTerms.add(t.text());
                }
            }
        });
        Map<String, Double> weights = new HashMap<>();
        int docs = reader.numDocs();
        for (int doc : feedback) {
            Turn turn = conversation.turns().get(doc);
            Map<String, Integer> tf = new HashMap<>();
            String text = variant.flags().containsKey("nodate")
                    ? dev.minmemory.server.memory.EmbeddingScheme.ENTITY_TEXT.passage(null, turn.text()) : turn.text();
            try (TokenStream stream = analyzer.tokenStream("content", text)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    tf.merge(term.toString(), 1, Integer::sum);
                }
                stream.end();
            }
            for (var e : tf.entrySet()) {
                if (queryTerms.contains(e.getKey())) {
                    continue;
                }
                int df = reader.docFreq(new Term("content", e.getKey()));
                double idf = variant.flags().containsKey("count") ? 1 : Math.log(1 + (docs - df + 0.5) / (df + 0.5));
                double count = variant.flags().containsKey("count") ? 1 - 0.01 * feedback.indexOf(doc) : e.getValue();
                weights.merge(e.getKey(), count * idf, Double::sum);
            }
        }
        BooleanQuery.Builder expanded = new BooleanQuery.Builder().add(terms, Occur.SHOULD);
        weights.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(variant.prfTerms())
                .forEach(e -> expanded.add(new BoostQuery(new TermQuery(new Term("content", e.getKey())),
                        (float) variant.prfWeight()), Occur.SHOULD));
        return expanded.build();
    }

    static List<Integer> fuse(Variant variant, String query, List<Scored<Integer>> dense,
            List<Scored<Integer>> keyword, int limit) {
        ScoreFusion fusion = new ScoreFusion(variant.denseWeight()).forQuery(query);
        if (variant.norm().equals("minmax")) {
            return fusion.fuse(dense, keyword, limit).stream().map(ScoreFusion.Fused::key).toList();
        }
        // the query's effective dense weight: recover it by fusing two probe lists
        double w = fusion.fuse(List.of(new Scored<>(0, 1.0)), List.of(new Scored<>(1, 1.0)), 2).stream()
                .filter(f -> f.key() == 0).findFirst().orElseThrow().relevance();
        if (keyword.isEmpty()) {
            w = 1;
        }
        Map<Integer, Double> score = new HashMap<>();
        Map<Integer, Double> denseScore = new HashMap<>();
        add(score, normalise(variant.norm(), dense, true), w);
        add(score, normalise(variant.norm(), keyword, false), 1 - w);
        dense.forEach(s -> denseScore.put(s.key(), s.score()));
        return score.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<Integer, Double> e) -> e.getValue()).reversed()
                        .thenComparing(e -> denseScore.getOrDefault(e.getKey(), -9.0), Comparator.reverseOrder()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    private static void add(Map<Integer, Double> score, Map<Integer, Double> normalised, double weight) {
        normalised.forEach((k, v) -> score.merge(k, weight * v, Double::sum));
    }

    private static Map<Integer, Double> normalise(String norm, List<Scored<Integer>> list, boolean dense) {
        Map<Integer, Double> out = new HashMap<>();
        if (list.isEmpty()) {
            return out;
        }
        double min = list.stream().mapToDouble(Scored::score).min().orElseThrow();
        double max = list.stream().mapToDouble(Scored::score).max().orElseThrow();
        double mean = list.stream().mapToDouble(Scored::score).average().orElseThrow();
        double sd = Math.sqrt(list.stream().mapToDouble(s -> (s.score() - mean) * (s.score() - mean)).average()
                .orElseThrow());
        for (Scored<Integer> s : list) {
            double x = s.score();
            double v = switch (norm) {
                // keyword: zero-anchored (a BM25 score of 0 means no match); dense: min-max
                case "maxk" -> dense ? (max == min ? 1 : (x - min) / (max - min)) : (max == 0 ? 1 : x / max);
                case "zscore" -> sd == 0 ? 1 : (x - mean) / sd;
                // Qdrant's distribution-based score fusion: mean ± 3 standard deviations as the bounds
                case "dbsf" -> sd == 0 ? 1
                        : Math.max(0, Math.min(1, (x - (mean - 3 * sd)) / (6 * sd)));
                // min-max over the top 'depth' only: dense list min at a fixed rank
                case "mm30" -> {
                    double m = list.stream().limit(30).mapToDouble(Scored::score).min().orElseThrow();
                    yield max == m ? 1 : Math.max(0, (x - m) / (max - m));
                }
                default -> throw new IllegalArgumentException(norm);
            };
            out.put(s.key(), v);
        }
        return out;
    }

    private static List<Scored<Integer>> dense(float[] q, List<float[]> turns, int depth) {
        List<Scored<Integer>> all = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            double dot = 0;
            float[] v = turns.get(i);
            for (int j = 0; j < v.length; j++) {
                dot += q[j] * v[j];
            }
            all.add(new Scored<>(i, dot));
        }
        all.sort(Comparator.comparingDouble((Scored<Integer> s) -> s.score()).reversed());
        return all.subList(0, Math.min(depth, all.size()));
    }

    private static List<Scored<Integer>> bm25(ScoreDoc[] hits) {
        return Arrays.stream(hits).map(hit -> new Scored<>(hit.doc, (double) hit.score)).toList();
    }

    private static void normalise(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        n = Math.sqrt(n);
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) n;
        }
    }

    static String passageKey(Turn turn) {
        return "P\u0000" + Bench.SCHEME.passage(turn.speaker(), turn.text());
    }

    static String queryKey(String question) {
        return "Q\u0000" + question;
    }

    /** Every passage and query vector, embedded once per model and scheme and cached. */
    static Map<String, float[]> vectors(List<Conversation> conversations) throws IOException {
        Path cache = Bench.OUT.resolve("locomo-cache").resolve(Bench.MODEL.id() + "-" + Bench.SCHEME.id() + ".bin");
        Map<String, float[]> vectors = new LinkedHashMap<>();
        if (Files.exists(cache)) {
            try (DataInputStream in = new DataInputStream(Files.newInputStream(cache))) {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    String key = in.readUTF();
                    float[] v = new float[in.readInt()];
                    for (int j = 0; j < v.length; j++) {
                        v[j] = in.readFloat();
                    }
                    vectors.put(key, v);
                }
            }
        }
        Set<String> missing = new LinkedHashSet<>();
        for (Conversation conversation : conversations) {
            conversation.turns().forEach(turn -> missing.add(passageKey(turn)));
            conversation.questions().forEach(q -> missing.add(queryKey(q.text())));
        }
        missing.removeAll(vectors.keySet());
        if (!missing.isEmpty()) {
            System.out.println("embedding " + missing.size() + " texts");
            try (OnnxEmbedder embedder = Bench.embedder()) {
                for (String key : missing) {
                    String text = key.substring(2);
                    vectors.put(key, key.startsWith("P") ? embedder.embedPassage(text) : embedder.embedQuery(text));
                }
            }
            Files.createDirectories(cache.getParent());
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(cache))) {
                out.writeInt(vectors.size());
                for (var e : vectors.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().length);
                    for (float x : e.getValue()) {
                        out.writeFloat(x);
                    }
                }
            }
        }
        return vectors;
    }

    static List<Conversation> load(Path path, Set<Integer> selection) throws IOException {
        JsonNode root = new ObjectMapper().readTree(new File(path.toString()));
        List<Conversation> conversations = new ArrayList<>();
        for (int index = 0; index < root.size(); index++) {
            if (!selection.contains(index)) {
                continue;
            }
            JsonNode c = root.get(index).get("conversation");
            List<Turn> turns = new ArrayList<>();
            for (int s = 1; c.has("session_" + s); s++) {
                String date = c.get("session_" + s + "_date_time").asText();
                for (JsonNode turn : c.get("session_" + s)) {
                    String speaker = turn.get("speaker").asText();
                    turns.add(new Turn(turn.get("dia_id").asText(), speaker,
                            speaker + " (" + date + "): " + turn.get("text").asText()));
                }
            }
            Set<String> known = new HashSet<>(turns.stream().map(Turn::id).toList());
            List<Question> questions = new ArrayList<>();
            for (JsonNode qa : root.get(index).get("qa")) {
                if (!CATEGORIES.contains(qa.get("category").asInt())) {
                    continue;
                }
                Set<String> evidence = new LinkedHashSet<>();
                qa.get("evidence").forEach(e -> {
                    if (known.contains(e.asText())) {
                        evidence.add(e.asText());
                    }
                });
                if (!evidence.isEmpty()) {
                    questions.add(new Question(qa.get("question").asText(), evidence));
                }
            }
            conversations.add(new Conversation(turns, questions));
        }
        return conversations;
    }

    static Set<Integer> range(String spec) {
        Set<Integer> out = new HashSet<>();
        for (String part : spec.split(",")) {
            String[] ends = part.split("-");
            int from = Integer.parseInt(ends[0]);
            int to = ends.length > 1 ? Integer.parseInt(ends[1]) : from;
            for (int i = from; i <= to; i++) {
                out.add(i);
            }
        }
        return out;
    }
}
