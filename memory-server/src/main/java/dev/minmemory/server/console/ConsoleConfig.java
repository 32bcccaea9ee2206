package dev.minmemory.server.console;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "memory.console")
public interface ConsoleConfig {

    /**
     * The OAuth client id the web console signs in with ({@code MEMORY_CONSOLE_CLIENT_ID}): a public client (no
     * secret, authorization code with PKCE) registered at the authorization server, whose redirect URI is the
     * console's own address ({@code <public origin>/console/}). Used in auth mode only.
     */
    Optional<String> clientId();
}
