package dev.minmemory.server.auth;

import java.util.Optional;
import java.util.function.Consumer;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * The bearer token check of every protected route ({@code /mcp}, {@code /console/api}): a token from the Authorization
 * header (never the query string), validated by the OIDC tenant (signature from the issuer's JWKS, issuer, audience,
 * expiry) and naming a subject, else 401 with the metadata challenge; a signature that fails with a known key id first
 * fetches the JWKS again ({@link SigningKeyRefresh}). The token itself is never logged.
 */
@Singleton
public class BearerAuthentication {

    private static final Logger LOG = Logger.getLogger(BearerAuthentication.class);
    private static final String BEARER = "bearer ";

    /** How a route answers a refused request: its status, and the {@code WWW-Authenticate} value if any. */
    @FunctionalInterface
    public interface Refusal {
        void send(RoutingContext context, int status, String wwwAuthenticate);
    }

    private final TenantIdentityProvider tokens;
    private final BearerChallenge challenge;
    private final SigningKeyRefresh keys;

    public BearerAuthentication(TenantIdentityProvider tokens, BearerChallenge challenge, SigningKeyRefresh keys) {
        this.tokens = tokens;
        this.challenge = challenge;
        this.keys = keys;
    }

    /** Calls {@code admitted} on the request's context with the token's identity, or refuses the request with 401. */
    void authenticate(RoutingContext context, Refusal refusal, Consumer<SecurityIdentity> admitted) {
        Optional<String> token = bearerToken(context);
        if (token.isEmpty()) {
            refusal.send(context, 401, challenge.missingToken());
            return;
        }
        authenticate(context, token.get(), true, refusal, admitted);
    }

    private void authenticate(RoutingContext context, String token, boolean mayRefetchKeys, Refusal refusal,
            Consumer<SecurityIdentity> admitted) {
        tokens.authenticate(new AccessTokenCredential(token)).subscribe().with(
                identity -> context.vertx().runOnContext(ignored -> admitWithSubject(context, identity, refusal,
                        admitted)),
                failure -> context.vertx().runOnContext(ignored -> {
                    if (mayRefetchKeys && SigningKeyRefresh.signatureMismatch(failure)) {
                        keys.refetchAndVerify(token).subscribe().with(
                                verified -> context.vertx().runOnContext(
                                        again -> authenticate(context, token, false, refusal, admitted)),
                                stillRefused -> context.vertx().runOnContext(
                                        again -> refuse(context, stillRefused, refusal)));
                        return;
                    }
                    refuse(context, failure, refusal);
                }));
    }

    private void refuse(RoutingContext context, Throwable failure, Refusal refusal) {
        LOG.debugf("Refused a bearer token: %s", TokenRefusal.reason(failure));
        refusal.send(context, 401, challenge.invalidToken());
    }

    private void admitWithSubject(RoutingContext context, SecurityIdentity identity, Refusal refusal,
            Consumer<SecurityIdentity> admitted) {
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        if (token.getSubject() == null || token.getSubject().isBlank()) {
            LOG.debug("Refused a bearer token: its subject is empty");
            refusal.send(context, 401, challenge.invalidToken());
            return;
        }
        admitted.accept(identity);
    }

    private static Optional<String> bearerToken(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).trim());
    }
}
