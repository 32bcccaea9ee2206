package dev.minmemory.operator.dependent;

import java.util.Map;
import java.util.TreeMap;

import dev.minmemory.operator.crd.AuthSpec;
import dev.minmemory.operator.crd.MemoryServer;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The memory server's auth configuration, as environment variables (the keys are variable names). Auth0 tenants
 * use the AUTH0_* pair, any other OIDC provider the MEMORY_OIDC_* pair.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class AuthSecretDependentResource extends UpdatableOwnedResource<Secret> {

    public AuthSecretDependentResource() {
        super(Secret.class);
    }

    @Override
    public Secret desired(MemoryServer primary, Inputs inputs) {
        var data = new TreeMap<String, String>();
        environment(primary).forEach((key, value) -> data.put(key, Encoding.base64(value)));
        return new SecretBuilder()
                .withMetadata(Metadata.of(primary, Names.authSecret(primary), Labels.COMPONENT_SERVER))
                .withType("Opaque")
                .withData(data)
                .build();
    }

    /** The plain values, sorted by name; also the input of the server's configuration hash. */
    static Map<String, String> environment(MemoryServer primary) {
        AuthSpec auth = primary.getSpec().getAuth();
        var env = new TreeMap<String, String>();
        if (auth.getAuth0Domain() != null) {
            env.put("AUTH0_DOMAIN", auth.getAuth0Domain());
            env.put("AUTH0_API_AUDIENCE", auth.getAudience());
        } else {
            env.put("MEMORY_OIDC_ISSUER", auth.getIssuer());
            env.put("MEMORY_OIDC_AUDIENCE", auth.getAudience());
        }
        env.put("MEMORY_PUBLIC_URL", Endpoints.publicUrl(primary));
        env.put("MEMORY_AUTH_ENFORCE_SCOPES", Boolean.toString(auth.isEnforceScopes()));
        return env;
    }
}
