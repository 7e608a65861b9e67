package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SongsCommandsTest {

    private static final Path SONGS = Path.of(System.getProperty("controlroom.project.dir", "."))
            .resolve("audio-assets/songs");

    @Test
    void validateAcceptsTheShippedSongs() {
        CliHarness.Result r = CliHarness.run("songs", "validate", SONGS.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("4 songs valid");
    }

    @Test
    void listPrintsEverySongAsJson() throws Exception {
        CliHarness.Result r = CliHarness.run("songs", "list", SONGS.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode songs = new ObjectMapper().readTree(r.out());
        assertThat(songs).hasSize(4);
        for (JsonNode s : songs) {
            assertThat(s.get("seconds").asDouble()).isBetween(90.0, 150.0);
            assertThat(s.get("stems").size()).isGreaterThanOrEqualTo(7);
        }
        assertThat(CliHarness.run("songs", "list", SONGS.toString()).out()).contains("paper-lanterns", "pop", "112");
    }

    @Test
    void validateReportsABrokenManifestAtItsLineAndColumn(@TempDir Path dir) throws Exception {
        Path song = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(song.resolve("song.yaml"), "id: broken\ntitle: Broken\ntempo_bpm: 500\n");
        CliHarness.Result r = CliHarness.run("songs", "validate", dir.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains(song.resolve("song.yaml") + ":3:12: tempo_bpm must be");
        assertThat(r.out().strip()).startsWith("0 songs valid; ");
        assertThat(CliHarness.run("songs", "validate", dir.resolve("nowhere").toString()).exitCode()).isEqualTo(2);
    }
}
