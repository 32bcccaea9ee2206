package dev.minmemory.server.store.lucene;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.minmemory.server.memory.Memory;
import dev.minmemory.server.memory.MemoryType;
import dev.minmemory.server.memory.Scope;
import dev.minmemory.server.memory.StoreStatus;
import dev.minmemory.server.testing.Layouts;
import dev.minmemory.server.testing.RandomVectors;

/**
 * The embedded store in a process of its own, for faults that take a whole process: kill -9, a descriptor limit. It
 * prints one line per event to standard output, which the test reads: {@code ACK id} once a write returned,
 * {@code FAIL id reason} when it threw, {@code HEALTH ready live problem} when asked.
 * <ul>
 * <li>{@code write DIR}: writes until it is killed.</li>
 * <li>{@code exhaust DIR}: writes, uses up every file descriptor the process may have, writes, gives them back,
 * waits for the background commit, writes again, prints {@code DONE} and waits to be killed.</li>
 * </ul>
 */
public final class StoreProcess {

    private static final Random RANDOM = new Random();

    private StoreProcess() {
    }

    public static void main(String[] args) throws Exception {
        LuceneMemoryStore store = LuceneMemoryStore.open(Path.of(args[1]), Layouts.NEW_STORE);
        if (args[0].equals("write")) {
            for (int i = 0;; i++) {
                write(store, "w-" + i);
            }
        }
        for (int i = 0; i < 5; i++) {
            write(store, "before-" + i);
        }
        List<InputStream> held = new ArrayList<>();
        try {
            while (true) {
                held.add(new FileInputStream("/dev/null"));
            }
        } catch (IOException exhausted) {
            System.out.println("EXHAUSTED " + held.size() + " " + exhausted.getMessage());
        }
        for (int i = 0; i < 3; i++) {
            write(store, "exhausted-" + i);
        }
        health(store);
        for (InputStream in : held) {
            in.close();
        }
        System.out.println("RELEASED");
        Thread.sleep(LuceneIndex.COMMIT_INTERVAL.toMillis() * 2 + 1_000);
        health(store);
        for (int i = 0; i < 3; i++) {
            write(store, "released-" + i);
        }
        health(store);
        System.out.println("DONE");
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void write(LuceneMemoryStore store, String id) {
        Instant now = Instant.now();
        Memory memory = new Memory(id, "u", "memory " + id, MemoryType.EPISODIC, Scope.GLOBAL, "e", null, null,
                List.of(), Map.of(), List.of(), "active", null, now, now, false, null, null);
        try {
            store.save(memory, vector());
            System.out.println("ACK " + id);
        } catch (RuntimeException e) {
            System.out.println("FAIL " + id + " " + e);
        }
    }

    private static void health(LuceneMemoryStore store) {
        StoreStatus health = store.health();
        System.out.println("HEALTH " + health.ready() + " " + health.live() + " " + health.problem().orElse("-"));
    }

    private static float[] vector() {
        return RandomVectors.unit(RANDOM);
    }
}
