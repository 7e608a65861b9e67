package org.controlroom.lesson.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A song manifest with a mistake is refused with file:line:column and what is wrong. */
class SongManifestProblemsTest {

    @TempDir
    Path dir;
    private Path song;

    private static final List<String> GOOD = List.of(
            "id: tiny",                                                                   // 1
            "title: \"Tiny\"",                                                             // 2
            "style: \"test\"",                                                             // 3
            "tempo_bpm: 120",                                                              // 4
            "key: \"C major\"",                                                            // 5
            "metre: 4/4",                                                                  // 6
            "sample_rate: 44100",                                                          // 7
            "reference_mix: mix.ogg",                                                      // 8
            "balance_reference: vocal",                                                    // 9
            "sections:",                                                                   // 10
            "  - {id: intro, name: Intro, start_bar: 0, bars: 1, energy: 0.2}",            // 11
            "  - {id: chorus, name: Chorus, start_bar: 1, bars: 1, energy: 0.9}",          // 12
            "stems:",                                                                      // 13
            "  - {name: vocal, role: lead-vocal, file: vocal.ogg, balance_db: 0, source: x}", // 14
            "  - {name: bass, role: bass, file: vocal.ogg, balance_db: -4, source: x}",      // 15
            "melody:",                                                                     // 16
            "  stem: vocal",                                                               // 17
            "  notes:",                                                                    // 18
            "    - {onset_s: 0.5, seconds: 0.5, midi: 69, note: A4}",                      // 19
            "    - {onset_s: 1.5, seconds: 0.5, midi: 61, note: C#4}",                     // 20
            "licence:",                                                                    // 21
            "  audio: CC0-1.0");                                                           // 22

    @BeforeEach
    void folder() throws Exception {
        Path src = Path.of(getClass().getResource("/org/controlroom/dsp/io/formats/music.ogg").toURI());
        song = Files.createDirectories(dir.resolve("tiny"));
        Files.copy(src, song.resolve("mix.ogg"));
        Files.copy(src, song.resolve("vocal.ogg"));
    }

    private Path write(List<String> lines) throws Exception {
        return Files.write(song.resolve("song.yaml"), lines);
    }

    private static List<String> set(List<String> lines, int line, String text) {
        List<String> out = new java.util.ArrayList<>(lines);
        out.set(line - 1, text);
        return out;
    }

    @Test
    void aGoodManifestLoads() throws Exception {
        Song s = SongLoader.load(write(GOOD));
        assertThat(s.barSeconds()).isEqualTo(2.0);
        assertThat(s.startSeconds(s.section("chorus").orElseThrow())).isEqualTo(2.0);
        assertThat(s.melody()).extracting(MelodyNote::midi).containsExactly(69, 61);
        assertThat(s.melody().get(0).hz(440)).isEqualTo(440.0);
        assertThat(SongLoader.loadAll(dir).songs()).hasSize(1);
    }

    @Test
    void mistakesAreReportedWhereTheyAre() throws Exception {
        check(set(GOOD, 12, "  - {id: chorus, name: Chorus, start_bar: 2, bars: 1, energy: 0.9}"), 12, "2, bars",
                "start_bar must be 1");
        check(set(GOOD, 15, "  - {name: bass, role: bas, file: vocal.ogg, balance_db: -4, source: x}"), 15, "bas,",
                "unknown stems[2].role 'bas'; did you mean 'bass'?");
        check(set(GOOD, 15, "  - {name: bass, role: bass, file: ../vocal.ogg, balance_db: -4, source: x}"), 15, "../vocal",
                "no absolute path, no '..'");
        check(set(GOOD, 15, "  - {name: bass, role: bass, file: missing.ogg, balance_db: -4, source: x}"), 15, "missing.ogg",
                "'missing.ogg' not found");
        check(set(GOOD, 20, "    - {onset_s: 1.5, seconds: 0.5, midi: 61, note: D4}"), 20, "D4}",
                "'D4' does not match midi 61 (C#4)");
        check(set(GOOD, 20, "    - {onset_s: 0.1, seconds: 0.5, midi: 61, note: C#4}"), 20, "0.1",
                "must not be before the previous note");
        check(set(GOOD, 6, "metre: four"), 6, "four", "metre must look like 4/4");
        check(set(GOOD, 9, "balance_reference: vocals"), 9, "vocals", "'vocals' is not one of the stems; did you mean 'vocal'?");
        check(set(GOOD, 22, "  artist: me"), 22, "artist", "licence needs an 'audio' entry");
        check(set(GOOD, 4, "tempo_bpm: fast"), 4, "fast", "tempo_bpm must be a number");
        check(set(GOOD, 3, "stile: \"test\""), 3, "stile", "unknown field 'stile' at the top level; did you mean 'style'?");
    }

    /** The problem is at {@code line}, at the column where {@code token} starts on it. */
    private void check(List<String> lines, int line, String token, String message) throws Exception {
        int column = lines.get(line - 1).indexOf(token) + 1;
        assertThat(column).as("token %s on line %d", token, line).isPositive();
        Path file = write(lines);
        assertThatThrownBy(() -> SongLoader.load(file)).isInstanceOf(ScriptException.class)
                .satisfies(e -> assertThat(((ScriptException) e).problems()).as("%s", ((ScriptException) e).problems())
                        .anySatisfy(p -> {
                            assertThat(p.toString()).contains(message);
                            assertThat(p.line()).isEqualTo(line);
                            assertThat(p.column()).isEqualTo(column);
                        }));
    }
}
