package dev.minmemory.operator.crd;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(value = "!self.enabled || has(self.host)",
        message = "ingress.host is required when the ingress is enabled")
@ValidationRule(value = "!self.enabled || has(self.tls)",
        message = "ingress.tls is required when the ingress is enabled: set tls.secretName or tls.clusterIssuer")
public class IngressSpec {

    @Default("true")
    @JsonPropertyDescription("Expose the MCP endpoint through an Ingress. When false, only the in-cluster Service exists.")
    private boolean enabled = true;

    @Size(max = 253)
    @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+$")
    @JsonPropertyDescription("Public host name, e.g. memory.team-a.example.com. The MCP endpoint is https://<host>/mcp.")
    private String host;

    @Default("nginx")
    @JsonPropertyDescription("IngressClass. For nginx the operator turns off response buffering and allows "
            + "one-hour reads, since MCP responses can be event streams.")
    private String className = "nginx";

    @JsonPropertyDescription("Extra annotations for the Ingress. The operator's own annotations take precedence.")
    private Map<String, String> annotations = new LinkedHashMap<>();

    @JsonPropertyDescription("TLS for the public host.")
    private TlsSpec tls;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getClassName() {
        return className;
    }

    public void setClassName(String className) {
        this.className = className;
    }

    public Map<String, String> getAnnotations() {
        return annotations;
    }

    public void setAnnotations(Map<String, String> annotations) {
        this.annotations = annotations;
    }

    public TlsSpec getTls() {
        return tls;
    }

    public void setTls(TlsSpec tls) {
        this.tls = tls;
    }
}
