package dev.minmemory.server.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Re-embeds every memory of a store in place, soft-deleted ones included, with the given embedder and scheme: how a
 * store moves to another model or {@link EmbeddingScheme}. Records stay exactly as they are; only vectors change.
 * Each batch is saved before the next is embedded, and saving a memory again is harmless, so an interrupted run is
 * finished by running it again. The store records the new layout as unfinished before the first vector changes and as
 * finished after the last: an interrupted run leaves a store the server refuses until a run finishes.
 */
public final class Reembedding {

    static final int BATCH = 32;

    private final Embedder embedder;
    private final EmbeddingScheme scheme;

    public Reembedding(Embedder embedder, EmbeddingScheme scheme) {
        this.embedder = embedder;
        this.scheme = scheme;
    }

    /** Re-embeds the whole store, calling {@code progress} with the count so far after every batch; returns it. */
    public long run(MemoryBackend store, LongConsumer progress) {
        IndexLayout target = new IndexLayout(embedder.modelId(), scheme, store.layout().keywordAnalysis());
        store.recordLayout(target.whileReembedding());
        List<Memory> batch = new ArrayList<>(BATCH);
        long[] done = { 0 };
        store.forEachMemory(stored -> {
            batch.add(stored.memory());
            if (batch.size() == BATCH) {
                done[0] += save(store, batch);
                progress.accept(done[0]);
            }
        });
        if (!batch.isEmpty()) {
            done[0] += save(store, batch);
            progress.accept(done[0]);
        }
        store.recordLayout(target);
        return done[0];
    }

    private int save(BulkMemoryAccess store, List<Memory> batch) {
        List<float[]> vectors = embedder
                .embedPassages(batch.stream().map(memory -> scheme.passage(memory.entity(), memory.text())).toList());
        List<StoredMemory> reembedded = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            reembedded.add(new StoredMemory(batch.get(i), vectors.get(i)));
        }
        store.saveAll(reembedded);
        int count = batch.size();
        batch.clear();
        return count;
    }
}
