package dev.minmemory.helm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad values fail at install with Helm's message naming the value and what is wrong with it. */
class ValuesSchemaTest {

    static Stream<Arguments> badValues() {
        return Stream.of(
                arguments(Map.of("watchNamespace[0]", "team-a"),
                        "additional properties 'watchNamespace' not allowed"),
                arguments(Map.of("image.pullPolicy", "Sometimes"),
                        "at '/image/pullPolicy': value must be one of 'Always', 'IfNotPresent', 'Never'"),
                arguments(Map.of("image.repository", "GHCR.io/Min-Memory/operator"),
                        "at '/image/repository': 'GHCR.io/Min-Memory/operator' does not match pattern"),
                arguments(Map.of("image.tag", "0.1.0@sha256"),
                        "at '/image/tag': '0.1.0@sha256' does not match pattern"),
                arguments(Map.of("watchNamespaces[0]", "Team_A"),
                        "at '/watchNamespaces/0': 'Team_A' does not match pattern"),
                arguments(Map.of("logLevel", "verbose"),
                        "at '/logLevel': value must be one of 'TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'"),
                arguments(Map.of("resources.limits.memory", "lots"),
                        "at '/resources/limits/memory': 'lots' does not match pattern"),
                arguments(Map.of("resources.limit.memory", "1Gi"),
                        "at '/resources': additional properties 'limit' not allowed"),
                arguments(Map.of("image.digest", "sha256:abc"),
                        "at '/image/digest': 'sha256:abc' does not match pattern"),
                arguments(Map.of("defaultImages.qdrant.tag", "v1.16.0 "),
                        "at '/defaultImages/qdrant/tag': 'v1.16.0 ' does not match pattern"),
                arguments(Map.of("memoryServers[0].name", "memory"),
                        "at '/memoryServers/0': missing property 'spec'"),
                arguments(Map.of("memoryServers[0].name", "memory-server-of-the-platform-team-for-mcp",
                        "memoryServers[0].spec.auth.audience", "https://memory.example.com/mcp"),
                        "at '/memoryServers/0/name': maxLength: got 42, want 40"),
                arguments(Map.of("memoryServers[0].name", "memory", "memoryServers[0].spec.ingress.enabled", false),
                        "at '/memoryServers/0/spec': missing property 'auth'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badValues")
    void badValuesAreRejectedByTheSchemaWithAMessageNamingTheValue(Map<String, Object> values, String message) {
        assertThatThrownBy(() -> Chart.renderWith(values))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining(message);
    }

    @Test
    void aMemoryServerOutsideTheWatchedNamespacesIsRejectedWithTheFix() {
        assertThatThrownBy(() -> Chart.renderWith(Map.of(
                "watchNamespaces[0]", "team-a",
                "memoryServers[0].name", "memory",
                "memoryServers[0].namespace", "team-b",
                "memoryServers[0].spec.auth.audience", "https://memory.example.com/mcp")))
                .hasMessageContaining("memoryServers: team-b/memory is in a namespace the operator does not watch; "
                        + "add team-b to watchNamespaces");
    }

    @Test
    void notCreatingAServiceAccountRequiresTheNameOfOne() {
        assertThatThrownBy(() -> Chart.renderWith(Map.of("serviceAccount.create", false)))
                .hasMessageContaining("serviceAccount.name is required when serviceAccount.create is false");
    }
}
