package org.controlroom.lesson.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonsLocationTest {

    @TempDir
    Path dir;

    @Test
    void theLessonsBesideTheJarAreFoundFromAnyFolder() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("control-room"));
        Path jar = Files.createFile(Files.createDirectories(repo.resolve("target")).resolve("control-room.jar"));
        Path elsewhere = Files.createDirectories(dir.resolve("home/ana"));
        assertThat(LessonsLocation.candidates(elsewhere, Optional.of(jar))).startsWith(
                elsewhere.resolve("lessons"), repo.resolve("target/lessons"), repo.resolve("lessons"));
    }

    @Test
    void theCurrentFoldersLessonsComeFirst() {
        assertThat(LessonsLocation.candidates(dir, Optional.empty())).containsExactly(dir.resolve("lessons"));
    }

    @Test
    void inThisBuildTheShippedLessonsAreFound() {
        Path root = Path.of(System.getProperty("controlroom.project.dir", ".")).toAbsolutePath().normalize();
        assertThat(LessonsLocation.find()).isEqualTo(root.resolve("lessons"));
    }
}
