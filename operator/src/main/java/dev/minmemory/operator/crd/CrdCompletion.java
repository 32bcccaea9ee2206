package dev.minmemory.operator.crd;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;

/**
 * What the CRD generator leaves out of the MemoryServer CRD: the schema root's description, descriptions of the
 * fields of embedded Kubernetes types (fabric8's model carries none), and the printer columns in the order they are
 * declared on {@link MemoryServer} (the generator sorts them by JSON path). Run by the build
 * ({@code quarkus.operator-sdk.crd.post-processor}).
 */
public class CrdCompletion implements CRDPostProcessor {

    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
        if (crd instanceof CustomResourceDefinition definition) {
            for (var version : definition.getSpec().getVersions()) {
                var schema = version.getSchema().getOpenAPIV3Schema();
                schema.setDescription(MemoryServer.DESCRIPTION);
                KubernetesFieldDescriptions.fillIn(schema);
                version.setAdditionalPrinterColumns(inDeclaredOrder(version.getAdditionalPrinterColumns()));
            }
        }
        return crd;
    }

    private static List<CustomResourceColumnDefinition> inDeclaredOrder(List<CustomResourceColumnDefinition> columns) {
        List<String> declared = Arrays.stream(MemoryServer.class.getAnnotationsByType(AdditionalPrinterColumn.class))
                .map(AdditionalPrinterColumn::name)
                .toList();
        return columns.stream().sorted(Comparator.comparingInt(column -> declared.indexOf(column.getName()))).toList();
    }
}
