package dev.minmemory.server.stdio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Carries MCP's stdio transport (one JSON-RPC message a line) to the local server's Streamable HTTP endpoint and back.
 * Requests run concurrently, so a long tool call does not hold up a ping or a cancellation; notifications and
 * responses to the server's requests are posted in the order they arrive, each before the next line is read, so that
 * {@code notifications/initialized} reaches the server before the requests that follow it. What the server sends on
 * its own (on a request's event stream or on the session's GET stream) goes to stdout as it comes. When the session is
 * lost because the server restarted, the bridge opens a new one by replaying the client's {@code initialize}.
 */
final class StdioBridge {

    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final String PROTOCOL_VERSION_HEADER = "MCP-Protocol-Version";
    static final int INTERNAL_ERROR = -32603;
    static final int PARSE_ERROR = -32700;

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final Supplier<URI> server;
    private final Writer out;
    private final PrintStream log;
    private final ExecutorService requests = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "stdio-request");
        thread.setDaemon(true);
        return thread;
    });

    private volatile URI endpoint;
    private volatile String session;
    private volatile String protocolVersion;
    private volatile JsonNode initialize;

    /**
     * @param server makes sure the local server runs and returns its MCP endpoint; asked again when it stops answering
     * @param out stdout: JSON-RPC messages only
     * @param log stderr
     */
    StdioBridge(HttpClient http, Supplier<URI> server, Writer out, PrintStream log) {
        this.http = http;
        this.server = server;
        this.out = out;
        this.log = log;
    }

    /** Bridges until stdin ends, then waits briefly for answers still under way and closes the session. */
    void run(BufferedReader in) throws IOException, InterruptedException {
        endpoint = server.get();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isBlank()) {
                accept(line);
            }
        }
        requests.shutdown();
        requests.awaitTermination(CLOSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        closeSession();
    }

    void accept(String line) {
        JsonNode message;
        try {
            message = json.readTree(line);
        } catch (JsonProcessingException e) {
            emit(error(NullNode.getInstance(), PARSE_ERROR, "Not JSON: " + e.getOriginalMessage()));
            return;
        }
        if (!requestIds(message).isEmpty() && !isInitialize(message)) {
            requests.execute(() -> forward(message));
        } else {
            forward(message);
        }
    }

    /** Ends the MCP session on the server, so that it does not count against the user's sessions until it expires. */
    synchronized void closeSession() {
        String closing = session;
        session = null;
        if (closing != null) {
            try {
                http.send(HttpRequest.newBuilder(endpoint).DELETE().header(SESSION_HEADER, closing)
                        .timeout(CLOSE_TIMEOUT).build(), BodyHandlers.discarding());
            } catch (IOException | InterruptedException e) {
                // The server is gone or slow; the session expires on its own.
            }
        }
    }

    private void forward(JsonNode message) {
        try {
            exchange(message, true);
            if ("notifications/initialized".equals(message.path("method").asText())) {
                listen();
            }
        } catch (IOException | RuntimeException e) {
            fail(message, "The memory server did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(message, "Interrupted while waiting for the memory server.");
        }
    }

    private void exchange(JsonNode message, boolean mayRecover) throws IOException, InterruptedException {
        String sessionUsed = session;
        HttpResponse<Stream<String>> response;
        try {
            response = http.send(post(message, sessionUsed), BodyHandlers.ofLines());
        } catch (ConnectException e) {
            if (!mayRecover) {
                throw e;
            }
            recover(sessionUsed);
            exchange(message, false);
            return;
        }
        if (response.statusCode() == 404 && sessionUsed != null && mayRecover) {
            response.body().close();
            recover(sessionUsed);
            exchange(message, false);
            return;
        }
        if (isInitialize(message)) {
            initialize = message;
            session = response.headers().firstValue(SESSION_HEADER).orElse(null);
            deliver(message, response, this::emitInitializeResult);
        } else {
            deliver(message, response, this::emit);
        }
    }

    /** Hands on what the server answered: nothing (202), one JSON message, or the messages of an event stream. */
    private void deliver(JsonNode message, HttpResponse<Stream<String>> response, Consumer<JsonNode> sink) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        try (Stream<String> body = response.body()) {
            int status = response.statusCode();
            if (status == 200 && type.startsWith("text/event-stream")) {
                SseEvents events = new SseEvents(data -> parse(data).ifPresent(sink));
                body.forEach(events::line);
                return;
            }
            String text = body.collect(Collectors.joining("\n"));
            if (status / 100 == 2) {
                if (!text.isBlank()) {
                    parse(text).ifPresent(sink);
                }
                return;
            }
            JsonNode refusal = parse(text).filter(answer -> answer.has("error")).orElse(null);
            List<JsonNode> ids = requestIds(message);
            if (refusal != null && ids.size() == 1) {
                ((ObjectNode) refusal).set("id", ids.get(0));
                sink.accept(refusal);
            } else {
                fail(message, "The memory server answered HTTP " + status + ": " + text.strip());
            }
        }
    }

    private void emitInitializeResult(JsonNode answer) {
        JsonNode version = answer.path("result").path("protocolVersion");
        if (version.isTextual()) {
            protocolVersion = version.asText();
        }
        emit(answer);
    }

    /** Opens the session's GET stream, on which the server sends what belongs to no request; optional for a server. */
    private void listen() {
        String listening = session;
        if (listening == null) {
            return;
        }
        Thread thread = new Thread(() -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).GET().header("Accept", "text/event-stream")
                    .header(SESSION_HEADER, listening);
            if (protocolVersion != null) {
                request.header(PROTOCOL_VERSION_HEADER, protocolVersion);
            }
            try {
                HttpResponse<Stream<String>> response = http.send(request.build(), BodyHandlers.ofLines());
                try (Stream<String> body = response.body()) {
                    if (response.statusCode() == 200) {
                        SseEvents events = new SseEvents(data -> parse(data).ifPresent(this::emit));
                        body.forEach(events::line);
                    }
                }
            } catch (IOException | UncheckedIOException | InterruptedException e) {
                // The stream ends with the session or the server; requests still carry what belongs to them.
            }
        }, "stdio-listen");
        thread.setDaemon(true);
        thread.start();
    }

    /** Makes sure a server runs and opens a new session on it for the client's initialization. */
    private synchronized void recover(String lostSession) throws IOException, InterruptedException {
        if (!Objects.equals(session, lostSession)) {
            return;
        }
        endpoint = server.get();
        session = null;
        JsonNode initialization = initialize;
        if (initialization == null) {
            return;
        }
        HttpResponse<Void> response = http.send(post(initialization, null), BodyHandlers.discarding());
        session = response.headers().firstValue(SESSION_HEADER).orElse(null);
        ObjectNode initialized = json.createObjectNode().put("jsonrpc", "2.0").put("method",
                "notifications/initialized");
        http.send(post(initialized, session), BodyHandlers.discarding());
        log.println("min-memory stdio: the memory server restarted; continuing in a new session.");
        listen();
    }

    private HttpRequest post(JsonNode message, String sessionId) throws JsonProcessingException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(message)))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream");
        if (sessionId != null) {
            request.header(SESSION_HEADER, sessionId);
        }
        if (protocolVersion != null && !isInitialize(message)) {
            request.header(PROTOCOL_VERSION_HEADER, protocolVersion);
        }
        return request.build();
    }

    /** A request gets a JSON-RPC error it can match; a notification or a response has no one to tell but stderr. */
    private void fail(JsonNode message, String reason) {
        List<JsonNode> ids = requestIds(message);
        if (ids.isEmpty()) {
            log.println("min-memory stdio: " + reason);
        }
        ids.forEach(id -> emit(error(id, INTERNAL_ERROR, reason)));
    }

    private ObjectNode error(JsonNode id, int code, String reason) {
        ObjectNode error = json.createObjectNode().put("jsonrpc", "2.0");
        error.set("id", id);
        error.putObject("error").put("code", code).put("message", reason);
        return error;
    }

    private Optional<JsonNode> parse(String data) {
        try {
            return Optional.of(json.readTree(data));
        } catch (JsonProcessingException e) {
            log.println(
                    "min-memory stdio: the memory server sent something that is not JSON: " + e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private void emit(JsonNode message) {
        try {
            String line = json.writeValueAsString(message);
            synchronized (out) {
                out.write(line);
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            // stdout is closed: the client has gone, and nobody is left to tell.
        }
    }

    /** The ids of the requests in a message (one, or several in a batch): what expects an answer. */
    static List<JsonNode> requestIds(JsonNode message) {
        List<JsonNode> ids = new ArrayList<>();
        Iterable<JsonNode> messages = message.isArray() ? message : List.of(message);
        for (JsonNode one : messages) {
            if (one.has("method") && one.hasNonNull("id")) {
                ids.add(one.get("id"));
            }
        }
        return ids;
    }

    private static boolean isInitialize(JsonNode message) {
        return "initialize".equals(message.path("method").asText());
    }
}
