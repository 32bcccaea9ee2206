package dev.minmemory.operator.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

/**
 * Benchmark 6, not a test (its name keeps it out of the surefire and failsafe runs; nothing is asserted about time):
 * the real operator runtime against the fabric8 mock API server, as {@link MemoryServerReconcilerIT} runs it.
 * <ul>
 * <li>time from creating a MemoryServer to all 12 dependents existing;</li>
 * <li>with 50 MemoryServers: reconciles per second when all are created at once (until every status shows
 * generation 1) and when all are edited at once (until every Deployment shows the change).</li>
 * </ul>
 * Run with {@code ./mvnw -B -pl operator test -Dtest=OperatorBench -Dsurefire.failIfNoSpecifiedTests=false}
 * (bench/run.sh does); writes {@code operator.json} into {@code -Dbench.out} (default target/bench).
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@TestProfile(OperatorBench.Quiet.class)
class OperatorBench {

    /** The mock API server logs every request at INFO: test machinery whose cost is not the operator's. */
    public static class Quiet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.category.\"io.fabric8.mockwebserver\".level", "WARN");
        }
    }

    private static final int SINGLE_ROUNDS = 5;
    private static final int FLEET = 50;
    private static final int FLEET_ROUNDS = 3;
    private static final long PATIENCE_NANOS = 120_000_000_000L;

    @Inject
    KubernetesClient client;

    @Test
    void measure() throws Exception {
        ClusterFixture cluster = new ClusterFixture(client);
        cluster.create(MemoryServers.auth0("bench-warmup", "memory"));
        awaitTrue(() -> cluster.everythingIn("bench-warmup").size() == 13);

        double[] toDependents = new double[SINGLE_ROUNDS];
        for (int r = 0; r < SINGLE_ROUNDS; r++) {
            String namespace = "bench-single-" + r;
            long start = System.nanoTime();
            cluster.create(MemoryServers.auth0(namespace, "memory"));
            awaitTrue(() -> cluster.everythingIn(namespace).size() == 13);
            toDependents[r] = (System.nanoTime() - start) / 1e6;
        }

        List<Map<String, Object>> fleetRounds = new ArrayList<>();
        for (int r = 0; r < FLEET_ROUNDS; r++) {
            int round = r;
            List<String> namespaces =
                    IntStream.range(0, FLEET).mapToObj(i -> "bench-fleet-" + round + "-" + i).toList();
            long start = System.nanoTime();
            namespaces.forEach(namespace -> cluster.create(MemoryServers.auth0(namespace, "memory")));
            awaitTrue(() -> namespaces.stream().allMatch(namespace -> {
                MemoryServer ms = cluster.get(namespace, "memory");
                return ms.getStatus() != null && Objects.equals(ms.getStatus().getObservedGeneration(), 1L);
            }));
            double createSeconds = (System.nanoTime() - start) / 1e9;

            start = System.nanoTime();
            namespaces.forEach(namespace -> cluster.edit(cluster.get(namespace, "memory"),
                    ms -> ms.getSpec().getServer().setReplicas(2)));
            awaitTrue(() -> namespaces.stream().allMatch(namespace -> {
                Deployment deployment = cluster.get(Deployment.class, namespace, "memory-server");
                return deployment.getSpec().getReplicas() == 2;
            }));
            double editSeconds = (System.nanoTime() - start) / 1e9;

            Map<String, Object> result = new LinkedHashMap<>();
            result.put("create_all_s", round(createSeconds, 2));
            result.put("create_reconciles_per_s", round(FLEET / createSeconds, 1));
            result.put("edit_all_s", round(editSeconds, 2));
            result.put("edit_reconciles_per_s", round(FLEET / editSeconds, 1));
            result.put("load_1min", load());
            fleetRounds.add(result);
            namespaces.forEach(namespace -> client.resources(MemoryServer.class).inNamespace(namespace).delete());
        }

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("create_to_all_dependents_ms", Map.of("runs", Arrays.stream(toDependents).map(x -> round(x, 0))
                .toArray(), "median", round(median(toDependents), 0)));
        result.put("fleet", FLEET);
        result.put("fleet_rounds", fleetRounds);
        result.put("create_reconciles_per_s_median", median(fleetRounds.stream()
                .mapToDouble(x -> (double) x.get("create_reconciles_per_s")).toArray()));
        result.put("edit_reconciles_per_s_median", median(fleetRounds.stream()
                .mapToDouble(x -> (double) x.get("edit_reconciles_per_s")).toArray()));
        Path out = Path.of(System.getProperty("bench.out", "target/bench"));
        Files.createDirectories(out);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("operator.json").toFile(),
                result);
        System.out.println("operator: " + new ObjectMapper().writeValueAsString(result));
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the operator did not get there within 120 s");
            }
            Thread.sleep(10);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    private static double load() throws java.io.IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
}
