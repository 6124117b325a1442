package dev.vigil;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;

/**
 * The layering rules (CONTRIBUTING.md, "Layout"), written once so the real code and the deliberate
 * violations under {@code dev.vigil.archfixture} share them.
 */
final class ArchitectureRules {
    private static final String[] STAGES = {"ingest", "features", "scoring", "decision", "sinks"};

    private ArchitectureRules() {}

    static List<ArchRule> all() {
        return List.of(
                decisionIsPure(),
                onnxRuntimeOnlyInScoring(),
                contractIsPure(),
                trainerAndDetectorShareOnlyContract(),
                detectorDoesNotUseTrainer(),
                nnStandsAlone(),
                sharedBuildingBlocksStandAlone(),
                stagesDependOnlyOnEarlierStages(),
                stagesAreFreeOfTheProcessorApi(),
                eventsAreALeaf(),
                noSystemOutsideCli(),
                noCyclesBetweenPackages());
    }

    static ArchRule decisionIsPure() {
        return noClasses()
                .that()
                .resideInAPackage("..detector.decision..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..", "ai.onnxruntime..")
                .because("decision logic is pure and unit-tested without Kafka or ONNX Runtime");
    }

    static ArchRule onnxRuntimeOnlyInScoring() {
        return noClasses()
                .that()
                .resideOutsideOfPackages("..detector.scoring..", "..detector.models..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("ai.onnxruntime..")
                .because("ai.onnxruntime appears only where models are loaded and validated, and in inference");
    }

    static ArchRule contractIsPure() {
        return noClasses()
                .that()
                .resideInAPackage("..contract..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..", "ai.onnxruntime..", "..detector..", "..trainer..", "..nn..")
                .because("the contract is what detector and trainer share; it depends on neither");
    }

    static ArchRule trainerAndDetectorShareOnlyContract() {
        return noClasses()
                .that()
                .resideInAnyPackage("..trainer..", "..nn..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..detector..")
                .because("trainer and detector share only the contract");
    }

    static ArchRule detectorDoesNotUseTrainer() {
        return noClasses()
                .that()
                .resideInAPackage("..detector..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..trainer..", "..nn..")
                .because("trainer and detector share only the contract");
    }

    static ArchRule nnStandsAlone() {
        return noClasses()
                .that()
                .resideInAPackage("dev.vigil.nn..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.vigil.trainer..", "dev.vigil.detector..", "dev.vigil.ops..", "org.apache.kafka..")
                .because("the network core knows nothing of Kafka or the services built on it");
    }

    static ArchRule sharedBuildingBlocksStandAlone() {
        return CompositeArchRule.of(standsAlone("dev.vigil.report..")).and(standsAlone("dev.vigil.dataset.."));
    }

    private static ArchRule standsAlone(String packages) {
        return noClasses()
                .that()
                .resideInAPackage(packages)
                .should()
                .dependOnClassesThat(resideInAPackage("dev.vigil..").and(resideOutsideOfPackage(packages)))
                .because("reports and dataset files serve training and evaluation alike; they depend on neither");
    }

    static ArchRule stagesDependOnlyOnEarlierStages() {
        ArchRule rule = null;
        for (int i = 0; i < STAGES.length - 1; i++) {
            String[] later = laterStages(i);
            ArchRule stageRule = noClasses()
                    .that()
                    .resideInAPackage("..detector." + STAGES[i] + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(later)
                    .because("stage " + STAGES[i] + " may depend only on earlier stages and the contract");
            rule = rule == null
                    ? stageRule
                    : com.tngtech.archunit.lang.CompositeArchRule.of(rule).and(stageRule);
        }
        return rule;
    }

    private static String[] laterStages(int stage) {
        String[] later = new String[STAGES.length - stage - 1];
        for (int j = stage + 1; j < STAGES.length; j++) {
            later[j - stage - 1] = "..detector." + STAGES[j] + "..";
        }
        return later;
    }

    static ArchRule noSystemOutsideCli() {
        return noClasses()
                .that()
                .resideOutsideOfPackages("..cli..")
                .should()
                .accessField(System.class, "out")
                .because("only the CLI prints to standard output; everything else logs through SLF4J");
    }

    static ArchRule stagesAreFreeOfTheProcessorApi() {
        return noClasses()
                .that()
                .resideInAnyPackage(stagePackages())
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.apache.kafka.streams.processor..", "..detector.topology..", "..detector.config..")
                .because("the stages are plain code; detector.topology wraps them in Kafka Streams processors");
    }

    static ArchRule eventsAreALeaf() {
        return classes()
                .that()
                .resideInAPackage("..detector.events..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.vigil.detector.events..", "dev.vigil.contract..")
                .because("every part of the detector reports through the events; they depend on none of it");
    }

    /** No cycles between any two packages, at every depth ({@code detector.ingest} and {@code detector.topology} too). */
    static ArchRule noCyclesBetweenPackages() {
        return slices().matching("dev.vigil.(**)").should().beFreeOfCycles();
    }

    private static String[] stagePackages() {
        String[] packages = new String[STAGES.length];
        for (int i = 0; i < STAGES.length; i++) {
            packages[i] = "..detector." + STAGES[i] + "..";
        }
        return packages;
    }
}
