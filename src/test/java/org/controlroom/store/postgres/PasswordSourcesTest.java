package org.controlroom.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.controlroom.store.StoreException;
import org.controlroom.store.testing.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;

/** The real test server is reached with the password from a .pgpass file, and a wrong one is refused in words. */
class PasswordSourcesTest {

    @Test
    void aPgpassFileOpensTheServerAndAWrongPasswordIsRefusedInWords() throws Exception {
        try (Backend.Postgres pg = (Backend.Postgres) Backend.Kind.POSTGRESQL.fresh()) {
            check(pg);
        }
    }

    private static void check(Backend.Postgres pg) throws Exception {
        Backend b = pg;
        String password = System.getenv("PGPASSWORD");
        Assumptions.assumeTrue(password != null, "the test server's password comes in PGPASSWORD");
        var server = pg.location();
        Path home = pg.folder().resolve("home");
        Files.createDirectories(home);
        Path pgpass = home.resolve(".pgpass");
        Files.write(pgpass, List.of("# the school's server", "otherhost:*:*:*:nope",
                server.host() + ":" + server.port() + ":" + server.database() + ":" + server.user() + ":"
                        + password.replace("\\", "\\\\").replace(":", "\\:")));
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        try (PostgresStore store = PostgresStore.open(server, Duration.ofSeconds(5), Backend.CLOCK, Map.of(), home, "Linux")) {
            assertThat(store.learners().add("Ana").name()).isEqualTo("Ana");
        }
        assertThatThrownBy(() -> PostgresStore.open(server, Duration.ofSeconds(5), Backend.CLOCK,
                Map.of("PGPASSWORD", password + "-wrong"), home, "Linux"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("refused the password of the role '" + server.user() + "'")
                .hasMessageContaining("PGPASSWORD").hasMessageNotContaining(password + "-wrong");
        assertThat(b.count("SELECT COUNT(*) FROM learners")).isEqualTo(1);
    }
}
