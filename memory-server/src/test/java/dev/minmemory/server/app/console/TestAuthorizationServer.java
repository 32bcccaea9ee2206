package dev.minmemory.server.app.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.minmemory.server.testing.FreePort;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The smallest authorization server the resource server needs: OIDC discovery and a JWKS on a loopback port, with the
 * e2e suite's TEST-ONLY signing key; {@link #token} signs access tokens with it, as a real server would issue them.
 */
public class TestAuthorizationServer implements QuarkusTestResourceLifecycleManager {

    static final String AUDIENCE = "min-memory-console-test";
    private static final Path KEY = Path.of("src/test/e2e/test-keys/as-signing-key-1.TEST-ONLY.jwk.json");

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        int port = FreePort.find();
        String issuer = "http://127.0.0.1:" + port;
        try {
            String jwks = new JsonWebKeySet(key()).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, "{\"issuer\":\""
                    + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\",\"authorization_endpoint\":\"" + issuer
                    + "/authorize\",\"token_endpoint\":\"" + issuer + "/token\"}"));
            server.createContext("/jwks", exchange -> json(exchange, jwks));
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("memory.auth.issuer", issuer, "memory.auth.audience", AUDIENCE,
                "memory.console.client-id", "console-test-client");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** An access token of this issuer for the subject, granting the scopes (space-separated). */
    static String token(String issuer, String subject, String scopes) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(issuer);
            claims.setSubject(subject);
            claims.setAudience(AUDIENCE);
            claims.setExpirationTimeMinutesInTheFuture(10);
            claims.setIssuedAtToNow();
            claims.setClaim("scope", scopes);
            JsonWebSignature jws = new JsonWebSignature();
            RsaJsonWebKey key = key();
            jws.setPayload(claims.toJson());
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RsaJsonWebKey key() {
        try {
            return (RsaJsonWebKey) JsonWebKey.Factory.newJwk(Files.readString(KEY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
