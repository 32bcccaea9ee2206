package dev.minmemory.server.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.minmemory.server.embedding.OnnxEmbedder;
import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.store.MemoryArchive;
import dev.minmemory.server.store.MemoryJson;

/**
 * Writes the first {@code n} corpus items as an export file ({@link MemoryArchive}'s format, vectors included), so
 * that the server's {@code import} command loads them without re-embedding. Embeds in batches of 32. Kept between
 * runs: an existing file with {@code n} lines is reused.
 */
public final class CorpusFile {

    private static final int BATCH = 32;

    private CorpusFile() {
    }

    /**
     * {@code CorpusFile OUT N}: writes OUT unless it already holds N lines. {@code CorpusFile --workload DIR}: writes
     * the MCP workload instead, no vectors: {@code questions.jsonl} (retrieve_context queries) and
     * {@code new-memories.jsonl} (store_memory arguments of items that are not in the corpus) and {@code labelled.jsonl} ({@link LabelledSet}).
     */
    public static void main(String[] args) throws Exception {
        if (args[0].equals("--workload")) {
            workload(Path.of(args[1]));
            return;
        }
        Path out = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        if (lines(out) == n) {
            System.out.println("corpus " + out + " (" + n + " memories) already there");
            return;
        }
        try (OnnxEmbedder embedder = Bench.embedder()) {
            long start = System.nanoTime();
            write(out, n, embedder);
            System.out.printf("corpus %s: %d memories embedded and written in %.0f s%n", out, n,
                    (System.nanoTime() - start) / 1e9);
        }
    }

    static void write(Path out, int n, OnnxEmbedder embedder) throws IOException {
        ObjectMapper mapper = MemoryJson.mapper();
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            for (int first = 0; first < n; first += BATCH) {
                List<Memory> batch = new ArrayList<>();
                for (int i = first; i < Math.min(n, first + BATCH); i++) {
                    batch.add(Corpus.memory(i));
                }
                List<float[]> vectors = embedder.embedPassages(
                        batch.stream().map(memory -> Bench.SCHEME.passage(memory.entity(), memory.text())).toList());
                for (int j = 0; j < batch.size(); j++) {
                    ObjectNode line = mapper.createObjectNode();
                    line.put("format", MemoryArchive.FORMAT);
                    line.put("embedding_model", embedder.model().id());
                    line.put("embedding_scheme", Bench.SCHEME.id());
                    line.set("memory", MemoryJson.toTree(batch.get(j)));
                    ArrayNode vector = line.putArray("vector");
                    for (float x : vectors.get(j)) {
                        vector.add(x);
                    }
                    writer.write(mapper.writeValueAsString(line));
                    writer.write('\n');
                }
            }
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
    }

    private static final long NEW_MEMORIES_FROM = 1_000_000;

    static void workload(Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper mapper = MemoryJson.mapper();
        try (BufferedWriter questions = Files.newBufferedWriter(dir.resolve("questions.jsonl"));
                BufferedWriter memories = Files.newBufferedWriter(dir.resolve("new-memories.jsonl"))) {
            for (long i = 0; i < 2_000; i++) {
                Memory m = Corpus.memory(i * 37);
                ObjectNode query = mapper.createObjectNode().put("query", Corpus.question(i * 37));
                if (m.project() != null && i % 2 == 0) {
                    query.put("project", m.project());
                }
                questions.write(mapper.writeValueAsString(query));
                questions.write('\n');
            }
            for (long i = NEW_MEMORIES_FROM; i < NEW_MEMORIES_FROM + 10_000; i++) {
                Memory m = Corpus.memory(i);
                ObjectNode args = mapper.createObjectNode().put("text", m.text())
                        .put("memory_type", m.memoryType().wireName()).put("scope", m.scope().wireName())
                        .put("entity", m.entity());
                if (m.project() != null) {
                    args.put("project", m.project());
                }
                if (m.taskId() != null) {
                    args.put("task_id", m.taskId());
                }
                args.set("tags", mapper.valueToTree(m.tags()));
                memories.write(mapper.writeValueAsString(args));
                memories.write('\n');
            }
        }
        try (BufferedWriter labelled = Files.newBufferedWriter(dir.resolve("labelled.jsonl"))) {
            for (LabelledSet.Item item : LabelledSet.ITEMS) {
                labelled.write(mapper.writeValueAsString(mapper.createObjectNode().put("kind", item.kind().name())
                        .put("entity", item.entity()).put("fact", item.fact()).put("question", item.question())));
                labelled.write('\n');
            }
        }
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return -1;
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        }
    }
}
