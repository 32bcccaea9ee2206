package dev.minmemory.server.memory;

/** A memory id the caller does not own: one that does not exist and one of someone else's alike. */
public class MemoryNotFoundException extends MemoryRequestException {

    private final String id;

    MemoryNotFoundException(String id, String message) {
        super(message);
        this.id = id;
    }

    public String id() {
        return id;
    }
}
