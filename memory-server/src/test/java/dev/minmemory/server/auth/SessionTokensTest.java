package dev.minmemory.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.minmemory.server.http.HttpConfig;

class SessionTokensTest {

    private static final byte[] KEY = "a-session-key-of-at-least-32-characters".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-12-02T14:00:00Z");
    private static final Duration MAX_AGE = Duration.ofHours(24);

    private final SessionTokens tokens = tokensAt(NOW);

    @Test
    void a_minted_id_verifies_to_its_owner_and_protocol_version() {
        SessionToken session = tokens.verify(tokens.mint("https://issuer/#alice", "2025-06-18")).orElseThrow();

        assertThat(session.owner()).isEqualTo("https://issuer/#alice");
        assertThat(session.protocolVersion()).isEqualTo("2025-06-18");
        assertThat(session.issuedAt()).isEqualTo(NOW);
    }

    @Test
    void two_sessions_of_the_same_owner_get_different_ids() {
        assertThat(tokens.mint("local", "2025-06-18")).isNotEqualTo(tokens.mint("local", "2025-06-18"));
    }

    @Test
    void an_id_is_made_only_of_characters_a_session_id_may_hold() {
        assertThat(tokens.mint("https://issuer/#ä lice", "2025-06-18")).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void another_replica_with_the_same_key_accepts_the_id() {
        String id = tokens.mint("local", "2025-11-25");

        assertThat(tokensAt(NOW.plusSeconds(30)).verify(id)).map(SessionToken::owner).contains("local");
    }

    @Test
    void a_server_with_another_key_refuses_the_id() {
        SessionTokens other = new SessionTokens("another-key-also-at-least-32-characters".getBytes(
                StandardCharsets.UTF_8), MAX_AGE, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(other.verify(tokens.mint("local", "2025-06-18"))).isEmpty();
    }

    @Test
    void an_id_whose_payload_was_changed_to_name_another_owner_is_refused() {
        String id = tokens.mint("https://issuer/#alice", "2025-06-18");
        String payload = new String(Base64.getUrlDecoder().decode(id.substring(0, id.indexOf('.'))),
                StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("#alice", "#bob").getBytes(StandardCharsets.UTF_8)) + id.substring(id.indexOf('.'));

        assertThat(tokens.verify(forged)).isEmpty();
    }

    @Test
    void an_id_with_a_changed_signature_is_refused() {
        String id = tokens.mint("local", "2025-06-18");
        char last = id.charAt(id.length() - 2);
        String tampered = id.substring(0, id.length() - 2) + (last == 'A' ? 'B' : 'A') + id.charAt(id.length() - 1);

        assertThat(tokens.verify(tampered)).isEmpty();
    }

    @Test
    void malformed_ids_are_refused_without_an_exception() {
        for (String id : new String[] { "", ".", "a.b", "no-dot", "a.b.c", "!!!.???",
                "6b1c3f0e-2a4d-4b8e-9c1f-7d5e3a2b1c0d", "x".repeat(5000) + ".y" }) {
            assertThat(tokens.verify(id)).as(id).isEmpty();
        }
    }

    @Test
    void an_id_is_accepted_until_the_maximum_age_and_refused_from_then_on() {
        String id = tokens.mint("local", "2025-06-18");

        assertThat(tokensAt(NOW.plus(MAX_AGE).minusSeconds(1)).verify(id)).isPresent();
        assertThat(tokensAt(NOW.plus(MAX_AGE)).verify(id)).isEmpty();
    }

    @Test
    void an_id_issued_by_a_replica_whose_clock_runs_far_ahead_is_refused() {
        String fromTheFuture = tokensAt(NOW.plus(Duration.ofMinutes(5))).mint("local", "2025-06-18");

        assertThat(tokens.verify(fromTheFuture)).isEmpty();
        assertThat(tokens.verify(tokensAt(NOW.plusSeconds(20)).mint("local", "2025-06-18"))).isPresent();
    }

    @Test
    void a_configured_key_shorter_than_32_characters_refuses_to_start() {
        assertThatThrownBy(() -> new SessionTokens(config(Optional.of("too-short"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MEMORY_HTTP_SESSION_KEY")
                .hasMessageContaining("at least 32 characters");
    }

    @Test
    void without_a_configured_key_each_server_signs_with_a_random_key_of_its_own() {
        SessionTokens one = new SessionTokens(config(Optional.empty()));
        SessionTokens other = new SessionTokens(config(Optional.empty()));
        String id = one.mint("local", "2025-06-18");

        assertThat(one.verify(id)).isPresent();
        assertThat(other.verify(id)).isEmpty();
    }

    private static SessionTokens tokensAt(Instant now) {
        return new SessionTokens(KEY, MAX_AGE, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static HttpConfig config(Optional<String> key) {
        return new HttpConfig() {
            @Override
            public Optional<String> publicUrl() {
                return Optional.empty();
            }

            @Override
            public Optional<java.util.List<String>> allowedHosts() {
                return Optional.empty();
            }

            @Override
            public Optional<String> sessionKey() {
                return key;
            }

            @Override
            public Duration sessionMaxAge() {
                return MAX_AGE;
            }

            @Override
            public Limits limits() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
