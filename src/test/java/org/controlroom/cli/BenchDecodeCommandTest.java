package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class BenchDecodeCommandTest {

    @Test
    void benchDecodePrintsRealtimeFactorPerFile() throws Exception {
        Path flac = Path.of(getClass().getResource("/org/controlroom/dsp/io/formats/music.flac").toURI());
        Path mp3 = Path.of(getClass().getResource("/org/controlroom/dsp/io/formats/music.mp3").toURI());
        CliHarness.Result r = CliHarness.run("bench", "decode", flac.toString(), mp3.toString(), "--runs", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("resample to 48000 Hz", "FLAC, 44100 Hz, stereo, 16-bit, 3.0 s",
                "MP3, 44100 Hz, stereo, 3.0 s").containsPattern("\\d+ x realtime");
    }

    @Test
    void benchDecodeRefusesAMissingFileInOneLine() {
        CliHarness.Result r = CliHarness.run("bench", "decode", "no-such.flac");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("control-room: no-such.flac: file not found; check the name and folder");
    }
}
