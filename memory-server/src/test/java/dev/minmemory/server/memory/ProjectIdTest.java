package dev.minmemory.server.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProjectIdTest {

    @Test
    void theRepositoryNameOfAnyRemoteFormIsTheProjectId() {
        assertThat(ProjectId.fromHints("git@github.com:acme/Min-Memory.git", null))
                .contains(new ProjectId("min-memory", "git_remote"));
        assertThat(ProjectId.fromHints("https://github.com/acme/min-memory", "/home/x/checkout"))
                .contains(new ProjectId("min-memory", "git_remote"));
        assertThat(ProjectId.fromHints("ssh://git@host:2222/acme/min-memory.git/", null))
                .contains(new ProjectId("min-memory", "git_remote"));
    }

    @Test
    void withoutARemoteTheWorkingDirectoryNameIsUsed() {
        assertThat(ProjectId.fromHints(null, "/home/ann/code/My Project/"))
                .contains(new ProjectId("my-project", "cwd"));
        assertThat(ProjectId.fromHints("", "C:\\Users\\ann\\shop-api")).contains(new ProjectId("shop-api", "cwd"));
    }

    @Test
    void noHintsGiveNoProject() {
        assertThat(ProjectId.fromHints(null, null)).isEmpty();
        assertThat(ProjectId.fromHints(" ", "/")).isEmpty();
    }
}
