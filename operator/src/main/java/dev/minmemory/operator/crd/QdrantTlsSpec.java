package dev.minmemory.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * TLS between the memory server and Qdrant, and between Qdrant pods, with a certificate cert-manager issues into
 * the Secret <name>-qdrant-tls. The issuer must put its CA into the Secret's ca.crt (a CA or self-signed issuer does;
 * ACME issuers do not): the server and the Qdrant peers trust only that CA.
 */
@ValidationRule(value = "!self.enabled || has(self.issuerRef)", message = QdrantTlsSpec.ISSUER_REQUIRED)
public class QdrantTlsSpec {

    public static final String ISSUER_REQUIRED = "qdrant.tls.issuerRef is required when qdrant.tls.enabled is true: "
            + "name the cert-manager Issuer or ClusterIssuer of Qdrant's certificate";

    @Default("false")
    @JsonPropertyDescription("Serve Qdrant's REST, gRPC and (cluster mode) peer-to-peer ports over TLS only, with a "
            + "cert-manager Certificate <name>-qdrant; needs cert-manager. Switching it on or off restarts Qdrant "
            + "and the server.")
    private boolean enabled;

    @JsonPropertyDescription("The cert-manager issuer of Qdrant's certificate; required when enabled.")
    private IssuerReference issuerRef;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public IssuerReference getIssuerRef() {
        return issuerRef;
    }

    public void setIssuerRef(IssuerReference issuerRef) {
        this.issuerRef = issuerRef;
    }
}
