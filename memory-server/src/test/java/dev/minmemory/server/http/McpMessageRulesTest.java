package dev.minmemory.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

class McpMessageRulesTest {

    private final McpMessageRules rules = new McpMessageRules(new Limits());

    @Test
    void a_method_that_reads_params_needs_each_member_it_reads_with_its_type() {
        for (String[] refused : new String[][] {
                { "prompts/get", "{}", "params.name" },
                { "prompts/get", "{\"name\":\"p\",\"arguments\":[1]}", "params.arguments" },
                { "resources/read", "{\"uri\":5}", "params.uri" },
                { "resources/subscribe", "{}", "params.uri" },
                { "resources/unsubscribe", "{}", "params.uri" },
                { "logging/setLevel", "{\"level\":null}", "params.level" },
                { "completion/complete", "{\"ref\":{}}", "params.argument" },
                { "completion/complete", "{\"argument\":{}}", "params.ref" },
                { "tools/list", "{\"cursor\":3}", "params.cursor" },
                { "initialize", "{\"protocolVersion\":\"2025-11-25\",\"clientInfo\":{\"name\":\"c\",\"version\":1}}",
                        "params.clientInfo.version" },
                { "initialize", "{\"protocolVersion\":\"2025-11-25\",\"clientInfo\":{\"name\":\"c\",\"version\":\"1\","
                        + "\"title\":[]}}", "params.clientInfo.title" },
                { "initialize", "{\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}", "params.protocolVersion" },
                { "initialize", "{\"protocolVersion\":\"2025-11-25\",\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"},"
                        + "\"capabilities\":[]}", "params.capabilities" } }) {
            assertThatThrownBy(() -> rules.check(request(refused[0], refused[1])))
                    .as("%s %s", refused[0], refused[1])
                    .isInstanceOfSatisfying(JsonRpcRefusal.class, refusal -> assertThat(refusal.getMessage())
                            .startsWith("Invalid params for " + refused[0]).contains(refused[2]));
        }
    }

    @Test
    void well_formed_requests_pass_unchanged() {
        for (String[] passed : new String[][] {
                { "prompts/get", "{\"name\":\"p\"}" },
                { "resources/read", "{\"uri\":\"file:///x\"}" },
                { "logging/setLevel", "{\"level\":\"info\"}" },
                { "tools/list", "{\"cursor\":\"abc\"}" },
                { "tools/list", "{}" },
                { "ping", "{}" } }) {
            JsonObject message = request(passed[0], passed[1]);
            JsonObject copy = message.copy();
            assertThat(rules.check(message)).contains(copy);
        }
        assertThat(rules.check(new JsonObject("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))).isPresent();
    }

    @Test
    void null_tool_arguments_are_left_out_and_missing_arguments_are_none() {
        JsonObject call = request("tools/call", "{\"name\":\"t\",\"arguments\":{\"a\":null,\"b\":1,\"c\":[null]}}");
        assertThat(rules.check(call).orElseThrow().getJsonObject("params").getJsonObject("arguments"))
                .isEqualTo(new JsonObject("{\"b\":1,\"c\":[null]}"));
        JsonObject bare = request("tools/call", "{\"name\":\"t\"}");
        assertThat(rules.check(bare).orElseThrow().getJsonObject("params").getJsonObject("arguments")).isEmpty();
    }

    @Test
    void null_params_are_no_params() {
        JsonObject ping = new JsonObject("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":null}");
        assertThat(rules.check(ping).orElseThrow().containsKey("params")).isFalse();
    }

    @Test
    void initialize_keeps_no_client_icons() {
        JsonObject initialize = request("initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"c\",\"version\":\"1\",\"icons\":[{\"src\":5,\"theme\":\"neon\"}]}}");
        assertThat(rules.check(initialize).orElseThrow().getJsonObject("params").getJsonObject("clientInfo"))
                .isEqualTo(new JsonObject("{\"name\":\"c\",\"version\":\"1\"}"));
    }

    @Test
    void requests_without_an_id_are_dropped_but_notifications_and_responses_pass() {
        assertThat(rules.check(new JsonObject("{\"jsonrpc\":\"2.0\",\"method\":\"tools/call\",\"params\":{}}")))
                .isEmpty();
        assertThat(rules.check(new JsonObject("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")))
                .isPresent();
        assertThat(rules.check(new JsonObject("{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{}}"))).isPresent();
    }

    @Test
    void an_id_that_is_not_a_string_or_number_is_refused_without_echoing_it() {
        for (String id : List.of("{}", "[1]", "true", "null")) {
            assertThatThrownBy(() -> rules.check(new JsonObject("{\"jsonrpc\":\"2.0\",\"id\":" + id
                    + ",\"method\":\"ping\"}")))
                    .isInstanceOfSatisfying(JsonRpcRefusal.class,
                            refusal -> assertThat(refusal.getMessage()).contains("id must be"));
        }
    }

    private static JsonObject request(String method, String params) {
        return new JsonObject().put("jsonrpc", "2.0").put("id", 1).put("method", method)
                .put("params", new JsonObject(params));
    }

    private static final class Limits implements HttpConfig {

        @Override
        public Optional<String> publicUrl() {
            return Optional.empty();
        }

        @Override
        public Optional<List<String>> allowedHosts() {
            return Optional.empty();
        }

        @Override
        public Optional<String> sessionKey() {
            return Optional.empty();
        }

        @Override
        public Duration sessionMaxAge() {
            return Duration.ofHours(24);
        }

        @Override
        public HttpConfig.Limits limits() {
            return new HttpConfig.Limits() {
                @Override
                public Duration bodyTimeout() {
                    return Duration.ofSeconds(10);
                }

                @Override
                public int maxBatchSize() {
                    return 10;
                }

                @Override
                public int maxInFlightPerUser() {
                    return 16;
                }

                @Override
                public int maxSessionsPerUser() {
                    return 32;
                }

                @Override
                public int maxClientNameLength() {
                    return 256;
                }

                @Override
                public int maxClientInfoBytes() {
                    return 4096;
                }
            };
        }
    }
}
