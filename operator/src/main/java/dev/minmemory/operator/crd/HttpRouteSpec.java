package dev.minmemory.operator.crd;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(value = "!self.enabled || has(self.hostname)",
        message = "httpRoute.hostname is required when the HTTPRoute is enabled")
@ValidationRule(value = "!self.enabled || (has(self.parentRefs) && self.parentRefs.size() > 0)",
        message = "httpRoute.parentRefs must name at least one Gateway when the HTTPRoute is enabled")
public class HttpRouteSpec {

    @Default("false")
    @JsonPropertyDescription("Expose the MCP endpoint through a Gateway API HTTPRoute attached to the team's Gateway, "
            + "instead of an Ingress (set ingress.enabled to false). TLS terminates at the Gateway's listener.")
    private boolean enabled;

    @Size(max = 253)
    @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+$")
    @JsonPropertyDescription("Public host name, e.g. memory.team-a.example.com. The MCP endpoint is https://<hostname>/mcp; "
            + "the Gateway's HTTPS listener must serve a certificate for it.")
    private String hostname;

    @Size(max = 8)
    @JsonPropertyDescription("The Gateways (parentRefs) the route attaches to.")
    private List<GatewayReference> parentRefs = new ArrayList<>();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getHostname() {
        return hostname;
    }

    public void setHostname(String hostname) {
        this.hostname = hostname;
    }

    public List<GatewayReference> getParentRefs() {
        return parentRefs;
    }

    public void setParentRefs(List<GatewayReference> parentRefs) {
        this.parentRefs = parentRefs;
    }
}
