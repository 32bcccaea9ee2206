package dev.minmemory.server.auth;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The scopes an access token grants, wherever the provider puts them: {@code scope} (RFC 9068, space-separated),
 * {@code scp} (Entra ID, Okta; a string or an array) or {@code permissions} (Auth0 RBAC, an array).
 */
final class TokenScopes {

    private TokenScopes() {
    }

    static Set<String> of(JsonWebToken token) {
        Set<String> scopes = new HashSet<>();
        for (String claim : new String[] { "scope", "scp", "permissions" }) {
            addClaim(scopes, token.getClaim(claim));
        }
        return scopes;
    }

    private static void addClaim(Set<String> scopes, Object value) {
        if (value instanceof JsonString string) {
            scopes.addAll(Arrays.asList(string.getString().trim().split("\\s+")));
        } else if (value instanceof String string) {
            scopes.addAll(Arrays.asList(string.trim().split("\\s+")));
        } else if (value instanceof JsonArray array) {
            array.getValuesAs(JsonString.class).forEach(item -> scopes.add(item.getString()));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(item -> scopes.add(String.valueOf(item)));
        }
    }
}
