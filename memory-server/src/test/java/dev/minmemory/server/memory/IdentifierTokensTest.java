package dev.minmemory.server.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierTokensTest {

    @ParameterizedTest
    @ValueSource(strings = { "PAY-77341", "CVE-2024-3094", "10.42.17.1", "3.4.11", "db-replica-07.fra2.internal",
            "MAX_POOL_SIZE", "reconcileLedgerBatch", "k7Xq2mPz", "orders.v2.dlq", "/etc/nginx/conf.d/ratelimit.conf",
            "~/.config/fish/conf.d/aliases.fish", "db/changelog/master.yaml", "j.ferreira@lisboa-labs.example",
            "INC-20931?", "(E72119)" })
    void anIdentifierAloneIsAllIdentifier(String query) {
        assertThat(IdentifierTokens.share(query)).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Which foods can I not eat?", "Who is Thandiwe Lindqvist?", "Ngozi Achterberg",
            "Why did kestrel pick a cross-platform framework for phones?", "Caroline's plans, in short.", "" })
    void wordsAndNamesAreNotIdentifiers(String query) {
        assertThat(IdentifierTokens.share(query)).isZero();
    }

    @Test
    void theShareCountsWordsNotCharacters() {
        assertThat(IdentifierTokens.share("exit code 137")).isEqualTo(1.0 / 3);
        assertThat(IdentifierTokens.share("What did Mel do on 7 May 2023?")).isEqualTo(2.0 / 8);
    }
}
