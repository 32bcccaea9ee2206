package dev.minmemory.server.auth;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

import jakarta.inject.Singleton;

import io.quarkiverse.mcp.server.Implementation;
import io.quarkiverse.mcp.server.InitialRequest;
import io.quarkiverse.mcp.server.McpServer;
import io.quarkiverse.mcp.server.runtime.ConnectionManager;
import io.quarkiverse.mcp.server.runtime.McpConnectionBase;
import io.quarkiverse.mcp.server.runtime.config.McpServerRuntimeConfig;
import io.quarkiverse.mcp.server.runtime.config.McpServersRuntimeConfig;

/**
 * Gives a session that another replica opened a connection in this replica's MCP layer, in the state
 * {@code initialize} leaves one in, with the protocol version the session's id names.
 * <p>
 * quarkus-mcp-server 1.10.1 offers no public way to do this. Its {@code dummy-init} option does create a connection
 * for an unknown session id, but under a new id it never tells anyone (so every request would leave another
 * connection behind) and with its latest protocol version instead of the session's; so the connection is built here,
 * with the constructor of the extension's Streamable HTTP connection, which is not public. A version of the extension
 * without that constructor fails at start-up, not on a client's request.
 */
@Singleton
public class RestoredConnections {

    static final String CLIENT_NAME = "min-memory-restored-session";
    private static final String CONNECTION_CLASS = "io.quarkiverse.mcp.server.http.runtime.StreamableHttpMcpConnection";

    private final ConnectionManager connections;
    private final McpServerRuntimeConfig server;
    private final Constructor<? extends McpConnectionBase> constructor;

    public RestoredConnections(ConnectionManager connections, McpServersRuntimeConfig config) {
        this.connections = connections;
        this.server = config.servers().get(McpServer.DEFAULT);
        this.constructor = streamableConnectionConstructor();
    }

    /** Opens a connection for the session and returns its id in the MCP layer. */
    public String open(SessionToken session) {
        McpConnectionBase connection;
        try {
            connection = constructor.newInstance(ConnectionManager.connectionId(), server);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot open an MCP connection for a session of another replica", e);
        }
        connection.initialize(new InitialRequest(new Implementation(CLIENT_NAME, "1", null),
                session.protocolVersion(), List.of(), InitialRequest.Transport.STREAMABLE_HTTP));
        connections.add(connection);
        return connection.id();
    }

    private static Constructor<? extends McpConnectionBase> streamableConnectionConstructor() {
        try {
            Constructor<? extends McpConnectionBase> constructor = Class.forName(CONNECTION_CLASS)
                    .asSubclass(McpConnectionBase.class)
                    .getDeclaredConstructor(String.class, McpServerRuntimeConfig.class);
            constructor.setAccessible(true);
            return constructor;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("This version of quarkus-mcp-server has no " + CONNECTION_CLASS
                    + "(String, McpServerRuntimeConfig): sessions cannot move between replicas", e);
        }
    }
}
