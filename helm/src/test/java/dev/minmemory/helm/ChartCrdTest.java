package dev.minmemory.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Test;

import dev.minmemory.operator.crd.CommittedCrd;

/**
 * Helm installs crds/ before the templates and never upgrades it. The copy there must be the CRD the operator build
 * generates and commits; after an intended change: ./mvnw -pl helm -am verify -Dcrd.update=true
 */
class ChartCrdTest {

    private static final Path CHART_CRD = Chart.DIR.resolve("crds").resolve(CommittedCrd.FILE.getFileName());

    @Test
    void chartCarriesTheCommittedCrdUnchanged() throws IOException {
        if (Boolean.getBoolean("crd.update")) {
            Files.copy(CommittedCrd.FILE, CHART_CRD, StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(Files.readString(CHART_CRD))
                .as("%s differs from %s; copy it, or run with -Dcrd.update=true", CHART_CRD, CommittedCrd.FILE)
                .isEqualTo(Files.readString(CommittedCrd.FILE));
    }

    @Test
    void chartHasNoOtherCrd() throws IOException {
        try (var files = Files.list(CHART_CRD.getParent())) {
            assertThat(files).containsExactly(CHART_CRD);
        }
    }
}
