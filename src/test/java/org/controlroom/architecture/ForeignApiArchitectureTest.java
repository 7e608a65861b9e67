package org.controlroom.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.controlroom.dsp.planted.OtherCycleHalf;
import org.controlroom.lesson.planted.PlantedViolations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each foreign API stays in its package (DESIGN.md "Architecture"), and packages have no cycles. Every
 * rule is checked on the product, and shown to fail on a class planted (in the tests) to break it.
 */
class ForeignApiArchitectureTest {

    private static JavaClasses product;

    @BeforeAll
    static void importMainClasses() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.controlroom");
    }

    static final ArchRule SQL_ONLY_IN_STORE = noClasses().that().resideOutsideOfPackage("org.controlroom.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.postgresql..")
            .because("SQL lives behind the repository interfaces in store");

    static final ArchRule YAML_ONLY_IN_SCRIPTS = noClasses().that().resideOutsideOfPackage("org.controlroom.lesson.script..")
            .should().dependOnClassesThat().resideInAPackage("org.yaml..")
            .because("scripts and plans are read (safely) in lesson.script alone");

    static final ArchRule SOUND_ONLY_IN_PLAYER_AND_DECODERS = noClasses().that()
            .resideOutsideOfPackages("org.controlroom.dsp.play..", "org.controlroom.dsp.io..")
            .should().dependOnClassesThat().resideInAPackage("javax.sound..")
            .because("the sound device is dsp.play's, file decoding dsp.io's");

    static final ArchRule SWING_ONLY_IN_UI = noClasses().that().resideOutsideOfPackage("org.controlroom.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "java.awt..", "com.formdev..")
            .because("everything below the window runs headless");

    static final ArchRule STANDARD_STREAMS_ONLY_IN_CLI = noClasses().that()
            .resideOutsideOfPackages("org.controlroom.cli..", "org.controlroom.app..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.name("printStackTrace")))
            .because("library code reports through return values and exceptions; the command line prints");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.controlroom.(**)").should().beFreeOfCycles();

    @Test
    void theProductKeepsEveryRule() {
        SQL_ONLY_IN_STORE.check(product);
        YAML_ONLY_IN_SCRIPTS.check(product);
        SOUND_ONLY_IN_PLAYER_AND_DECODERS.check(product);
        SWING_ONLY_IN_UI.check(product);
        STANDARD_STREAMS_ONLY_IN_CLI.check(product);
        NO_PACKAGE_CYCLES.check(product);
    }

    private static JavaClasses planted(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }

    @Test
    void sqlOutsideStoreIsCaught() {
        assertThatThrownBy(() -> SQL_ONLY_IN_STORE.check(planted(PlantedViolations.UsesSql.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("UsesSql");
    }

    @Test
    void yamlOutsideScriptsIsCaught() {
        assertThatThrownBy(() -> YAML_ONLY_IN_SCRIPTS.check(planted(PlantedViolations.UsesYaml.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("UsesYaml");
    }

    @Test
    void soundOutsideThePlayerIsCaught() {
        assertThatThrownBy(() -> SOUND_ONLY_IN_PLAYER_AND_DECODERS.check(planted(PlantedViolations.UsesSound.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("UsesSound");
    }

    @Test
    void swingOutsideTheWindowIsCaught() {
        assertThatThrownBy(() -> SWING_ONLY_IN_UI.check(planted(PlantedViolations.UsesSwing.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("UsesSwing");
    }

    @Test
    void standardStreamsAndStackTracesOutsideTheCommandLineAreCaught() {
        for (Class<?> c : new Class<?>[] {PlantedViolations.PrintsToStandardOutput.class,
                PlantedViolations.PrintsToStandardError.class, PlantedViolations.PrintsAStackTrace.class}) {
            assertThatThrownBy(() -> STANDARD_STREAMS_ONLY_IN_CLI.check(planted(c)))
                    .isInstanceOf(AssertionError.class).hasMessageContaining(c.getSimpleName());
        }
    }

    @Test
    void aPackageCycleIsCaught() {
        assertThatThrownBy(() -> NO_PACKAGE_CYCLES.check(planted(PlantedViolations.CycleHalf.class, OtherCycleHalf.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle");
    }
}
