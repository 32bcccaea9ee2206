package dev.minmemory.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.TestConfig;
import io.javaoperatorsdk.operator.processing.dependent.Updater;

class QdrantApiKeySecretDependentResourceTest {

    private final QdrantApiKeySecretDependentResource dependent = new QdrantApiKeySecretDependentResource();

    @Test
    void eachNewSecretHoldsA256BitRandomKey() {
        var ms = MemoryServers.auth0("team-a", "memory");

        String first = key(dependent.desired(ms, TestConfig.inputs()).getData().get("api-key"));
        String second = key(dependent.desired(ms, TestConfig.inputs()).getData().get("api-key"));

        assertThat(Base64.getUrlDecoder().decode(first)).hasSize(32);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void theKeyIsNeverRegeneratedBecauseTheSecretIsNeverUpdated() {
        assertThat(dependent).isNotInstanceOf(Updater.class);
    }

    private static String key(String data) {
        return new String(Base64.getDecoder().decode(data));
    }
}
