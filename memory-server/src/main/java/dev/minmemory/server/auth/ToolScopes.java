package dev.minmemory.server.auth;

import java.util.Optional;

import jakarta.inject.Singleton;

import io.quarkiverse.mcp.server.ToolManager;

/** The scope each tool needs: {@code mcp:read} for tools annotated read-only, {@code mcp:write} for the rest. */
@Singleton
public class ToolScopes {

    private final ToolManager tools;

    public ToolScopes(ToolManager tools) {
        this.tools = tools;
    }

    /** Empty for an unknown tool: the MCP layer answers that one itself. */
    Optional<String> requiredFor(String toolName) {
        return Optional.ofNullable(tools.getTool(toolName)).map(tool -> tool.annotations()
                .filter(annotations -> annotations.readOnlyHint()).isPresent()
                        ? AuthSettings.READ_SCOPE
                        : AuthSettings.WRITE_SCOPE);
    }
}
