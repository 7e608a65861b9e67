package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A database URL with a password on the command line is refused before anything connects. */
class ServerUrlCommandLineTest {

    @Test
    void aPasswordInTheDbUrlIsRefusedWithoutEchoingIt() {
        CliHarness.Result r = CliHarness.run("learner", "list", "--db", "postgresql://cr:s3cret@localhost:1/cr");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("has a password in it").contains("PGPASSWORD").contains(".pgpass")
                .doesNotContain("s3cret").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnreachableServerIsOneLineSayingSo() {
        CliHarness.Result r = CliHarness.run("learner", "list", "--db", "postgresql://cr@127.0.0.1:1/cr");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip()).contains("the classroom server postgresql://cr@127.0.0.1:1/cr is unreachable")
                .doesNotContain("\n").doesNotContain("Exception");
    }
}
