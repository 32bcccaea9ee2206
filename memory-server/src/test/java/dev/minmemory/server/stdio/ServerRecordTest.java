package dev.minmemory.server.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerRecordTest {

    @TempDir
    Path dataDir;

    @Test
    void theRecordOfThisProcessReadsBackAsWrittenAndIsAlive() throws IOException {
        ServerRecord record = ServerRecord.ofThisProcess("127.0.0.1", 8080, 9000);
        record.write(dataDir);

        assertThat(ServerRecord.read(dataDir)).contains(record);
        assertThat(record.isAlive()).isTrue();
        assertThat(record.mcp()).isEqualTo(URI.create("http://127.0.0.1:8080/mcp"));
        assertThat(record.ready()).isEqualTo(URI.create("http://127.0.0.1:9000/q/health/ready"));
    }

    @Test
    void aRecordWhosePidNowBelongsToAProcessStartedAtAnotherTimeIsNotAlive() {
        ServerRecord self = ServerRecord.ofThisProcess("127.0.0.1", 8080, 9000);
        ServerRecord reused = new ServerRecord(self.pid(), Instant.parse("2001-01-01T00:00:00Z"), self.mcp(),
                self.ready());

        assertThat(reused.isAlive()).isFalse();
    }

    @Test
    void aMissingOrUnreadableRecordIsNoRecord() throws IOException {
        assertThat(ServerRecord.read(dataDir)).isEmpty();
        Files.writeString(dataDir.resolve(ServerRecord.FILE_NAME), "{\"pid\":");
        assertThat(ServerRecord.read(dataDir)).isEmpty();
    }

    @Test
    void removingLeavesANewerServersRecordInPlace() throws IOException {
        ServerRecord old = new ServerRecord(1, Instant.EPOCH, URI.create("http://127.0.0.1:1/mcp"),
                URI.create("http://127.0.0.1:2/q/health/ready"));
        ServerRecord newer = ServerRecord.ofThisProcess("127.0.0.1", 8080, 9000);
        newer.write(dataDir);

        old.remove(dataDir);
        assertThat(ServerRecord.read(dataDir)).contains(newer);
        newer.remove(dataDir);
        assertThat(ServerRecord.read(dataDir)).isEmpty();
    }
}
