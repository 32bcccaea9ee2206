package dev.minmemory.server.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScopesTest {

    @Test
    void anExplicitGlobalScopeIsTheGlobalLevelWhateverTheProject() {
        assertThat(Scopes.forListing(Scope.GLOBAL, "shop")).containsExactly(ScopeFilter.global());
        assertThat(Scopes.forRetrieval(Scope.GLOBAL, "shop", "t1")).containsExactly(ScopeFilter.global());
    }

    @Test
    void anExplicitProjectOrTaskScopeIsThatLevelOfTheProject() {
        assertThat(Scopes.forListing(Scope.PROJECT, "shop")).containsExactly(ScopeFilter.project("shop"));
        assertThat(Scopes.forListing(Scope.TASK, "shop")).containsExactly(ScopeFilter.task("shop", null));
        assertThat(Scopes.forRetrieval(Scope.TASK, "shop", "t1")).containsExactly(ScopeFilter.task("shop", "t1"));
    }

    @Test
    void withoutAScopeARetrievalIsHierarchicalAndAListingIsTheProjectsOwnMemories() {
        assertThat(Scopes.forRetrieval(null, "shop", "t1")).containsExactly(ScopeFilter.global(),
                ScopeFilter.project("shop"), ScopeFilter.task("shop", "t1"));
        assertThat(Scopes.forListing(null, "shop")).containsExactly(ScopeFilter.project("shop"),
                ScopeFilter.task("shop", null));
        assertThat(Scopes.forRetrieval(null, null, null)).isEmpty();
        assertThat(Scopes.forListing(null, null)).isEmpty();
    }

    @Test
    void aTaskIdWithoutAProjectIsRefusedForAHierarchicalRetrieval() {
        assertThatThrownBy(() -> Scopes.forRetrieval(null, null, "t1")).isInstanceOf(MemoryRequestException.class)
                .hasMessageStartingWith("task_id needs project");
    }

    @Test
    void aMemoryKeepsOnlyTheProjectAndTaskIdItsScopeHas() {
        assertThat(Scopes.placement(Scope.GLOBAL, "shop", "t1")).isEqualTo(ScopeFilter.global());
        assertThat(Scopes.placement(Scope.PROJECT, "shop", "t1")).isEqualTo(ScopeFilter.project("shop"));
        assertThat(Scopes.placement(Scope.TASK, "shop", "t1")).isEqualTo(ScopeFilter.task("shop", "t1"));
        assertThatThrownBy(() -> Scopes.placement(Scope.PROJECT, null, null)).hasMessageContaining("needs project");
        assertThatThrownBy(() -> Scopes.placement(Scope.TASK, "shop", null)).hasMessageContaining("needs task_id");
    }
}
