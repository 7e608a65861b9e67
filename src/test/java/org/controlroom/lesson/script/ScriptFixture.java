package org.controlroom.lesson.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.WavSampleFormat;
import org.controlroom.dsp.io.WavWriter;

/** Builds a throwaway project folder (lessons/, audio-assets/) for loader tests. */
final class ScriptFixture {
    static final String CAREER = """
            ranks:
              - {id: runner, name: Runner, xp: 0, role: "Makes the tea"}
              - {id: engineer, name: Engineer, xp: 300, role: "Records sessions"}
            """;

    /** A valid drill lesson, one line per element (line numbers are index + 1). */
    static List<String> drillLines() {
        return new ArrayList<>(List.of(
                "id: sample-drill",                 // 1
                "title: Sample drill",              // 2
                "kind: drill",                      // 3
                "rank: runner",                     // 4
                "brief: Listen closely.",           // 5
                "drill:",                           // 6
                "  exercise: eq-frequency",         // 7
                "  source: pink-noise",             // 8
                "  questions: 10",                  // 9
                "  choices: [125, 250, 500]",       // 10
                "scoring:",                         // 11
                "  pass_mark: 70",                  // 12
                "  weights: {accuracy: 1.0}"));     // 13
    }

    static String text(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    final Path root;
    final Path lessons;
    final Path assets;

    ScriptFixture(Path root) throws IOException {
        this.root = root;
        this.lessons = Files.createDirectories(root.resolve("lessons"));
        this.assets = Files.createDirectories(root.resolve("audio-assets"));
        Files.writeString(lessons.resolve("career.yaml"), CAREER);
        wav(assets.resolve("loops/drums.wav"));
    }

    Path lesson(String relative, String content) throws IOException {
        Path file = lessons.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    /** A 4-second tone: as long as a drill's default clip_seconds, so it can be any lesson's asset. */
    static Path wav(Path file) throws IOException {
        return wav(file, 8000 * 4, 8000);
    }

    static Path wav(Path file, int frames, int rate) throws IOException {
        Files.createDirectories(file.getParent());
        float[] samples = new float[frames];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / rate));
        }
        WavWriter.write(file, new AudioClip(rate, 1, samples), WavSampleFormat.PCM_16);
        return file;
    }

    LessonCatalog load() {
        return new LessonLoader().load(lessons, assets);
    }
}
