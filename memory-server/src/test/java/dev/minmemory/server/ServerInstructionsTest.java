package dev.minmemory.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ServerInstructionsTest {

    @Test
    void theUserDocumentationQuotesTheServedInstructionsVerbatim() throws IOException {
        String documentation = Files.readString(Path.of("..", "docs", "INSTRUCTIONS.md"));

        assertThat(documentation).contains(ServerInstructions.read());
    }

    @Test
    void theInstructionsAreServedAsTheMcpServersInstructions() {
        assertThat(new ServerInstructions().getValue("quarkus.mcp.server.server-info.instructions"))
                .isEqualTo(ServerInstructions.read());
    }
}
