package dev.minmemory.server.stdio;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a server-sent event stream line by line and hands on each event's data (its {@code data:} lines joined by
 * newlines) when its closing blank line arrives. Event names, ids and retry hints are not needed to carry JSON-RPC
 * messages, so they are skipped.
 */
final class SseEvents {

    private final Consumer<String> onData;
    private final List<String> data = new ArrayList<>();

    SseEvents(Consumer<String> onData) {
        this.onData = onData;
    }

    void line(String line) {
        if (line.isEmpty()) {
            dispatch();
        } else if (line.equals("data")) {
            data.add("");
        } else if (line.startsWith("data:")) {
            String value = line.substring(5);
            data.add(value.startsWith(" ") ? value.substring(1) : value);
        }
    }

    private void dispatch() {
        if (!data.isEmpty()) {
            String event = String.join("\n", data);
            data.clear();
            onData.accept(event);
        }
    }
}
