package dev.minmemory.server.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class CreatedTimeTest {

    @Test
    void anInstantIsReadWithItsOffset() {
        assertThat(CreatedTime.parse("created_after", "2026-11-25T14:30:00Z"))
                .isEqualTo(Instant.parse("2026-11-25T14:30:00Z"));
        assertThat(CreatedTime.parse("created_after", "2026-11-25T15:30:00+01:00"))
                .isEqualTo(Instant.parse("2026-11-25T14:30:00Z"));
    }

    @Test
    void aDateMeansMidnightUtc() {
        assertThat(CreatedTime.parse("created_before", "2026-11-25")).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
    }

    @Test
    void noValueIsNoBound() {
        assertThat(CreatedTime.parse("created_after", null)).isNull();
    }

    @Test
    void aMalformedValueIsARequestErrorNamingTheArgumentAndTheAcceptedForms() {
        for (String malformed : new String[] { "last week", "2026-13-01", "2026-11-25T14:30:00", "25/11/2026" }) {
            assertThatThrownBy(() -> CreatedTime.parse("created_after", malformed))
                    .isInstanceOf(MemoryRequestException.class)
                    .hasMessageContaining("created_after must be an ISO-8601 instant")
                    .hasMessageContaining("'" + malformed + "'");
        }
    }
}
