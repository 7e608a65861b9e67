package org.controlroom.lesson.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.WavSampleFormat;
import org.controlroom.dsp.io.WavWriter;
import org.controlroom.dsp.meter.LoudnessAnalyzer;
import org.controlroom.lesson.run.AttemptListener;
import org.controlroom.lesson.run.DrillAudio;
import org.controlroom.lesson.run.DrillQuestion;
import org.controlroom.lesson.run.Feedback;
import org.controlroom.lesson.run.LessonRunner;
import org.controlroom.lesson.run.Response;
import org.controlroom.lesson.script.DrillExercise;
import org.controlroom.lesson.script.DrillSection;
import org.controlroom.lesson.script.GeneratorSource;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonKind;
import org.controlroom.lesson.script.Scoring;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "My music" on a folder holding a good file, a damaged one and a silent one, plus one that moved. */
class MyMusicTest {

    private static final int RATE = 44100;

    @TempDir
    Path dir;
    private Path good;
    private Path damaged;
    private Path silent;

    /** 80 s of a chord at about -12 dBFS RMS, silent from 40 s to 45 s. */
    private static AudioClip music() {
        int frames = 80 * RATE;
        float[] s = new float[frames * 2];
        for (int f = 0; f < frames; f++) {
            double t = f / (double) RATE;
            double v = t >= 40 && t < 45 ? 0 : 0.2 * (Math.sin(2 * Math.PI * 220 * t) + Math.sin(2 * Math.PI * 277.2 * t)
                    + Math.sin(2 * Math.PI * 329.6 * t)) * (0.75 + 0.25 * Math.sin(2 * Math.PI * 0.5 * t));
            s[2 * f] = (float) v;
            s[2 * f + 1] = (float) v;
        }
        return new AudioClip(RATE, 2, s);
    }

    @BeforeEach
    void folder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("music"));
        good = folder.resolve("a-good-song.wav");
        WavWriter.write(good, music(), WavSampleFormat.PCM_16);
        damaged = folder.resolve("b-damaged.flac");
        byte[] head = Files.readAllBytes(good);
        Files.write(damaged, java.util.Arrays.copyOf("fLaC".getBytes(), 4000)); // a FLAC header and then nothing
        silent = folder.resolve("c-silent.wav");
        WavWriter.write(silent, AudioClip.silence(RATE, 2, 60 * RATE), WavSampleFormat.PCM_16);
        Files.writeString(folder.resolve("notes.txt"), "not music; not listed");
        assertThat(head.length).isGreaterThan(1000);
    }

    private static Lesson drill(boolean myMusic) {
        DrillSection d = new DrillSection(DrillExercise.LEVEL, new GeneratorSource("pink-noise"), 4, 4,
                List.of(-6.0, -3.0, 3.0, 6.0), 0, 1.4, Optional.empty(), -24, 0, 2, 8, 0, Optional.empty(), myMusic);
        return new Lesson("level-on-my-music", "Level on my music", LessonKind.DRILL, "runner", "brief", 20, d,
                new Scoring(70, new java.util.LinkedHashMap<>(Map.of("accuracy", 1.0))), Path.of("x.yaml"));
    }

    @Test
    void aFolderListsEachAudioFileWithItsStatus() {
        Path moved = dir.resolve("gone/old-song.mp3");
        List<MusicEntry> entries = MyMusic.scan(List.of(dir.resolve("music"), moved));
        Map<String, MusicStatus> status = entries.stream().collect(Collectors.toMap(
                e -> e.file().getFileName().toString(), MusicEntry::status));
        assertThat(status).containsExactlyInAnyOrderEntriesOf(Map.of(
                "a-good-song.wav", MusicStatus.OK,
                "b-damaged.flac", MusicStatus.DAMAGED,
                "c-silent.wav", MusicStatus.SILENT,
                "old-song.mp3", MusicStatus.MOVED));
        MusicEntry ok = entries.stream().filter(MusicEntry::usable).findFirst().orElseThrow();
        assertThat(ok.seconds()).isCloseTo(80, within(0.01));
        assertThat(entries).allSatisfy(e -> assertThat(e.detail()).isNotBlank().doesNotContain("\n"));
    }

    @Test
    void excerptsAreSeededNormalisedAndAvoidSilenceAndTheEdges() {
        List<MusicEntry> entries = MyMusic.scan(List.of(dir.resolve("music")));
        for (long seed = 1; seed <= 12; seed++) {
            MusicExcerpt x = ExcerptPicker.pick(entries, seed, 30).orElseThrow();
            assertThat(x.file()).isEqualTo(good.toAbsolutePath().normalize());
            // 30 s that keep out of the first and last 5 s and of the silence at 40-45 s: start 5..10 or 45
            assertThat(x.startSeconds()).satisfiesAnyOf(
                    t -> assertThat(t).isBetween(5.0, 10.0),
                    t -> assertThat(t).isEqualTo(45.0));
            assertThat(x.seconds()).isCloseTo(30, within(0.001));
            assertThat(LoudnessAnalyzer.measure(x.clip()).integratedLufs()).isCloseTo(-23, within(0.1));
            assertThat(ExcerptPicker.pick(entries, seed, 30).orElseThrow().startSeconds()).isEqualTo(x.startSeconds());
        }
        long distinct = java.util.stream.LongStream.rangeClosed(1, 12)
                .mapToDouble(s -> ExcerptPicker.pick(entries, s, 30).orElseThrow().startSeconds()).distinct().count();
        assertThat(distinct).isGreaterThan(3);
    }

    @Test
    void aDrillPlaysHeadlessOnTheFolderWithoutCrashingOnTheBadFiles() throws Exception {
        List<MusicEntry> entries = MyMusic.scan(List.of(dir.resolve("music")));
        MyMusicDrill play = MyMusicDrill.start(org.controlroom.lesson.run.LessonKinds.builtIn(), drill(true), entries, "ana", 42, AttemptListener.NONE, Clock.systemUTC())
                .orElseThrow();
        assertThat(play.excerpt().file().getFileName().toString()).isEqualTo("a-good-song.wav");
        LessonRunner runner = play.runner();
        DrillAudio audio = play.audio();
        var step = runner.begin();
        int answered = 0;
        while (true) {
            DrillQuestion q = step.drillQuestion().orElseThrow();
            assertThat(q.excerptStart() + q.excerptSeconds()).isLessThanOrEqualTo(play.excerpt().seconds() + 1e-9);
            DrillAudio.Pair p = audio.render(q);
            double a = rms(p.a());
            double b = rms(p.b());
            assertThat(a).as("A has sound").isGreaterThan(-40);
            assertThat(b - a).as("B is A changed by the answer").isCloseTo(q.answer(), within(0.1));
            Feedback f = runner.answer(new Response.Value(q.answer()));
            assertThat(f.correct()).contains(true);
            answered++;
            Optional<org.controlroom.lesson.run.Step> next = runner.next();
            if (next.isEmpty()) {
                break;
            }
            step = next.get();
        }
        assertThat(answered).isEqualTo(4);
        assertThat(runner.result()).isPresent();
    }

    @Test
    void withoutUsableMusicOrPermissionTheLessonsOwnSourceIsUsed() throws Exception {
        List<MusicEntry> bad = MyMusic.scan(List.of(damaged, silent, dir.resolve("missing.ogg")));
        assertThat(MyMusicDrill.start(org.controlroom.lesson.run.LessonKinds.builtIn(), drill(true), bad, "ana", 1, AttemptListener.NONE, Clock.systemUTC())).isEmpty();
        List<MusicEntry> entries = MyMusic.scan(List.of(good));
        assertThat(MyMusicDrill.start(org.controlroom.lesson.run.LessonKinds.builtIn(), drill(false), entries, "ana", 1, AttemptListener.NONE, Clock.systemUTC())).isEmpty();
        // a file that was fine when scanned and is damaged now is skipped, not thrown
        Files.write(good, new byte[] {'R', 'I', 'F', 'F', 0, 0});
        assertThat(ExcerptPicker.pick(entries, 3, 30)).isEmpty();
    }

    private static double rms(AudioClip c) {
        double sum = 0;
        float[] s = c.samples();
        for (int i = s.length / 10; i < s.length * 9 / 10; i++) {
            sum += s[i] * (double) s[i];
        }
        return 10 * Math.log10(sum / (s.length * 0.8));
    }
}
