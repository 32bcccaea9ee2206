package dev.minmemory.server.bench;

import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.minmemory.server.embedding.EmbeddingModel;
import dev.minmemory.server.embedding.OnnxEmbedder;

/**
 * Benchmark 1: the embedding pipeline ({@link OnnxEmbedder}: tokenising, the session call, pooling) against bare
 * ONNX Runtime on the same model and the same pre-tokenised inputs: single-sentence latency, sentences per second at
 * batch 1, 8 and 32, and sentences per second with 8 concurrent callers of one sentence each (what concurrent stores
 * ask). The ratio is the pipeline's overhead. Both run with the server's default of one intra-op thread
 * ({@code -Dbench.embedding-threads} changes it). Rounds alternate between the two so that noise from other processes
 * hits both; each number is the median over rounds, with the range.
 */
public final class EmbeddingBench {

    private static final int SENTENCES = 256;
    private static final int[] BATCH_SIZES = { 1, 8, 32 };
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final int THREADS = Integer.getInteger("bench.embedding-threads", 1);
    private static final int CALLERS = 8;

    public static void main(String[] args) throws Exception {
        EmbeddingModel model = EmbeddingModel.DEFAULT;
        int threads = THREADS;
        Path cacheDir = Bench.MODEL_CACHE;
        List<String> sentences = LongStream.range(0, SENTENCES).mapToObj(Corpus::text).collect(Collectors.toList());
        double loadBefore = Bench.load();

        try (OnnxEmbedder embedder = OnnxEmbedder.load(model, cacheDir, threads);
                HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                        .optTokenizerPath(cacheDir.resolve("models").resolve(model.tokenizerResource())).build();
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            String modelFile = cacheDir.resolve("models").resolve(model.modelResource()).toString();
            try (OrtSession session = environment.createSession(modelFile, options)) {
                Map<List<String>, Encoding[]> tokenised = new ConcurrentHashMap<>();
                Contender pipeline = new Contender("pipeline", embedder::embedPassages);
                Contender raw = new Contender("raw OrtSession, pre-tokenised", batch -> run(environment, session,
                        tokenised.computeIfAbsent(batch, b -> tokenizer.batchEncode(b.toArray(String[]::new)))));
                // Alternating rounds spreads noise from other processes over both contenders.
                for (int round = 0; round < ROUNDS; round++) {
                    pipeline.measure(sentences);
                    raw.measure(sentences);
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("model", model.id());
                result.put("intra_op_threads", threads);
                result.put("rounds", ROUNDS);
                result.put("pipeline", pipeline.report());
                result.put("raw_onnxruntime", raw.report());
                Map<String, Object> ratio = new LinkedHashMap<>();
                ratio.put("single_latency", Bench.round(pipeline.median(pipeline.singleMillis)
                        / raw.median(raw.singleMillis), 3));
                for (int b = 0; b < BATCH_SIZES.length; b++) {
                    ratio.put("batch_" + BATCH_SIZES[b] + "_throughput", Bench.round(
                            pipeline.median(pipeline.perSecond[b]) / raw.median(raw.perSecond[b]), 3));
                }
                ratio.put(CALLERS + "_callers_throughput", Bench.round(
                        pipeline.median(pipeline.concurrentPerSecond) / raw.median(raw.concurrentPerSecond), 3));
                result.put("pipeline_over_raw", ratio);
                result.put("load_1min", List.of(loadBefore, Bench.load()));
                result.put("peak_rss", Files.readAllLines(Path.of("/proc/self/status")).stream()
                        .filter(line -> line.startsWith("VmHWM")).findFirst().orElse("?").replaceAll("\\s+", " "));
                Bench.write("embedding", result);
            }
        }
    }

    interface BatchEmbedder {
        List<float[]> embed(List<String> batch) throws Exception;
    }

    private static final class Contender {

        private final String name;
        private final BatchEmbedder embedder;
        private final double[] singleMillis = new double[ROUNDS];
        private final double[][] perSecond = new double[BATCH_SIZES.length][ROUNDS];
        private final double[] concurrentPerSecond = new double[ROUNDS];
        private int round;

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
            singleMillis[round] = singleNanos[singleNanos.length / 2] / 1e6;
            for (int b = 0; b < BATCH_SIZES.length; b++) {
                long start = System.nanoTime();
                for (int i = 0; i < sentences.size(); i += BATCH_SIZES[b]) {
                    embedder.embed(sentences.subList(i, i + BATCH_SIZES[b]));
                }
                perSecond[b][round] = sentences.size() / ((System.nanoTime() - start) / 1e9);
            }
            concurrentPerSecond[round] = concurrently(sentences);
            round++;
        }

        /** Sentences per second when CALLERS threads each embed their share of the sentences one at a time. */
        private double concurrently(List<String> sentences) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
            try {
                int share = sentences.size() / CALLERS;
                List<Callable<Void>> callers = new ArrayList<>();
                for (int c = 0; c < CALLERS; c++) {
                    List<String> mine = sentences.subList(c * share, (c + 1) * share);
                    callers.add(() -> {
                        for (String sentence : mine) {
                            embedder.embed(List.of(sentence));
                        }
                        return null;
                    });
                }
                long start = System.nanoTime();
                for (Future<Void> caller : pool.invokeAll(callers)) {
                    caller.get();
                }
                return share * CALLERS / ((System.nanoTime() - start) / 1e9);
            } finally {
                pool.shutdown();
            }
        }

        double median(double[] values) {
            return Bench.percentile(values, 0.5);
        }

        Map<String, Object> report() {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("name", name);
            report.put("single_sentence_ms", spread(singleMillis, 2));
            for (int b = 0; b < BATCH_SIZES.length; b++) {
                report.put("batch_" + BATCH_SIZES[b] + "_per_s", spread(perSecond[b], 0));
            }
            report.put(CALLERS + "_callers_per_s", spread(concurrentPerSecond, 0));
            return report;
        }

        private Map<String, Object> spread(double[] values, int digits) {
            return Map.of("median", Bench.round(median(values), digits),
                    "min", Bench.round(Arrays.stream(values).min().orElseThrow(), digits),
                    "max", Bench.round(Arrays.stream(values).max().orElseThrow(), digits));
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
        long[] shape = { rows, columns };
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
