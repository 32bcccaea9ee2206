package dev.minmemory.server.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityNameSimilarityTest {

    @Test
    void namesThatDifferOnlyInCaseOrPunctuationAreTheSame() {
        assertThat(EntityNameSimilarity.score("Kubernetes", "kubernetes")).isEqualTo(1.0);
        assertThat(EntityNameSimilarity.score("auth-service", "Auth Service")).isEqualTo(1.0);
        assertThat(EntityNameSimilarity.score("authservice", "auth_service")).isEqualTo(1.0);
    }

    @Test
    void aNumeronymMatchesTheWordItAbbreviates() {
        assertThat(EntityNameSimilarity.score("k8s", "Kubernetes")).isEqualTo(1.0);
        assertThat(EntityNameSimilarity.score("i18n", "internationalization")).isEqualTo(1.0);
        assertThat(EntityNameSimilarity.score("k8s", "kubernetes operator")).isEqualTo(0.9);
    }

    @Test
    void aNameContainedInALongerNameMatchesStrongly() {
        assertThat(EntityNameSimilarity.score("kubernetes", "kubernetes-operator")).isEqualTo(0.9);
        assertThat(EntityNameSimilarity.score("kubernetes operator", "Kubernetes")).isEqualTo(0.9);
    }

    @Test
    void aTypoStillMatchesButUnrelatedNamesDoNot() {
        assertThat(EntityNameSimilarity.score("postgress", "postgres")).isGreaterThan(0.7);
        assertThat(EntityNameSimilarity.score("kafka", "postgres")).isLessThan(0.6);
    }
}
