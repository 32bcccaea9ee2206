package dev.minmemory.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.security.AuthenticationFailedException;

class TokenRefusalTest {

    @Test
    void the_reason_names_each_failure_in_the_chain_even_when_the_outer_one_has_no_message() {
        Throwable failure = new AuthenticationFailedException(null, new IllegalStateException("JWT rejected: expired"),
                Map.of());
        assertThat(failure.getMessage()).as("what used to be logged").isNull();
        assertThat(TokenRefusal.reason(failure))
                .doesNotContain("null")
                .contains("AuthenticationFailedException")
                .endsWith("IllegalStateException: JWT rejected: expired");
    }

    @Test
    void long_messages_are_cut() {
        assertThat(TokenRefusal.reason(new IllegalStateException("x".repeat(5000)))).hasSizeLessThan(300);
    }
}
