package dev.minmemory.server.memory;

/** A request the memory domain refuses; the message tells the caller what to change. */
public class MemoryRequestException extends RuntimeException {

    public MemoryRequestException(String message) {
        super(message);
    }

    /** The same answer for an id that does not exist and one that belongs to someone else. */
    public static MemoryRequestException notFound(String id) {
        return new MemoryNotFoundException(id,
                "No memory with id '" + id + "' exists. Use retrieve_context or search to"
                        + " find the id of the memory you mean.");
    }
}
