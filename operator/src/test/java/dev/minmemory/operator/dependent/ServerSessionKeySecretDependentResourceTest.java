package dev.minmemory.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import dev.minmemory.operator.MemoryServers;
import dev.minmemory.operator.TestConfig;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.processing.dependent.Updater;

class ServerSessionKeySecretDependentResourceTest {

    private final ServerSessionKeySecretDependentResource dependent = new ServerSessionKeySecretDependentResource();

    @Test
    void eachNewSecretHoldsThirtyTwoRandomBytesInBase64WhichIsLongEnoughForTheServer() {
        var ms = MemoryServers.auth0("team-a", "memory");

        String first = key(dependent.desired(ms, TestConfig.inputs()));
        String second = key(dependent.desired(ms, TestConfig.inputs()));

        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(first).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(second);
    }

    @Test
    void theSecretIsNamedAfterTheInstanceOwnedByTheOperatorAndHoldsOnlyTheKey() {
        var secret = dependent.desired(MemoryServers.auth0("team-a", "memory"), TestConfig.inputs());

        assertThat(secret.getMetadata().getName()).isEqualTo("memory-session-key");
        assertThat(secret.getMetadata().getNamespace()).isEqualTo("team-a");
        assertThat(secret.getMetadata().getLabels()).containsEntry(Labels.MANAGED_BY, Labels.OPERATOR)
                .containsEntry("app.kubernetes.io/component", "server");
        assertThat(secret.getType()).isEqualTo("Opaque");
        assertThat(secret.getData()).containsOnlyKeys(ServerSessionKeySecretDependentResource.KEY);
    }

    @Test
    void theKeyStaysTheSameAcrossReconciliationsBecauseTheSecretIsNeverUpdated() {
        assertThat(dependent).isNotInstanceOf(Updater.class);
    }

    private static String key(Secret secret) {
        return new String(Base64.getDecoder().decode(secret.getData().get(ServerSessionKeySecretDependentResource.KEY)),
                StandardCharsets.UTF_8);
    }
}
