package dev.minmemory.operator.dependent;

import java.security.SecureRandom;
import java.util.Base64;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The key every server replica signs and verifies MCP session ids with, so that any replica serves any session.
 * Created once and never updated: a new key ends every open session. Deleting the Secret is the only way to rotate
 * it; a new key is generated and the server rolls onto it.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class ServerSessionKeySecretDependentResource extends OwnedResource<Secret> {

    public static final String KEY = "session-key";

    private static final SecureRandom RANDOM = new SecureRandom();

    public ServerSessionKeySecretDependentResource() {
        super(Secret.class);
    }

    @Override
    public Secret desired(MemoryServer primary, Inputs inputs) {
        return new SecretBuilder()
                .withMetadata(Metadata.of(primary, Names.sessionKeySecret(primary), Labels.COMPONENT_SERVER))
                .withType("Opaque")
                .addToData(KEY, Encoding.base64(newKey()))
                .build();
    }

    /** 32 random bytes, base64: 44 characters, above the server's minimum of 32. */
    private static String newKey() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
