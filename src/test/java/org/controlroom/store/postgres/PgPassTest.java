package org.controlroom.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.controlroom.store.StoreException;
import org.controlroom.store.StoreLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The password is found as PostgreSQL's own tools find it (libpq's documented .pgpass rules). */
class PgPassTest {

    @TempDir
    Path dir;

    private static final StoreLocation.Server SERVER = new StoreLocation.Server("db.school", 5432, "cr", "ana", Map.of(),
            Path.of("/tmp"));

    private Path pgpass(String name, String... lines) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, List.of(lines));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    @Test
    void theFirstMatchingLineWinsWithWildcardsAndEscapes() {
        List<String> lines = List.of("# a comment: db.school:5432:cr:ana:commented",
                "", "other:5432:cr:ana:wrong-host", "db.school:5433:cr:ana:wrong-port",
                "db.school:5432:*:ana:pa\\:ss\\\\word:with:colons", "*:*:*:*:fallback");
        assertThat(PgPass.match(lines, "db.school", 5432, "cr", "ana")).contains("pa:ss\\word:with:colons");
        assertThat(PgPass.match(lines, "elsewhere", 1, "x", "y")).contains("fallback");
        assertThat(PgPass.match(List.of("db.school:5432:cr:ana"), "db.school", 5432, "cr", "ana"))
                .as("a line without a password field").isEmpty();
        assertThat(PgPass.match(List.of("db.school:5432:\\*:ana:literal-star"), "db.school", 5432, "cr", "ana"))
                .as("an escaped star is a star, not a wildcard").isEmpty();
        assertThat(PgPass.match(List.of("db\\:x:5432:cr:ana:escaped-host"), "db:x", 5432, "cr", "ana"))
                .contains("escaped-host");
    }

    @Test
    void pgpasswordThenPgpassfileThenTheHomeFile() throws Exception {
        Path named = pgpass("named", "*:*:*:ana:from-pgpassfile");
        pgpass(".pgpass", "*:*:*:ana:from-home");
        assertThat(PgPass.lookup(SERVER, Map.of("PGPASSWORD", "from-env", "PGPASSFILE", named.toString()), dir, "Linux"))
                .isEqualTo(new PgPass.Found(Optional.of("from-env"), "PGPASSWORD"));
        assertThat(PgPass.lookup(SERVER, Map.of("PGPASSFILE", named.toString()), dir, "Linux").password())
                .contains("from-pgpassfile");
        PgPass.Found home = PgPass.lookup(SERVER, Map.of(), dir, "Linux");
        assertThat(home.password()).contains("from-home");
        assertThat(home.source()).contains(dir.resolve(".pgpass").toString()).doesNotContain("from-home");
        assertThat(PgPass.lookup(SERVER, Map.of(), dir.resolve("nobody"), "Linux").password()).isEmpty();
        assertThat(PgPass.passFile(Map.of("APPDATA", "C:/Users/ana/AppData/Roaming"), dir, "Windows 11"))
                .isEqualTo(Path.of("C:/Users/ana/AppData/Roaming", "postgresql", "pgpass.conf"));
    }

    @Test
    void aFileOthersCanReadIsNotUsedAndTheUserIsToldHowToFixIt() throws Exception {
        Path f = pgpass(".pgpass", "*:*:*:ana:secret");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> PgPass.lookup(SERVER, Map.of(), dir, "Linux")).isInstanceOf(StoreException.class)
                .hasMessageContaining("can be read by other users").hasMessageContaining("chmod 600")
                .hasMessageNotContaining("secret");
    }
}
