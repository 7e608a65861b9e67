package org.controlroom.lesson.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each loaded lesson carries the SHA-256 of its file's bytes: what the store keeps with each attempt. */
class LessonContentHashTest {

    @TempDir
    Path dir;

    private final Path shipped = Path.of(System.getProperty("controlroom.project.dir", "."), "lessons");

    private Lesson load(String name, String text) throws Exception {
        Path lessons = dir.resolve(name);
        Files.createDirectories(lessons);
        Files.copy(shipped.resolve("career.yaml"), lessons.resolve("career.yaml"));
        Files.writeString(lessons.resolve("eq.yaml"), text);
        LessonCatalog c = new LessonLoader().load(lessons, dir.resolve("audio-assets"));
        assertThat(c.problems()).isEmpty();
        return c.lesson("eq-octave-boosts").orElseThrow();
    }

    @Test
    void theHashIsTheSha256OfTheFilesBytes() throws Exception {
        String text = Files.readString(shipped.resolve("ear-training/eq-octave-boosts.yaml"));
        Lesson l = load("a", text);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(dir.resolve("a/eq.yaml"))));
        assertThat(l.contentHash()).isEqualTo(expected).hasSize(64);
    }

    @Test
    void anIdenticalCopyHasTheSameHashAndAnyEditAnother() throws Exception {
        String text = Files.readString(shipped.resolve("ear-training/eq-octave-boosts.yaml"));
        String same = load("a", text).contentHash();
        assertThat(load("b", text).contentHash()).isEqualTo(same);
        assertThat(load("c", text.replace("xp: 20", "xp: 1000")).contentHash()).isNotEqualTo(same);
        assertThat(load("d", text + "# a comment changes nothing it plays, but it is other content\n").contentHash())
                .isNotEqualTo(same);
    }
}
