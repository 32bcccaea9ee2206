package dev.minmemory.server.auth;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.jose4j.jwt.consumer.InvalidJwtSignatureException;

import io.quarkus.oidc.runtime.TenantConfigBean;
import io.smallrye.mutiny.Uni;

/**
 * The OIDC tenant fetches the issuer's JWKS again only for a key id it does not know. An issuer that replaces the key
 * behind a key id it already published (same {@code kid}, new key) would see its valid tokens refused until a
 * restart; so a signature that fails with a known key id fetches the JWKS again too, within the same limit
 * ({@code memory.auth.key-refresh-interval}, shared with unknown key ids), so forged tokens cannot make the server
 * hammer the issuer.
 */
@Singleton
public class SigningKeyRefresh {

    private final Instance<TenantConfigBean> tenants;

    public SigningKeyRefresh(Instance<TenantConfigBean> tenants) {
        this.tenants = tenants;
    }

    /** Whether the token was refused because its signature does not verify with the key its key id names. */
    static boolean signatureMismatch(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtSignatureException) {
                return true;
            }
        }
        return false;
    }

    /** Fetches the JWKS again (unless it was fetched within the refresh interval) and verifies the token with it. */
    Uni<Void> refetchAndVerify(String token) {
        return tenants.get().getDefaultTenant().provider().refreshJwksAndVerifyJwtToken(token, true, true, null)
                .replaceWithVoid();
    }
}
