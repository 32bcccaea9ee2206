package dev.minmemory.server.memory;

import java.util.List;

/** A retrieval hit with its scores and, when asked for, the live memories it is linked with. */
public record RetrievedMemory(Memory memory, double score, double similarity, List<LinkedMemory> related) {
}
