package dev.minmemory.server.identity;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who is calling: the partition every tool call reads and writes. In local mode there is exactly one user.
 */
@ApplicationScoped
public class CallerIdentity {

    public static final String LOCAL_USER = "local";

    public String user() {
        return LOCAL_USER;
    }
}
