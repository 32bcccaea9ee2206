package dev.minmemory.server.stdio;

/** Why the stdio bridge cannot reach a memory server, in one line for stderr. */
final class StdioFailure extends RuntimeException {

    StdioFailure(String reason) {
        super(reason);
    }
}
