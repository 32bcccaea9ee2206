package dev.minmemory.server.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.minmemory.server.embedding.EmbeddingModel;
import dev.minmemory.server.embedding.OnnxEmbedder;
import dev.minmemory.server.memory.EmbeddingScheme;

/**
 * What the benchmark mains share: the model and embedding scheme ({@code bench.model}, {@code bench.scheme}; the
 * server's defaults for a new store unless set), where results go, percentiles.
 */
public final class Bench {

    /** Results directory: one JSON file per benchmark, merged into a report by bench/report.mjs. */
    public static final Path OUT = Path.of(System.getProperty("bench.out", "target/bench"));
    public static final Path MODEL_CACHE = Path.of(System.getProperty("bench.model-cache", "target/model-cache"));
    public static final int THREADS = Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors());
    public static final EmbeddingModel MODEL =
            EmbeddingModel.fromId(System.getProperty("bench.model", EmbeddingModel.DEFAULT.id()));
    public static final EmbeddingScheme SCHEME =
            EmbeddingScheme.fromId(System.getProperty("bench.scheme", EmbeddingScheme.ENTITY_TEXT.id()));

    private Bench() {
    }

    public static OnnxEmbedder embedder() throws IOException {
        return OnnxEmbedder.load(MODEL, MODEL_CACHE, THREADS);
    }

    public static void write(String name, Map<String, Object> result) throws IOException {
        Files.createDirectories(OUT);
        Path file = OUT.resolve(name + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), result);
        System.out.println(name + ": " + new ObjectMapper().writeValueAsString(result));
    }

    /** The q-quantile (0..1) of these values, nearest rank. */
    public static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    public static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    /** The one-minute load average, to publish with every number. */
    public static double load() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
}
