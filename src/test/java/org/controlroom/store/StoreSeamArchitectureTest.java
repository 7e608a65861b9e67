package org.controlroom.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store seam (DESIGN.md): callers see the repository interfaces in {@code org.controlroom.store}; SQL
 * stays in the store, and SQLite's own API in its implementation, so another database can join without
 * touching a caller.
 */
class StoreSeamArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.controlroom");
    }

    static ArchRule sqlOnlyInTheStore() {
        return noClasses().that().resideOutsideOfPackage("org.controlroom.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .because("no SQL outside the store (DESIGN.md, store seam)");
    }

    static ArchRule sqliteOnlyInItsImplementation() {
        return noClasses().that().resideOutsideOfPackage("org.controlroom.store.sqlite..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sqlite..", "org.controlroom.store.sqlite..")
                .because("SQLite is one implementation behind the store's interfaces");
    }

    static ArchRule theInterfacesKnowNoDatabase() {
        return noClasses().that().resideInAPackage("org.controlroom.store")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.postgresql..",
                        "org.controlroom.store.sqlite..", "org.controlroom.store.postgres..", "org.controlroom.store.jdbc..")
                .because("the repository interfaces are the same for every database");
    }

    static ArchRule postgresOnlyInItsImplementation() {
        return noClasses().that().resideOutsideOfPackage("org.controlroom.store.postgres..")
                .should().dependOnClassesThat().resideInAnyPackage("org.postgresql..", "org.controlroom.store.postgres..")
                .because("PostgreSQL is one implementation behind the store's interfaces");
    }

    static ArchRule theSharedSqlNamesNoDriver() {
        return noClasses().that().resideInAPackage("org.controlroom.store.jdbc..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sqlite..", "org.postgresql..",
                        "org.controlroom.store.sqlite..", "org.controlroom.store.postgres..")
                .because("the shared repositories run on every database; what differs is in Dialect");
    }

    @Test
    void postgresIsReachedOnlyThroughTheInterfaces() {
        postgresOnlyInItsImplementation().check(main);
    }

    @Test
    void theSharedRepositoriesKnowNoDriver() {
        theSharedSqlNamesNoDriver().check(main);
    }

    @Test
    void noSqlOutsideTheStore() {
        sqlOnlyInTheStore().check(main);
    }

    @Test
    void sqliteIsReachedOnlyThroughTheInterfaces() {
        sqliteOnlyInItsImplementation().check(main);
    }

    @Test
    void theRepositoryInterfacesNameNoDatabase() {
        theInterfacesKnowNoDatabase().check(main);
    }

    /** A caller that opens SQLite itself, as a planted violation. */
    static final class PlantedCaller {
        Object open() throws java.sql.SQLException {
            return java.sql.DriverManager.getConnection("jdbc:sqlite::memory:");
        }
    }

    @Test
    void eachRuleFailsOnAPlantedViolation() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedCaller.class,
                org.controlroom.store.sqlite.SqliteStore.class);
        // PlantedCaller lives in org.controlroom.store: the interfaces' package
        assertThatThrownBy(() -> theInterfacesKnowNoDatabase().check(planted)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedCaller");
        assertThatThrownBy(() -> sqliteOnlyInItsImplementation().check(new ClassFileImporter()
                .importClasses(PlantedSqliteUser.class))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedSqliteUser");
        assertThatThrownBy(() -> postgresOnlyInItsImplementation().check(new ClassFileImporter()
                .importClasses(PlantedPostgresUser.class))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedPostgresUser");
    }

    /** Uses the SQLite implementation directly from the interfaces' package. */
    static final class PlantedSqliteUser {
        Object open() {
            return org.controlroom.store.sqlite.SqliteStore.class;
        }
    }

    /** Uses the PostgreSQL implementation directly from the interfaces' package. */
    static final class PlantedPostgresUser {
        Object open() {
            return org.controlroom.store.postgres.PostgresStore.class;
        }
    }
}
