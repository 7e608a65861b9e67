package org.controlroom.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps DESIGN.md's layering true from day one. */
class LayeringArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.controlroom");
    }

    @Test
    void layersDependOnlyDownwards() {
        ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("app").definedBy("org.controlroom.app..")
                .layer("ui").definedBy("org.controlroom.ui..")
                .layer("cli").definedBy("org.controlroom.cli..")
                .layer("tutor").definedBy("org.controlroom.tutor..")
                .layer("lesson").definedBy("org.controlroom.lesson..")
                .layer("store").definedBy("org.controlroom.store..")
                .layer("analysis").definedBy("org.controlroom.analysis..")
                .layer("dsp").definedBy("org.controlroom.dsp..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
                .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
                .whereLayer("tutor").mayOnlyBeAccessedByLayers("app", "ui", "cli")
                .whereLayer("lesson").mayOnlyBeAccessedByLayers("app", "ui", "cli", "tutor")
                .whereLayer("store").mayOnlyBeAccessedByLayers("app", "ui", "cli", "tutor", "lesson")
                .whereLayer("analysis").mayOnlyBeAccessedByLayers("app", "ui", "cli", "tutor", "lesson", "store")
                .whereLayer("dsp").mayOnlyBeAccessedByLayers("app", "ui", "cli", "tutor", "lesson", "store",
                        "analysis");
        rule.check(classes);
    }

    @Test
    void dspKnowsNothingOfSwingSqlOrYaml() {
        noClasses().that().resideInAPackage("org.controlroom.dsp..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javax.swing..", "java.awt..", "java.sql..", "org.sqlite..", "org.yaml..",
                        "com.formdev..", "picocli..")
                .because("the DSP engine is plain audio processing (DESIGN.md)")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void logicAndModelStayFreeOfSwingAndAwt() {
        noClasses().that().resideInAnyPackage("org.controlroom.dsp..", "org.controlroom.analysis..",
                        "org.controlroom.store..", "org.controlroom.lesson..", "org.controlroom.tutor..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "java.awt..",
                        "com.formdev..")
                .because("everything below ui runs headless")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheCommandLineWritesToStandardOutput() {
        noClasses().that().resideOutsideOfPackages("org.controlroom.cli..", "org.controlroom.app..",
                        "org.controlroom.ui..")
                .should().accessField(System.class, "out")
                .because("library code reports through return values and exceptions, the CLI prints")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheCommandLineUsesPicocli() {
        noClasses().that().resideOutsideOfPackages("org.controlroom.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(classes);
    }
}
