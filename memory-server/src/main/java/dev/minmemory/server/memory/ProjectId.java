package dev.minmemory.server.memory;

import java.util.Locale;
import java.util.Optional;

/**
 * Derives a stable project id from what a client knows about its workspace: the repository name of the git remote
 * (the same for every clone and every machine), else the name of the working directory. Lower case, with anything
 * but letters, digits, dots, dashes and underscores turned into dashes.
 */
public record ProjectId(String id, String source) {

    public static Optional<ProjectId> fromHints(String gitRemote, String cwd) {
        return lastSegment(gitRemote, true).map(name -> new ProjectId(name, "git_remote"))
                .or(() -> lastSegment(cwd, false).map(name -> new ProjectId(name, "cwd")));
    }

    private static Optional<String> lastSegment(String location, boolean isRemote) {
        if (location == null || location.isBlank()) {
            return Optional.empty();
        }
        String trimmed = location.strip().replaceAll("[/\\\\]+$", "");
        if (isRemote) {
            trimmed = trimmed.replaceAll("\\.git$", "");
        }
        String[] segments = trimmed.split("[/\\\\:]");
        String slug = segments[segments.length - 1].toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? Optional.empty() : Optional.of(slug);
    }
}
