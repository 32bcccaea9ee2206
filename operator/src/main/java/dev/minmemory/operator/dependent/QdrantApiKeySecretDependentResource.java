package dev.minmemory.operator.dependent;

import java.security.SecureRandom;
import java.util.Base64;

import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The API key shared by Qdrant and the memory server. Created once and never updated, so the key is stable
 * for the life of the instance; if the Secret is deleted a new key is generated and both workloads roll.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class QdrantApiKeySecretDependentResource extends OwnedResource<Secret> {

    public static final String KEY = "api-key";

    private static final SecureRandom RANDOM = new SecureRandom();

    public QdrantApiKeySecretDependentResource() {
        super(Secret.class);
    }

    @Override
    public Secret desired(MemoryServer primary, Inputs inputs) {
        return new SecretBuilder()
                .withMetadata(Metadata.of(primary, Names.qdrantApiKeySecret(primary), Labels.COMPONENT_QDRANT))
                .withType("Opaque")
                .addToData(KEY, Encoding.base64(newApiKey()))
                .build();
    }

    private static String newApiKey() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
