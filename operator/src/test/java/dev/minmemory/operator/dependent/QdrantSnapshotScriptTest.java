package dev.minmemory.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The snapshot job's script, run by bash against a stand-in for Qdrant's HTTP API that answers as Qdrant's API
 * reference describes. Not covered: a real Qdrant, and the Qdrant image's bash (the test uses the machine's).
 */
class QdrantSnapshotScriptTest {

    private static final String KEY = "the-api-key";

    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private HttpServer qdrant;
    private int status = 200;

    @BeforeEach
    void startQdrant() throws IOException {
        qdrant = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        qdrant.createContext("/", this::answer);
        qdrant.start();
    }

    @AfterEach
    void stopQdrant() {
        qdrant.stop(0);
    }

    @Test
    void snapshotsEveryCollectionThenDeletesAllButTheNewestRetainedOnes() throws Exception {
        var run = run(2);

        assertThat(run.exitCode).isZero();
        assertThat(requests).containsExactly(
                "GET /collections",
                "POST /collections/memories/snapshots?wait=true",
                "GET /collections/memories/snapshots",
                "DELETE /collections/memories/snapshots/memories-1-2026-11-30-03-00-00.snapshot?wait=true",
                "POST /collections/other/snapshots?wait=true",
                "GET /collections/other/snapshots");
        assertThat(run.output).contains("snapshot of memories taken; deleted: "
                + "memories-1-2026-11-30-03-00-00.snapshot");
    }

    @Test
    void anAnswerOtherThan200FailsTheJobWithWhatQdrantSaid() throws Exception {
        status = 403;

        var run = run(2);

        assertThat(run.exitCode).isNotZero();
        assertThat(run.output).contains("GET http://127.0.0.1:" + port() + "/collections answered: HTTP/1.1 403");
        assertThat(requests).containsExactly("GET /collections");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().toString();
        requests.add(exchange.getRequestMethod() + " " + path);
        boolean keyed = KEY.equals(exchange.getRequestHeaders().getFirst("api-key"));
        String body = switch (path) {
            case "/collections" -> "{\"result\":{\"collections\":[{\"name\":\"memories\"},{\"name\":\"other\"}]},"
                    + "\"status\":\"ok\",\"time\":0.1}";
            case "/collections/memories/snapshots" -> "{\"result\":["
                    + snapshot("memories-1-2026-12-02-03-00-00.snapshot")
                    + "," + snapshot("memories-1-2026-11-30-03-00-00.snapshot")
                    + "," + snapshot("memories-1-2026-12-01-03-00-00.snapshot") + "],\"status\":\"ok\",\"time\":0.1}";
            case "/collections/other/snapshots" -> "{\"result\":[" + snapshot("other-1-2026-12-02-03-00-00.snapshot")
                    + "],\"status\":\"ok\",\"time\":0.1}";
            default -> "{\"result\":true,\"status\":\"ok\",\"time\":0.1}";
        };
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(keyed ? status : 401, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String snapshot(String name) {
        return "{\"name\":\"" + name + "\",\"creation_time\":\"2026-12-02T03:00:00\",\"size\":1024,"
                + "\"checksum\":\"abc\"}";
    }

    private int port() {
        return qdrant.getAddress().getPort();
    }

    private record Run(int exitCode, String output) {
    }

    private Run run(int retain) throws Exception {
        var builder = new ProcessBuilder("bash", "-c", QdrantSnapshotCronJobDependentResource.SCRIPT)
                .redirectErrorStream(true);
        builder.environment().put("QDRANT_API_KEY", KEY);
        builder.environment().put("QDRANT_HOSTS", "127.0.0.1");
        builder.environment().put("QDRANT_PORT", Integer.toString(port()));
        builder.environment().put("RETAIN", Integer.toString(retain));
        var process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
