package dev.minmemory.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Dependencies point one way: tools, the web console, auth and http at the edge, the memory domain in the middle, the stores and the
 * embedder as adapters of the domain's ports, and the composition (which store, which embedder, the commands) at the
 * root, which nothing else knows.
 */
@AnalyzeClasses(packages = "dev.minmemory.server", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

    private static final String ROOT = "dev.minmemory.server";

    @ArchTest
    static final ArchRule noPackageIsPartOfACycle = slices().matching(ROOT + ".(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theDomainKnowsNoAdapterAndNoEdge = noClasses().that().resideInAPackage(ROOT + ".memory..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".store..", ROOT + ".embedding..",
                    ROOT + ".tools..", ROOT + ".auth..", ROOT + ".http..", ROOT + ".console..");

    @ArchTest
    static final ArchRule adaptersKnowNoEdge = noClasses().that()
            .resideInAnyPackage(ROOT + ".store..", ROOT + ".embedding..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".tools..", ROOT + ".auth..", ROOT + ".http..",
                    ROOT + ".console..");

    @ArchTest
    static final ArchRule theStoresDoNotKnowEachOther = slices().matching(ROOT + ".store.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule toolsReachStorageOnlyThroughTheDomain = noClasses().that().resideInAPackage(ROOT + ".tools..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".store..", ROOT + ".embedding..");

    @ArchTest
    static final ArchRule theConsoleReachesStorageOnlyThroughTheDomain = noClasses().that()
            .resideInAPackage(ROOT + ".console..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".store..", ROOT + ".embedding..");

    @ArchTest
    static final ArchRule noOtherEdgeKnowsTheConsole = noClasses().that()
            .resideInAnyPackage(ROOT + ".tools..", ROOT + ".auth..", ROOT + ".http..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".console..");

    @ArchTest
    static final ArchRule nothingDependsOnTheComposition = noClasses().that().resideOutsideOfPackage(ROOT)
            .should().dependOnClassesThat().resideInAPackage(ROOT);
}
