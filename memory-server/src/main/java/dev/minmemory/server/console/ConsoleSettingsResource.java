package dev.minmemory.server.console;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.minmemory.server.auth.AuthSettings;
import dev.minmemory.server.http.PublicEndpoint;

/** What the console's page needs before it signs in: the mode, and in auth mode where and how to sign in. Public. */
@Path("/console/api/config")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleSettingsResource {

    private final AuthSettings auth;
    private final ConsoleConfig config;
    private final PublicEndpoint endpoint;

    public ConsoleSettingsResource(AuthSettings auth, ConsoleConfig config, PublicEndpoint endpoint) {
        this.auth = auth;
        this.config = config;
        this.endpoint = endpoint;
    }

    @GET
    public ConsoleSettings settings() {
        if (!auth.enabled()) {
            return new ConsoleSettings("local", null, null, null, null);
        }
        return new ConsoleSettings("oauth", auth.issuer(), config.clientId().orElse(null),
                List.of("openid", AuthSettings.READ_SCOPE, AuthSettings.WRITE_SCOPE), endpoint.mcpResource());
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsoleSettings(String mode, String issuer, String clientId, List<String> scopes, String resource) {
    }
}
