package org.desist.structure;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages form layers, read from the compiled classes (what {@code jdeps -verbose:package} shows): a
 * reader can start at any package and never come back round to it. Only the application in the root package
 * sees every other one.
 */
class PackageCyclesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.desist");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("org.desist.(**)").should().beFreeOfCycles().check(MAIN);
    }
}
