package dev.vigil;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.vigil");

    @Test
    void productionCodeKeepsTheLayeringRules() {
        for (ArchRule rule : ArchitectureRules.all()) {
            rule.check(MAIN);
        }
    }

    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages("dev.vigil.archfixture");

    @Test
    void aDecisionClassThatImportsKafkaBreaksTheRules() {
        assertThrows(
                AssertionError.class, () -> ArchitectureRules.decisionIsPure().check(FIXTURE));
    }

    @Test
    void aCycleBetweenSubPackagesBreaksTheRules() {
        assertThrows(AssertionError.class, () -> ArchitectureRules.noCyclesBetweenPackages()
                .check(FIXTURE));
    }

    @Test
    void eventsThatImportAStageBreakTheRules() {
        assertThrows(
                AssertionError.class, () -> ArchitectureRules.eventsAreALeaf().check(FIXTURE));
    }
}
