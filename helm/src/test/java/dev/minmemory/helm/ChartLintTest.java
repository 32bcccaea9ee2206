package dev.minmemory.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChartLintTest {

    @Test
    void chartPassesHelmLintInStrictMode() {
        var lint = Chart.helm().lint().strict().call();

        assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
        assertThat(lint.getMessages()).noneMatch(message -> message.startsWith("[WARNING]")
                || message.startsWith("[ERROR]"));
    }
}
