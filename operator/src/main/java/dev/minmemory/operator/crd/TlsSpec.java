package dev.minmemory.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(value = "has(self.secretName) != has(self.clusterIssuer)",
        message = "set exactly one of ingress.tls.secretName (an existing certificate) or ingress.tls.clusterIssuer (cert-manager)")
public class TlsSpec {

    @JsonPropertyDescription("Existing kubernetes.io/tls Secret holding the certificate for the host.")
    private String secretName;

    @JsonPropertyDescription("cert-manager ClusterIssuer that issues the certificate into <name>-tls.")
    private String clusterIssuer;

    public String getSecretName() {
        return secretName;
    }

    public void setSecretName(String secretName) {
        this.secretName = secretName;
    }

    public String getClusterIssuer() {
        return clusterIssuer;
    }

    public void setClusterIssuer(String clusterIssuer) {
        this.clusterIssuer = clusterIssuer;
    }
}
