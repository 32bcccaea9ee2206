package dev.minmemory.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StrictKubernetesModelTest {

    @Test
    void aMisspelledFieldIsReportedWithItsPath() {
        var parsed = StrictKubernetesModel.read("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: x
                spec:
                  replica: 2
                  template:
                    spec:
                      containers:
                      - name: c
                        imagePullPolicyy: Always
                """);

        assertThat(StrictKubernetesModel.unknownFields(parsed)).containsExactlyInAnyOrder(
                "Deployment.Spec.replica",
                "Deployment.Spec.Template.Spec.Containers[0].imagePullPolicyy");
    }
}
