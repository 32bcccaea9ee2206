package dev.minmemory.server.embedding;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import dev.minmemory.server.memory.Embedder;

/**
 * Embeds text with one of the {@link EmbeddingModel}s running in-process on ONNX Runtime, fully offline: the model's
 * prefix, DJL's Hugging Face tokenizer, one ONNX Runtime session call per batch, then the model's pooling.
 *
 * <p>Thread-safe: the tokenizer and the ONNX Runtime session are safe for concurrent use.
 */
public final class OnnxEmbedder implements Embedder, Closeable {

    /** Texts per model call; larger batches hardly raise throughput. */
    static final int MAX_BATCH_SIZE = 32;
    /**
     * Bound on batch size x padded length squared, the size of the attention matrices. Measured with int8: a batch
     * of 32 texts of 512 tokens peaks at 2.3 GB RSS and is no faster per text than one text at a time (100 ms);
     * this bound allows 2 such texts (~380 MB), or 32 texts of up to 128 tokens.
     */
    static final long MAX_BATCH_ATTENTION_CELLS = 2L * 512 * 512;
    private static final Set<String> OUTPUTS = Set.of("last_hidden_state");

    private final EmbeddingModel model;
    private final HuggingFaceTokenizer tokenizer;
    private final OrtEnvironment environment;
    private final OrtSession session;

    private OnnxEmbedder(EmbeddingModel model, HuggingFaceTokenizer tokenizer, OrtEnvironment environment,
            OrtSession session) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.environment = environment;
        this.session = session;
    }

    /**
     * Extracts the model's files into {@code cacheDir} (once) and loads them. Blocks for about a second (int8) to a
     * few seconds (fp32).
     *
     * @param intraOpThreads threads ONNX Runtime uses within one model call
     */
    public static OnnxEmbedder load(EmbeddingModel model, Path cacheDir, int intraOpThreads) throws IOException {
        DjlOfflineSettings.apply(cacheDir);
        OnnxRuntimeNatives.useCacheDir(cacheDir);
        Path modelDir = cacheDir.resolve("models");
        Path modelFile = modelDir.resolve(model.modelResource());
        Path tokenizerFile = modelDir.resolve(model.tokenizerResource());
        ClasspathResourceExtractor.extract(model.modelResource(), modelFile);
        ClasspathResourceExtractor.extract(model.tokenizerResource(), tokenizerFile);

        HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                .optTokenizerPath(tokenizerFile)
                .optAddSpecialTokens(true)
                .optTruncation(true)
                .optMaxLength(model.maxTokens())
                .optPadding(false)
                .build();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            OrtEnvironment environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            return new OnnxEmbedder(model, tokenizer, environment,
                    environment.createSession(modelFile.toString(), options));
        } catch (OrtException | RuntimeException | LinkageError e) {
            tokenizer.close();
            throw new IOException("cannot load embedding model " + model.id() + " from " + modelFile + ": " + e, e);
        }
    }

    public EmbeddingModel model() {
        return model;
    }

    @Override
    public String modelId() {
        return model.id();
    }

    @Override
    public double candidateSimilarity() {
        return model.candidateSimilarity();
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public float[] embedQuery(String text) {
        return embed(List.of(requireText(text, "text")), model.queryPrefix()).get(0);
    }

    @Override
    public float[] embedPassage(String text) {
        return embed(List.of(requireText(text, "text")), model.passagePrefix()).get(0);
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        for (int i = 0; i < texts.size(); i++) {
            requireText(texts.get(i), "texts[" + i + "]");
        }
        return embed(texts, model.passagePrefix());
    }

    private List<float[]> embed(List<String> texts, String prefix) {
        String[] prefixed = new String[texts.size()];
        for (int i = 0; i < prefixed.length; i++) {
            prefixed[i] = prefix + texts.get(i);
        }
        List<Encoding> encodings = Arrays.asList(tokenizer.batchEncode(prefixed));
        List<float[]> embeddings = new ArrayList<>(prefixed.length);
        int start = 0;
        while (start < encodings.size()) {
            int end = batchEnd(encodings, start);
            embeddings.addAll(embedBatch(encodings.subList(start, end)));
            start = end;
        }
        return embeddings;
    }

    /** The end (exclusive) of the largest batch starting at {@code start} that stays within both bounds. */
    private static int batchEnd(List<Encoding> encodings, int start) {
        int end = start + 1;
        long longest = encodings.get(start).getIds().length;
        while (end < encodings.size() && end - start < MAX_BATCH_SIZE) {
            long length = Math.max(longest, encodings.get(end).getIds().length);
            if ((end - start + 1) * length * length > MAX_BATCH_ATTENTION_CELLS) {
                break;
            }
            longest = length;
            end++;
        }
        return end;
    }

    private List<float[]> embedBatch(List<Encoding> batch) {
        try (TokenBatch inputs = TokenBatch.of(environment, batch);
                OrtSession.Result result = session.run(inputs.tensors(session.getInputNames()), OUTPUTS)) {
            return inputs.embeddings((OnnxTensor) result.get(0), model.dimension(), model.pooling());
        } catch (OrtException e) {
            throw new IllegalStateException("embedding with " + model.id() + " failed", e);
        }
    }

    private static String requireText(String text, String name) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
        return text;
    }

    /** Frees the native model and tokenizer. Calls still running must finish first. */
    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close embedding model " + model.id(), e);
        } finally {
            tokenizer.close();
        }
    }
}
