package dev.minmemory.server.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Not a test: measures the embedding pipeline against bare ONNX Runtime on the same inputs, to show the
 * pipeline's overhead (tokenising, DJL, pooling). Run with
 * {@code java -cp <test classpath> dev.minmemory.server.embedding.EmbeddingBenchmark [model-id] [threads]}.
 */
public final class EmbeddingBenchmark {

    private static final int SENTENCES = 256;
    private static final int[] BATCH_SIZES = {1, 8, 32};
    private static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        EmbeddingModel model = EmbeddingModel.fromId(args.length > 0 ? args[0] : EmbeddingModel.DEFAULT.id());
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Path cacheDir = Path.of(System.getProperty("java.io.tmpdir"), "min-memory-benchmark-cache");
        List<String> sentences = IntStream.range(0, SENTENCES)
                .mapToObj(i -> "Memory " + i + ": the user prefers " + (i % 2 == 0 ? "dark" : "light")
                        + " mode and deploys service number " + i + " to the staging cluster every Friday.")
                .collect(Collectors.toList());

        try (OnnxBgeEmbedder embedder = OnnxBgeEmbedder.load(model, cacheDir, threads);
                HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                        .optTokenizerPath(cacheDir.resolve("models").resolve(model.tokenizerResource())).build();
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            String modelFile = cacheDir.resolve("models").resolve(model.modelResource()).toString();
            try (OrtSession session = environment.createSession(modelFile, options)) {
                Map<List<String>, Encoding[]> tokenised = new HashMap<>();
                Contender pipeline = new Contender("pipeline", embedder::embedAll);
                Contender raw = new Contender("raw OrtSession, pre-tokenised", batch -> run(environment, session,
                        tokenised.computeIfAbsent(batch, b -> tokenizer.batchEncode(b.toArray(String[]::new)))));
                // Alternating rounds and keeping each contender's best spreads out noise from other processes.
                for (int round = 0; round < ROUNDS; round++) {
                    pipeline.measure(sentences);
                    raw.measure(sentences);
                }
                pipeline.report();
                raw.report();
            }
        }
        System.out.printf("%s, %d intra-op threads; peak RSS %s%n", model.id(), threads,
                Files.readAllLines(Path.of("/proc/self/status")).stream()
                        .filter(line -> line.startsWith("VmHWM")).findFirst().orElse("?"));
    }

    interface BatchEmbedder {
        List<float[]> embed(List<String> batch) throws Exception;
    }

    private static final class Contender {

        private final String name;
        private final BatchEmbedder embedder;
        private double bestSingleMillis = Double.MAX_VALUE;
        private final double[] bestPerSecond = new double[BATCH_SIZES.length];

        Contender(String name, BatchEmbedder embedder) {
            this.name = name;
            this.embedder = embedder;
        }

        void measure(List<String> sentences) throws Exception {
            for (int i = 0; i < 3; i++) {
                embedder.embed(sentences.subList(0, 32));
            }
            long[] singleNanos = new long[100];
            for (int i = 0; i < singleNanos.length; i++) {
                long start = System.nanoTime();
                embedder.embed(List.of(sentences.get(i)));
                singleNanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(singleNanos);
            bestSingleMillis = Math.min(bestSingleMillis, singleNanos[singleNanos.length / 2] / 1e6);
            for (int b = 0; b < BATCH_SIZES.length; b++) {
                long start = System.nanoTime();
                for (int i = 0; i < sentences.size(); i += BATCH_SIZES[b]) {
                    embedder.embed(sentences.subList(i, i + BATCH_SIZES[b]));
                }
                double perSecond = sentences.size() / ((System.nanoTime() - start) / 1e9);
                bestPerSecond[b] = Math.max(bestPerSecond[b], perSecond);
            }
        }

        void report() {
            System.out.printf("%-30s single sentence p50 %5.2f ms", name, bestSingleMillis);
            for (int b = 0; b < BATCH_SIZES.length; b++) {
                System.out.printf(" | batch %2d: %4.0f/s", BATCH_SIZES[b], bestPerSecond[b]);
            }
            System.out.println();
        }
    }

    private static List<float[]> run(OrtEnvironment environment, OrtSession session, Encoding[] batch)
            throws OrtException {
        int rows = batch.length;
        int columns = Arrays.stream(batch).mapToInt(e -> e.getIds().length).max().orElseThrow();
        long[] ids = new long[rows * columns];
        long[] mask = new long[rows * columns];
        long[] types = new long[rows * columns];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(batch[i].getIds(), 0, ids, i * columns, batch[i].getIds().length);
            System.arraycopy(batch[i].getAttentionMask(), 0, mask, i * columns, batch[i].getAttentionMask().length);
            System.arraycopy(batch[i].getTypeIds(), 0, types, i * columns, batch[i].getTypeIds().length);
        }
        long[] shape = {rows, columns};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape);
                OrtSession.Result result = session.run(Map.of(
                        "input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor))) {
            float[][][] hidden = (float[][][]) result.get(0).getValue();
            List<float[]> cls = new ArrayList<>(rows);
            for (float[][] tokens : hidden) {
                cls.add(tokens[0]);
            }
            return cls;
        }
    }
}
