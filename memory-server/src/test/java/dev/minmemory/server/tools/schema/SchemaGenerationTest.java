package dev.minmemory.server.tools.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SchemaGenerationTest {

    @Test
    void concurrentRequestsMakeEachSchemaOnceAndNeverTwoAtATime() throws Exception {
        SchemaGeneration<String, String> schemas = new SchemaGeneration<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ConcurrentHashMap<String, AtomicInteger> made = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Callable<String>> requests = IntStream.range(0, 64).<Callable<String>>mapToObj(i -> () -> {
                start.await();
                return schemas.schema("tool-" + i % 4, key -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    made.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                    Thread.onSpinWait();
                    running.decrementAndGet();
                    return "schema of " + key;
                });
            }).toList();
            List<Future<String>> answers = requests.stream().map(threads::submit).toList();
            start.countDown();
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).isEqualTo("schema of tool-" + i % 4);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(made).hasSize(4).allSatisfy((key, count) -> assertThat(count).hasValue(1));
        assertThat(mostAtOnce).hasValue(1);
    }
}
