package dev.minmemory.server.auth;

import java.time.Instant;

/**
 * What a session id says once {@link SessionTokens} has verified it: who opened the session, the protocol version it
 * agreed on and when it was opened. The nonce makes every session's id distinct.
 */
public record SessionToken(String owner, String protocolVersion, Instant issuedAt, String nonce) {
}
