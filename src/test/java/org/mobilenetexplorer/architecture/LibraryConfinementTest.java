package org.mobilenetexplorer.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Third-party libraries stay in the package that adapts them (STYLE.md, habit 11). */
class LibraryConfinementTest {
    private static final String ROOT = "org.mobilenetexplorer";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);

    @Test
    void commonsMathOnlyInBenchPredictAndAccuracy() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".bench", ROOT + ".predict", ROOT + ".accuracy")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.commons.math3..")
                .because("Apache Commons Math computes the benchmark statistics (bench.StudentT), the latency predictor's"
                        + " least-squares fits (predict.LatencyFitter) and the accuracy estimator's least-squares"
                        + " surface (accuracy.QuadraticSurface), nothing else")
                .check(CLASSES);
    }

    @Test
    void oshiOnlyInTheSystemProbe() {
        noClasses().that().doNotHaveFullyQualifiedName(ROOT + ".bench.SystemProbe")
                .and().doNotHaveFullyQualifiedName(ROOT + ".bench.SystemProbe$Facts")
                .should().dependOnClassesThat().resideInAnyPackage("oshi..", "com.sun.jna..")
                .because("OSHI and its JNA load natives at first use: one class touches them, only when an environment"
                        + " record is made, so no other start-up pays for them")
                .check(CLASSES);
    }
}
