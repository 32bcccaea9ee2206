package dev.minmemory.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalModeGuardTest {

    @TempDir
    Path root;

    @Test
    void aRootWithoutDockerOrPodmanMarkersIsNoContainer() {
        assertThat(LocalModeGuard.runsInContainer(root)).isFalse();
    }

    @Test
    void dockersMarkerMakesAContainer() throws IOException {
        Files.createFile(root.resolve(".dockerenv"));
        assertThat(LocalModeGuard.runsInContainer(root)).isTrue();
    }

    @Test
    void podmansMarkerMakesAContainer() throws IOException {
        Files.createDirectories(root.resolve("run"));
        Files.createFile(root.resolve("run/.containerenv"));
        assertThat(LocalModeGuard.runsInContainer(root)).isTrue();
    }
}
