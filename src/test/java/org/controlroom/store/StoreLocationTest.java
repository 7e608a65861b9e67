package org.controlroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** {@code --db} and {@code CONTROL_ROOM_DB}: a file path or a classroom server's URL, never with a password. */
class StoreLocationTest {

    private static final Path HOME = Path.of("/home/ana");
    private static final Path DATA = Path.of("/home/ana/.local/share/control-room");

    private static StoreLocation parse(String s) {
        return StoreLocation.parse(s, "ana", DATA);
    }

    @Test
    void aServerUrlIsReadIntoItsParts() {
        assertThat(parse("postgresql://cr@db.school.example:6543/classroom")).isEqualTo(
                new StoreLocation.Server("db.school.example", 6543, "classroom", "cr", Map.of(), DATA));
        assertThat(parse("postgres://teacher%40school@localhost/cr?sslmode=require")).isEqualTo(
                new StoreLocation.Server("localhost", 5432, "cr", "teacher@school", Map.of("sslmode", "require"), DATA));
        assertThat(parse("postgresql://[::1]:5433/cr")).isEqualTo(
                new StoreLocation.Server("::1", 5433, "cr", "ana", Map.of(), DATA));
        assertThat(parse("postgresql://cr@localhost")).as("the database defaults to the role's name, as psql's does")
                .isEqualTo(new StoreLocation.Server("localhost", 5432, "cr", "cr", Map.of(), DATA));
        assertThat(((StoreLocation.Server) parse("postgresql://cr@h:1/d?currentSchema=class_7b")).url())
                .isEqualTo("postgresql://cr@h:1/d?currentSchema=class_7b");
    }

    @Test
    void aUrlWithAPasswordIsRefusedSayingWhereThePasswordGoes() {
        assertThatThrownBy(() -> parse("postgresql://cr:s3cret@localhost:5432/cr")).isInstanceOf(StoreException.class)
                .hasMessageContaining("has a password in it").hasMessageContaining("PGPASSWORD")
                .hasMessageContaining(".pgpass").hasMessageContaining("postgresql://cr@").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> parse("postgresql://cr@localhost/cr?password=s3cret"))
                .hasMessageContaining("PGPASSWORD").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> parse("postgresql://cr@localhost:99999/cr")).hasMessageContaining("port");
    }

    @Test
    void aPathIsAFileAndTheEnvironmentIsReadWhenNoOptionIsGiven() {
        assertThat(DataLocation.locate(Optional.of("/tmp/x.db"), Map.of(), "Linux", HOME, "ana"))
                .isEqualTo(new StoreLocation.File(Path.of("/tmp/x.db")));
        assertThat(DataLocation.locate(Optional.empty(), Map.of(DataLocation.ENV, "postgresql://cr@srv/cr"), "Linux", HOME,
                "ana")).isEqualTo(new StoreLocation.Server("srv", 5432, "cr", "cr", Map.of(), DATA));
        assertThat(DataLocation.locate(Optional.of("postgresql://cr@srv/cr"), Map.of(DataLocation.ENV, "/tmp/y.db"),
                "Windows 11", HOME, "ana")).as("--db wins; the outbox lives in the usual data folder").isEqualTo(
                new StoreLocation.Server("srv", 5432, "cr", "cr", Map.of(),
                        HOME.resolve("AppData").resolve("Roaming").resolve("Control Room")));
        assertThat(DataLocation.locate(Optional.empty(), Map.of(), "Linux", HOME, "ana"))
                .isEqualTo(new StoreLocation.File(DATA.resolve("control-room.db")));
    }
}
