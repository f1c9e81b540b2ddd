package dev.activationlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layout the project keeps: one package per feature, a cross-cutting {@code http} package
 * that knows no feature, no cycles between packages, and the numerical code free of Spring.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.activationlab");

    @Test
    void packagesShouldBeFreeOfCycles() {
        slices().matching("dev.activationlab.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void httpPackageShouldDependOnNoFeature() {
        noClasses().that().resideInAPackage("dev.activationlab.http..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.activationlab.http..", "java..",
                        "jakarta..", "org.springframework..", "org.apache..", "org.slf4j..", "tools.jackson..",
                        "com.fasterxml.jackson..", "io.swagger..",
                        // Micrometer: the admission gauges (AdmissionMetrics) are cross-cutting too.
                        "io.micrometer..")
                .check(MAIN);
    }

    @Test
    void dtypePackageShouldBePlainJava() {
        classes().that().resideInAPackage("dev.activationlab.dtype..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.activationlab.dtype..", "java..",
                        "org.apache.commons..", "org.apfloat..")
                .check(MAIN);
    }

    /** Everything but the controllers, their configuration and problem advice, and HTTP glue. */
    @Test
    void numericalCodeShouldNotUseSpring() {
        noClasses().that().resideInAnyPackage("dev.activationlab..")
                .and().haveSimpleNameNotEndingWith("Controller")
                .and().haveSimpleNameNotEndingWith("Configuration")
                .and().haveSimpleNameNotEndingWith("Problems")
                .and().resideOutsideOfPackages("dev.activationlab.http..", "dev.activationlab.openapi..")
                .and().haveSimpleNameNotStartingWith("ActivationLab")
                // The HTTP side of two features: query parameters and image content negotiation.
                .and().haveNameNotMatching(".*\\.(QueryParameters|PlotImage)(\\$.*)?")
                .and().areNotAnnotatedWith("org.springframework.stereotype.Component")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(MAIN);
    }
}
