package dev.minmemory.server.embedding;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The embedding models shipped on the classpath: BAAI/bge-small-en-v1.5 and intfloat/e5-small-v2, both MIT licensed,
 * each with the pooling and the query and passage prefixes it was trained with.
 */
public enum EmbeddingModel {
    /** int8-quantised: about 4x smaller and 2x faster than fp32 at nearly the same quality. */
    BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", Pooling.CLS, "", "", 0.85),
    BGE_SMALL_EN_V15("bge-small-en-v1.5", Pooling.CLS, "", "", 0.85),
    /** int8-quantised, the same size and cost as bge's; its cosines run higher, unrelated texts included. */
    E5_SMALL_V2_Q("e5-small-v2-q", Pooling.MEAN, "query: ", "passage: ", 0.90);

    /**
     * What a new store is made with. e5 finds more on long dialogue (LoCoMo) but fewer of an assistant's own short
     * facts asked in other words (the labelled set), so bge stays (docs/BENCHMARKS.md, "bge or e5").
     */
    public static final EmbeddingModel DEFAULT = BGE_SMALL_EN_V15_Q;

    private final String id;
    private final Pooling pooling;
    private final String queryPrefix;
    private final String passagePrefix;
    private final double candidateSimilarity;

    EmbeddingModel(String id, Pooling pooling, String queryPrefix, String passagePrefix, double candidateSimilarity) {
        this.id = id;
        this.pooling = pooling;
        this.queryPrefix = queryPrefix;
        this.passagePrefix = passagePrefix;
        this.candidateSimilarity = candidateSimilarity;
    }

    public String id() {
        return id;
    }

    public int dimension() {
        return 384;
    }

    /** Maximum tokens per text, including the [CLS] and [SEP] tokens. */
    public int maxTokens() {
        return 512;
    }

    Pooling pooling() {
        return pooling;
    }

    /** Put before every question. */
    String queryPrefix() {
        return queryPrefix;
    }

    /** Put before every text to be found. */
    String passagePrefix() {
        return passagePrefix;
    }

    /**
     * The cosine from which two memories of one entity are named as candidates, the later possibly correcting the
     * earlier: measured per model on corrections of one fact against unrelated facts of one entity (the
     * {@code CandidateThresholds} benchmark; docs/BENCHMARKS.md).
     */
    public double candidateSimilarity() {
        return candidateSimilarity;
    }

    public String modelResource() {
        return id + ".onnx";
    }

    public String tokenizerResource() {
        return id + "-tokenizer.json";
    }

    public static EmbeddingModel fromId(String id) {
        for (EmbeddingModel model : values()) {
            if (model.id.equals(id)) {
                return model;
            }
        }
        throw new IllegalArgumentException("Unknown embedding model '" + id + "'; allowed values: " + allowedIds());
    }

    private static String allowedIds() {
        return Arrays.stream(values()).map(EmbeddingModel::id).collect(Collectors.joining(", "));
    }
}
