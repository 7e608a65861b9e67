package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlRoomCommandTest {

    @Test
    void helpListsUsageAndExitsZero() {
        CliHarness.Result r = CliHarness.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: control-room");
    }

    @Test
    void versionNamesTheProduct() {
        CliHarness.Result r = CliHarness.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Control Room");
    }

    @Test
    void unknownCommandIsOneLineAndExitCodeTwo() {
        CliHarness.Result r = CliHarness.run("frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("frobnicate");
    }
}
