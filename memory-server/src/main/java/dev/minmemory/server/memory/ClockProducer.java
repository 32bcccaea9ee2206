package dev.minmemory.server.memory;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

@Singleton
public class ClockProducer {

    @Produces
    @Singleton
    Clock utc() {
        return Clock.systemUTC();
    }
}
