package dev.minmemory.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(value = "has(self.issuer) != has(self.auth0Domain)",
        message = "set exactly one of auth.issuer (any OIDC provider) or auth.auth0Domain (an Auth0 tenant)")
public class AuthSpec {

    @Size(max = 253)
    @ValidationRule(value = "self.startsWith('https://')", message = "auth.issuer must be an https:// URL")
    @JsonPropertyDescription("OIDC issuer URL, e.g. https://login.example.com/realms/team-a. Must be https.")
    private String issuer;

    @Size(max = 253)
    @ValidationRule(value = "!self.contains('/') && !self.contains(':')",
            message = "auth.auth0Domain is a bare host name such as team-a.eu.auth0.com, without https:// or a path")
    @JsonPropertyDescription("Auth0 tenant domain, e.g. team-a.eu.auth0.com. Alternative to issuer.")
    private String auth0Domain;

    @Required
    @Size(min = 1, max = 253)
    @JsonPropertyDescription("Audience that access tokens must carry (the Auth0 API identifier), usually the public MCP URL.")
    private String audience;

    @Default("true")
    @JsonPropertyDescription("Reject tool calls whose access token lacks the scope the tool requires.")
    private boolean enforceScopes = true;

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getAuth0Domain() {
        return auth0Domain;
    }

    public void setAuth0Domain(String auth0Domain) {
        this.auth0Domain = auth0Domain;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public boolean isEnforceScopes() {
        return enforceScopes;
    }

    public void setEnforceScopes(boolean enforceScopes) {
        this.enforceScopes = enforceScopes;
    }
}
