package dev.minmemory.operator.dependent;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * cert-manager's Certificate, still a generic resource, but with its API coordinates known to the client. Without them
 * the client asks API discovery for them whenever the informer is built, and JOSDK builds it even while the activation
 * condition is false (to deregister it by name), which fails on a cluster without cert-manager.
 */
@Group("cert-manager.io")
@Version("v1")
@Kind("Certificate")
@Plural("certificates")
public class CertificateKind extends GenericKubernetesResource implements Namespaced {
}
