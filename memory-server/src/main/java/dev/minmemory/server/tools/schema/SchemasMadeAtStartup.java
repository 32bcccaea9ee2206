package dev.minmemory.server.tools.schema;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkiverse.mcp.server.ToolManager;
import io.quarkus.runtime.StartupEvent;

/**
 * Makes every tool's schemas before the server takes requests. Made on demand, the first {@code tools/list} held an
 * event loop for seconds on a busy machine, long enough for a client (Claude Code) to time out fetching the tools.
 */
@Singleton
public class SchemasMadeAtStartup {

    void make(@Observes StartupEvent event, ToolManager tools) {
        tools.forEach(ToolManager.ToolInfo::asJson);
    }
}
