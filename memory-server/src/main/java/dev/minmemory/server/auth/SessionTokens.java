package dev.minmemory.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.minmemory.server.http.HttpConfig;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * Session ids that any replica can verify: {@code base64url(payload) "." base64url(HMAC-SHA256(payload))}, the payload
 * naming the owner, the negotiated protocol version, the time of issue and a random nonce. Replicas that share
 * {@code memory.http.session-key} accept each other's ids; without it the key is random per process, so ids are
 * good only on the replica that issued them. An id is refused once older than {@code memory.http.session-max-age}.
 */
@Singleton
public class SessionTokens {

    static final int MIN_KEY_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final int FORMAT = 1;
    /** Longer than any id this server issues: a longer one is refused before any work is spent on it. */
    private static final int MAX_LENGTH = 4096;
    /** How far ahead of this replica's clock another replica's clock may run. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration maxAge;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public SessionTokens(HttpConfig config) {
        this(config.sessionKey().map(SessionTokens::configuredKey).orElseGet(SessionTokens::randomKey),
                config.sessionMaxAge(), Clock.systemUTC());
    }

    SessionTokens(byte[] key, Duration maxAge, Clock clock) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** A new session id for this owner and protocol version. */
    public String mint(String owner, String protocolVersion) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        byte[] payload = new JsonObject().put("v", FORMAT).put("o", owner).put("p", protocolVersion)
                .put("t", clock.instant().getEpochSecond()).put("n", ENCODER.encodeToString(nonce)).toBuffer()
                .getBytes();
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    /** What the id says, if this deployment issued it, nobody altered it and it has not expired. */
    public Optional<SessionToken> verify(String id) {
        int dot = id.indexOf('.');
        if (id.length() > MAX_LENGTH || dot < 0 || id.indexOf('.', dot + 1) >= 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(id.substring(0, dot));
            if (!MessageDigest.isEqual(sign(payload), DECODER.decode(id.substring(dot + 1)))) {
                return Optional.empty();
            }
            return read(new JsonObject(new String(payload, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** The payload is one this deployment signed, so only its age is in question. */
    private Optional<SessionToken> read(JsonObject payload) {
        if (payload.getInteger("v", 0) != FORMAT) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant issuedAt = Instant.ofEpochSecond(payload.getLong("t"));
        if (issuedAt.isAfter(now.plus(CLOCK_SKEW)) || !issuedAt.plus(maxAge).isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(new SessionToken(payload.getString("o"), payload.getString("p"), issuedAt,
                payload.getString("n")));
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] configuredKey(String key) {
        if (key.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("MEMORY_HTTP_SESSION_KEY (memory.http.session-key) must be at least "
                    + MIN_KEY_LENGTH + " characters long, e.g. the output of `openssl rand -base64 32`; it has "
                    + key.length() + ".");
        }
        return key.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
