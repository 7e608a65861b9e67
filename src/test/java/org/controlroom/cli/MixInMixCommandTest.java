package org.controlroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.AudioFiles;
import org.controlroom.dsp.meter.LoudnessMeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mix LESSON --plan PLAN --out FILE.wav --in-mix}: a takes lesson's comp over its song's other
 * stems; without the flag the comp alone; a lesson that cannot be heard in the mix is bad usage.
 */
class MixInMixCommandTest {
    @TempDir
    Path dir;

    private final Path root = Path.of(System.getProperty("controlroom.project.dir", "."));

    @Test
    void inMixRendersTheCompOverTheBackingAndWithoutItTheCompAlone() throws Exception {
        String plan = root.resolve("src/test/resources/takes-solutions/takes-comp-the-verse.yaml").toString();
        Path solo = dir.resolve("solo.wav");
        Path mixed = dir.resolve("mixed.wav");
        CliHarness.Result a = CliHarness.run("mix", "takes-comp-the-verse", "--plan", plan, "--out", solo.toString(),
                "--lessons", root.resolve("lessons").toString(), "--db", dir.resolve("cr.db").toString());
        assertThat(a.exitCode()).as(a.err()).isZero();
        CliHarness.Result b = CliHarness.run("mix", "takes-comp-the-verse", "--plan", plan, "--out", mixed.toString(),
                "--in-mix", "--lessons", root.resolve("lessons").toString(), "--db", dir.resolve("cr.db").toString());
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(b.err()).contains("decoding the backing: kick (1 of 7 stems)");
        AudioClip s = AudioFiles.read(solo);
        AudioClip m = AudioFiles.read(mixed);
        assertThat(m.frames()).isEqualTo(s.frames());
        float[] backing = new float[s.samples().length];
        for (int i = 0; i < backing.length; i++) {
            backing[i] = m.samples()[i] - s.samples()[i];
        }
        double takeLufs = LoudnessMeter.integratedLufs(s);
        double backingLufs = LoudnessMeter.integratedLufs(new AudioClip(s.sampleRate(), 2, backing));
        assertThat(backingLufs - takeLufs).as("the backing's loudness against the comp, LU").isBetween(-6.0, 6.0);
        // and it is the song's backing for this phrase, as the takes screen plays it
        org.controlroom.lesson.script.Lesson lesson = new org.controlroom.lesson.script.LessonLoader()
                .load(root.resolve("lessons"), root.resolve("audio-assets")).lesson("takes-comp-the-verse").orElseThrow();
        org.controlroom.lesson.session.TakesSession session = new org.controlroom.lesson.session.TakesSession(lesson,
                java.time.Clock.systemUTC());
        float[] expected = session.loadBacking(s.sampleRate(), org.controlroom.lesson.session.TakesBacking.Progress.NONE)
                .phrase("verse").orElseThrow().samples();
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int i = 0; i < Math.min(expected.length, backing.length); i++) {
            xy += (double) expected[i] * backing[i];
            xx += (double) expected[i] * expected[i];
            yy += (double) backing[i] * backing[i];
        }
        assertThat(xy / Math.sqrt(xx * yy)).as("correlation of the file's backing with the song's").isGreaterThan(0.99);
    }

    @Test
    void inMixOnALessonWithoutASongOrOfAnotherKindIsBadUsage() throws Exception {
        String lessons = root.resolve("lessons").toString();
        CliHarness.Result noSong = CliHarness.run("mix", "takes-tutor-set", "--out", dir.resolve("x.wav").toString(),
                "--in-mix", "--lessons", lessons, "--db", dir.resolve("cr.db").toString());
        assertThat(noSong.exitCode()).isEqualTo(2);
        assertThat(noSong.err()).contains("cannot be heard in the mix").contains("no song");
        CliHarness.Result mixLesson = CliHarness.run("mix", "mix-clear-the-mud", "--out", dir.resolve("y.wav").toString(),
                "--in-mix", "--lessons", lessons, "--db", dir.resolve("cr.db").toString());
        assertThat(mixLesson.exitCode()).isEqualTo(2);
        assertThat(mixLesson.err()).contains("--in-mix").contains("a mix lesson");
        assertThat(Files.exists(dir.resolve("y.wav"))).isFalse();
    }
}
