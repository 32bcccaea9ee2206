package dev.minmemory.server.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The bridge against a scripted Streamable HTTP endpoint (the JDK's HTTP server), one stdin line per message. */
class StdioBridgeTest {

    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18"}}""";
    private static final String INITIALIZED = """
            {"jsonrpc":"2.0","method":"notifications/initialized"}""";

    private final ObjectMapper json = new ObjectMapper();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger serverLookups = new AtomicInteger();
    private final StringWriter stdout = new StringWriter();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private volatile String liveSession;
    private HttpServer server;

    record Seen(String method, String session, String protocolVersion, String body) {
    }

    @BeforeEach
    void startEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/mcp", this::answer);
        server.start();
    }

    @AfterEach
    void stopEndpoint() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String session = exchange.getRequestHeaders().getFirst(StdioBridge.SESSION_HEADER);
        seen.add(new Seen(exchange.getRequestMethod(), session,
                exchange.getRequestHeaders().getFirst(StdioBridge.PROTOCOL_VERSION_HEADER), body));
        if (!exchange.getRequestMethod().equals("POST")) {
            respond(exchange, exchange.getRequestMethod().equals("DELETE") ? 200 : 405, "text/plain", "");
            return;
        }
        JsonNode message = json.readTree(body);
        String method = message.path("method").asText();
        if (method.equals("initialize")) {
            liveSession = "session-" + sessions.incrementAndGet();
            exchange.getResponseHeaders().add(StdioBridge.SESSION_HEADER, liveSession);
            respond(exchange, 200, "application/json", """
                    {"jsonrpc":"2.0","id":%s,"result":{"protocolVersion":"2025-06-18"}}"""
                    .formatted(message.get("id")));
        } else if (session != null && !session.equals(liveSession)) {
            respond(exchange, 404, "application/json", """
                    {"jsonrpc":"2.0","id":null,"error":{"code":-32001,"message":"Session not found"}}""");
        } else if (method.equals("test/restart")) {
            liveSession = null;
            respond(exchange, 202, "text/plain", "");
        } else if (!message.has("id") || !message.has("method")) {
            respond(exchange, 202, "text/plain", "");
        } else if (method.equals("tools/call")) {
            respond(exchange, 200, "text/event-stream", """
                    event: message
                    data: {"jsonrpc":"2.0","method":"notifications/progress","params":{"progress":1}}

                    data: {"jsonrpc":"2.0","id":"s1","method":"roots/list"}

                    : keep-alive

                    data: {"jsonrpc":"2.0","id":%s,"result":{"content":[]}}

                    """.formatted(message.get("id")));
        } else if (method.equals("broken")) {
            respond(exchange, 500, "text/plain", "kaput");
        } else {
            respond(exchange, 200, "application/json", """
                    {"jsonrpc":"2.0","id":%s,"result":{}}""".formatted(message.get("id")));
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private List<JsonNode> bridge(String... lines) throws Exception {
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mcp");
        StdioBridge bridge = new StdioBridge(HttpClient.newHttpClient(), () -> {
            serverLookups.incrementAndGet();
            return endpoint;
        }, stdout, new PrintStream(stderr, true, StandardCharsets.UTF_8));
        bridge.run(new BufferedReader(new StringReader(String.join("\n", lines) + "\n")));
        return stdout.toString().lines().map(this::parse).toList();
    }

    private JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not one JSON message a line: " + line, e);
        }
    }

    private static JsonNode withId(List<JsonNode> messages, int id) {
        return messages.stream().filter(message -> message.path("id").asInt(-1) == id).findFirst().orElseThrow();
    }

    private List<Seen> posts() {
        return seen.stream().filter(request -> request.method().equals("POST")).toList();
    }

    @Test
    void theSessionAndProtocolVersionOfInitializeTravelWithEveryLaterRequest() throws Exception {
        List<JsonNode> out = bridge(INITIALIZE, INITIALIZED, """
                {"jsonrpc":"2.0","id":2,"method":"ping"}""");

        assertThat(withId(out, 1).at("/result/protocolVersion").asText()).isEqualTo("2025-06-18");
        assertThat(withId(out, 2).get("result").isObject()).isTrue();
        assertThat(out).hasSize(2);
        List<Seen> posts = posts();
        assertThat(posts.get(0).session()).isNull();
        assertThat(posts.subList(1, posts.size())).allSatisfy(request -> {
            assertThat(request.session()).isEqualTo("session-1");
            assertThat(request.protocolVersion()).isEqualTo("2025-06-18");
        });
    }

    @Test
    void everyMessageOfAnEventStreamReachesStdoutAsOneLineEach() throws Exception {
        List<JsonNode> out = bridge(INITIALIZE, INITIALIZED, """
                {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"x"}}""");

        assertThat(out).extracting(message -> message.path("method").asText(""))
                .containsExactly("", "notifications/progress", "roots/list", "");
        assertThat(withId(out, 2).has("result")).isTrue();
    }

    @Test
    void notificationsAndResponsesToTheServerAreForwardedWithoutAnAnswer() throws Exception {
        List<JsonNode> out = bridge(INITIALIZE, INITIALIZED, """
                {"jsonrpc":"2.0","id":"s1","result":{"roots":[]}}""");

        assertThat(out).hasSize(1);
        assertThat(posts()).extracting(Seen::body).anyMatch(body -> body.contains("\"roots\":[]"));
    }

    @Test
    void aRequestTheServerFailsGetsAJsonRpcErrorWithItsId() throws Exception {
        List<JsonNode> out = bridge(INITIALIZE, INITIALIZED, """
                {"jsonrpc":"2.0","id":7,"method":"broken"}""");

        JsonNode error = withId(out, 7).get("error");
        assertThat(error.get("code").asInt()).isEqualTo(StdioBridge.INTERNAL_ERROR);
        assertThat(error.get("message").asText()).contains("HTTP 500", "kaput");
    }

    @Test
    void aLineThatIsNotJsonGetsAParseErrorAndTheBridgeCarriesOn() throws Exception {
        List<JsonNode> out = bridge("not json", INITIALIZE);

        assertThat(out.get(0).get("id").isNull()).isTrue();
        assertThat(out.get(0).at("/error/code").asInt()).isEqualTo(StdioBridge.PARSE_ERROR);
        assertThat(withId(out, 1).has("result")).isTrue();
    }

    @Test
    void aLostSessionIsReplacedByReplayingInitializeAndTheRequestIsRetried() throws Exception {
        List<JsonNode> out = bridge(INITIALIZE, INITIALIZED, """
                {"jsonrpc":"2.0","method":"test/restart"}""", """
                {"jsonrpc":"2.0","id":3,"method":"ping"}""");

        assertThat(out).extracting(message -> message.get("id").asInt()).containsExactly(1, 3);
        assertThat(withId(out, 3).has("result")).isTrue();
        assertThat(posts()).filteredOn(request -> request.body().contains("\"initialize\"")).hasSize(2);
        assertThat(posts().get(posts().size() - 1).session()).isEqualTo("session-2");
        assertThat(serverLookups).hasValue(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("continuing in a new session");
    }

    @Test
    void theSessionIsClosedWhenStdinEnds() throws Exception {
        bridge(INITIALIZE, INITIALIZED);

        assertThat(seen).anySatisfy(request -> {
            assertThat(request.method()).isEqualTo("DELETE");
            assertThat(request.session()).isEqualTo("session-1");
        });
    }

    @Test
    void theBridgeAsksForTheServerOnceWhileItAnswers() throws Exception {
        bridge(INITIALIZE, INITIALIZED, """
                {"jsonrpc":"2.0","id":2,"method":"ping"}""");

        assertThat(serverLookups).hasValue(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
