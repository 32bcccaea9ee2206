package dev.minmemory.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalModeGuardTest {

    @TempDir
    Path root;

    @Test
    void aRootWithoutDockerOrPodmanMarkersIsNoContainer() {
        assertThat(LocalModeGuard.runsInContainer(root, Map.of())).isFalse();
    }

    @Test
    void dockersMarkerMakesAContainer() throws IOException {
        Files.createFile(root.resolve(".dockerenv"));
        assertThat(LocalModeGuard.runsInContainer(root, Map.of())).isTrue();
    }

    @Test
    void podmansMarkerMakesAContainer() throws IOException {
        Files.createDirectories(root.resolve("run"));
        Files.createFile(root.resolve("run/.containerenv"));
        assertThat(LocalModeGuard.runsInContainer(root, Map.of())).isTrue();
    }

    @Test
    void podmansContainerVariableMakesAContainerWhenReadOnlyHidesItsMarker() {
        assertThat(LocalModeGuard.runsInContainer(root, Map.of("container", "podman"))).isTrue();
    }
}
