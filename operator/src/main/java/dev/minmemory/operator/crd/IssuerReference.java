package dev.minmemory.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The cert-manager issuer of a Certificate, as cert-manager's own issuerRef names it. */
public class IssuerReference {

    @Required
    @Size(min = 1, max = 253)
    @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
    @JsonPropertyDescription("Name of the issuer. An Issuer must be in the MemoryServer's namespace.")
    private String name;

    @Default("Issuer")
    @Size(min = 1, max = 63)
    @JsonPropertyDescription("Issuer (namespaced) or ClusterIssuer for cert-manager's own issuers; an external "
            + "issuer's kind together with its group.")
    private String kind = "Issuer";

    @Default("cert-manager.io")
    @Size(min = 1, max = 253)
    @JsonPropertyDescription("API group of the issuer: cert-manager.io, or an external issuer's group.")
    private String group = "cert-manager.io";

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }
}
