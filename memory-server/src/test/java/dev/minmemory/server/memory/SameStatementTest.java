package dev.minmemory.server.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SameStatementTest {

    @Test
    void swappedWordsAreADifferentStatement() {
        assertThat(SameStatement.same("Alice prefers spaces over tabs.", "Alice prefers tabs over spaces."))
                .isFalse();
    }

    @Test
    void aChangedNumberIsADifferentStatement() {
        assertThat(SameStatement.same("The API allows 40 requests per second.",
                "The API allows 60 requests per second.")).isFalse();
        assertThat(SameStatement.same("Stand-up is at 9:30.", "Stand-up is at 10:30.")).isFalse();
    }

    @Test
    void aNegationIsADifferentStatement() {
        assertThat(SameStatement.same("The build uses Gradle.", "The build does not use Gradle.")).isFalse();
        assertThat(SameStatement.same("Bob likes the new editor.", "Bob doesn't like the new editor.")).isFalse();
    }

    @Test
    void aChangedDateIsADifferentStatement() {
        assertThat(SameStatement.same("The release is planned for 14 March.",
                "The release is planned for 21 March.")).isFalse();
    }

    @Test
    void aChangedNameIsADifferentStatement() {
        assertThat(SameStatement.same("The billing service is written in Go.",
                "The billing service is written in Rust.")).isFalse();
    }

    @Test
    void caseAndPunctuationDoNotMatter() {
        assertThat(SameStatement.same("Alice prefers tabs over spaces.", "alice prefers TABS over spaces"))
                .isTrue();
        assertThat(SameStatement.same("Deploys go through staging, then production!",
                "Deploys go through staging then production")).isTrue();
    }

    @Test
    void articlesAndFormsOfBeDoNotMatter() {
        assertThat(SameStatement.same("The database is Postgres 16.", "Database: Postgres 16")).isTrue();
        assertThat(SameStatement.same("Use a feature flag for the rollout.", "Use feature flag for rollout."))
                .isTrue();
    }

    @Test
    void contractionsReadAsTheWordsTheyShorten() {
        assertThat(SameStatement.same("We don't deploy on Fridays.", "We do not deploy on Fridays.")).isTrue();
        assertThat(SameStatement.same("It’s the team’s decision.", "It is the team's decision.")).isTrue();
        assertThat(SameStatement.same("The job can't run twice.", "The job cannot run twice.")).isTrue();
        assertThat(SameStatement.same("I won't merge it.", "I will not merge it.")).isTrue();
        assertThat(SameStatement.same("They're on call.", "They are on call.")).isTrue();
    }
}
