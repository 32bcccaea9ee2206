package dev.minmemory.server.auth;

import jakarta.inject.Singleton;

import dev.minmemory.server.http.PublicEndpoint;

/** The {@code WWW-Authenticate} values of the MCP authorization specification (RFC 6750 with RFC 9728 metadata). */
@Singleton
public class BearerChallenge {

    static final String METADATA_PATH = "/.well-known/oauth-protected-resource";

    private final String metadataUrl;

    public BearerChallenge(PublicEndpoint endpoint) {
        this.metadataUrl = endpoint.origin() + METADATA_PATH + "/mcp";
    }

    /** No token was presented: where to find the authorization server, and what to ask it for. */
    String missingToken() {
        return "Bearer resource_metadata=\"" + metadataUrl + "\", scope=\"" + allScopes() + "\"";
    }

    /** A token was presented and refused. */
    String invalidToken() {
        return "Bearer error=\"invalid_token\", error_description=\"The access token is invalid, expired or not"
                + " meant for this server\", resource_metadata=\"" + metadataUrl + "\", scope=\"" + allScopes() + "\"";
    }

    /** The token is valid but lacks the scope a tool needs. */
    String insufficientScope(String scope) {
        return "Bearer error=\"insufficient_scope\", error_description=\"This call needs the " + scope
                + " scope\", resource_metadata=\"" + metadataUrl + "\", scope=\"" + scope + "\"";
    }

    private static String allScopes() {
        return AuthSettings.READ_SCOPE + " " + AuthSettings.WRITE_SCOPE;
    }
}
