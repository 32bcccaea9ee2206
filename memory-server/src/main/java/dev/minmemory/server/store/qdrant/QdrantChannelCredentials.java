package dev.minmemory.server.store.qdrant;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.TlsChannelCredentials;

/**
 * How the channel to Qdrant is secured: plaintext for {@code http://}, TLS for {@code https://} trusting either the
 * system trust store or only the CA in {@code QDRANT_CA_FILE} (an in-cluster CA such as cert-manager's). The CA file
 * is read and parsed here, so that a wrong one stops the start with a reason instead of failing every call.
 */
final class QdrantChannelCredentials {

    private QdrantChannelCredentials() {
    }

    static ChannelCredentials of(QdrantSettings settings) {
        if (!settings.tls()) {
            return InsecureChannelCredentials.create();
        }
        if (settings.caFile() == null) {
            return TlsChannelCredentials.create();
        }
        return trusting(settings.caFile());
    }

    private static ChannelCredentials trusting(Path file) {
        try {
            byte[] pem = Files.readAllBytes(file);
            if (CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))
                    .isEmpty()) {
                throw new IllegalArgumentException("QDRANT_CA_FILE '" + file + "' holds no certificate");
            }
            return TlsChannelCredentials.newBuilder().trustManager(new ByteArrayInputStream(pem)).build();
        } catch (IOException e) {
            throw new IllegalArgumentException("QDRANT_CA_FILE '" + file + "' cannot be read: " + e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("QDRANT_CA_FILE '" + file + "' is not a PEM certificate: "
                    + e.getMessage());
        }
    }
}
