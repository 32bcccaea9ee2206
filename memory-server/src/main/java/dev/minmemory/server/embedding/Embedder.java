package dev.minmemory.server.embedding;

import java.util.List;

public interface Embedder {
    int dimension();

    float[] embed(String text);

    List<float[]> embedAll(List<String> texts);
}
