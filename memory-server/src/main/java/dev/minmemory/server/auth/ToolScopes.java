package dev.minmemory.server.auth;

import java.util.Optional;

import jakarta.inject.Singleton;

import io.quarkiverse.mcp.server.ToolManager;
import io.quarkus.arc.Arc;

/** The scope each tool needs: {@code mcp:read} for tools annotated read-only, {@code mcp:write} for the rest. */
@Singleton
public class ToolScopes {

    /** Empty for an unknown tool: the MCP layer answers that one itself. */
    Optional<String> requiredFor(String toolName) {
        return Optional.ofNullable(tools().getTool(toolName)).map(tool -> tool.annotations()
                .filter(annotations -> annotations.readOnlyHint()).isPresent()
                        ? AuthSettings.READ_SCOPE
                        : AuthSettings.WRITE_SCOPE);
    }

    /**
     * Looked up rather than injected: the extension advertises {@code tools.listChanged: true} as soon as any bean
     * injects the ToolManager (it could add or remove tools), and this server's tool list never changes.
     */
    private static ToolManager tools() {
        return Arc.container().instance(ToolManager.class).get();
    }
}
