package dev.minmemory.operator.dependent;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;

final class Env {

    private Env() {
    }

    static EnvVar value(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }

    static EnvVar fromSecret(String name, String secret, String key) {
        return new EnvVarBuilder().withName(name).withNewValueFrom()
                .withNewSecretKeyRef().withName(secret).withKey(key).endSecretKeyRef()
                .endValueFrom().build();
    }

    static EnvVar podName() {
        return new EnvVarBuilder().withName("POD_NAME").withNewValueFrom()
                .withNewFieldRef().withFieldPath("metadata.name").endFieldRef().endValueFrom().build();
    }
}
