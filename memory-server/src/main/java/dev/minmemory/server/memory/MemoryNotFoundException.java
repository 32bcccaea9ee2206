package dev.minmemory.server.memory;

/** A memory id the caller does not own: one that does not exist and one of someone else's alike. */
public class MemoryNotFoundException extends MemoryRequestException {

    MemoryNotFoundException(String message) {
        super(message);
    }
}
