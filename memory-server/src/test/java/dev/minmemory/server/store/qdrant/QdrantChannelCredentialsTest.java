package dev.minmemory.server.store.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.minmemory.server.memory.StorageUnavailableException;
import dev.minmemory.server.testing.Layouts;

/**
 * TLS to a Qdrant whose certificate an in-cluster CA signed (the test CA in src/test/resources/qdrant-tls, valid
 * for localhost until 2126), against a fake Qdrant that speaks only TLS.
 */
class QdrantChannelCredentialsTest {

    private static FakeQdrant qdrant;

    @BeforeAll
    static void startQdrantWithTls() {
        qdrant = FakeQdrant.startWithTls(resource("tls.crt"), resource("tls.key"));
    }

    @AfterAll
    static void stopQdrant() {
        qdrant.close();
    }

    @Test
    void aStoreTrustingTheCaFileConnectsOverTlsAndCreatesItsCollection() {
        try (QdrantMemoryStore store = QdrantMemoryStore.connect(
                QdrantSettings.of(qdrant.url(), "tls").withCaFile(resource("ca.crt")), Layouts.NEW_STORE)) {
            assertThat(store.isAvailable()).isTrue();
            assertThat(qdrant.storage().collections.keySet()).contains("tls");
        }
    }

    @Test
    void aStoreTrustingAnotherCaFailsTheHandshakeAndCreatesNothing() {
        assertThatThrownBy(() -> QdrantMemoryStore.connect(
                QdrantSettings.of(qdrant.url(), "untrusted").withCaFile(resource("other-ca.crt")), Layouts.NEW_STORE))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(qdrant.storage().collections.keySet()).doesNotContain("untrusted");
    }

    @Test
    void aMissingCaFileStopsTheStartWithOneLineNamingIt() {
        assertThatThrownBy(() -> QdrantMemoryStore.start(
                QdrantSettings.of(qdrant.url(), "any").withCaFile(Path.of("/nonexistent/ca.crt")), Layouts.NEW_STORE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("QDRANT_CA_FILE '/nonexistent/ca.crt' cannot be read")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aCaFileWithoutACertificateStopsTheStartWithOneLine() {
        assertThatThrownBy(() -> QdrantMemoryStore.start(
                QdrantSettings.of(qdrant.url(), "any").withCaFile(resource("tls.key")), Layouts.NEW_STORE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("QDRANT_CA_FILE '" + resource("tls.key") + "'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aCaFileWithAPlainHttpUrlIsRefused() {
        assertThatThrownBy(() -> QdrantSettings.of("http://qdrant:6334", "any").withCaFile(resource("ca.crt")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("QDRANT_CA_FILE is set but QDRANT_URL 'http://qdrant:6334' is not https://");
    }

    private static Path resource(String name) {
        try {
            return Path.of(QdrantChannelCredentialsTest.class.getResource("/qdrant-tls/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
