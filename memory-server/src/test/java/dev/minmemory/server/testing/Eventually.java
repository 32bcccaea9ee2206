package dev.minmemory.server.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for something that happens in the background: a server becoming ready, a store reconnecting. */
public final class Eventually {

    private Eventually() {
    }

    public static void within(Duration patience, BooleanSupplier condition) {
        Instant giveUp = Instant.now().plus(patience);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("Condition not met within " + patience.toSeconds() + " s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
