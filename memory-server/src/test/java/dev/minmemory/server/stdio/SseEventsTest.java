package dev.minmemory.server.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SseEventsTest {

    private final List<String> events = new ArrayList<>();
    private final SseEvents parser = new SseEvents(events::add);

    private void feed(String... lines) {
        for (String line : lines) {
            parser.line(line);
        }
    }

    @Test
    void eachEventIsHandedOnWhenItsBlankLineArrives() {
        feed("event: message", "id: 1", "data: {\"a\":1}");
        assertThat(events).isEmpty();
        feed("", "data:{\"b\":2}", "");
        assertThat(events).containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @Test
    void dataLinesOfOneEventAreJoinedByNewlines() {
        feed("data: {\"a\":", "data", "data:  1}", "");
        assertThat(events).containsExactly("{\"a\":\n\n 1}");
    }

    @Test
    void commentsRetryHintsAndEventsWithoutDataAreSkipped() {
        feed(": keep-alive", "", "retry: 1000", "event: ping", "", "");
        assertThat(events).isEmpty();
    }

    @Test
    void anEventCutOffBeforeItsBlankLineIsNotHandedOn() {
        feed("data: {\"partial\":");
        assertThat(events).isEmpty();
    }
}
