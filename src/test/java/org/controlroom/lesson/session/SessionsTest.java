package org.controlroom.lesson.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.EqBand;
import org.controlroom.dsp.FilterType;
import org.controlroom.dsp.io.WavReader;
import org.controlroom.dsp.mix.OfflineRenderer;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonFormats;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.script.PlanFile;
import org.controlroom.lesson.script.Take;
import org.controlroom.lesson.script.TakesSection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session edits, undo and redo, plan files, and what the session sounds like. */
class SessionsTest {

    private static LessonCatalog catalog;

    /** A clock the test moves by hand (undo merging is timed). */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        Path root = Path.of(System.getProperty("controlroom.project.dir", "."));
        catalog = new LessonLoader().load(root.resolve("lessons"), root.resolve("audio-assets"));
    }

    private static Lesson lesson(String id) {
        return catalog.lesson(id).orElseThrow();
    }

    @Test
    void aSlowDragHeldAsOneGestureIsOneUndoStepAndTheNextGestureIsAnother() {
        HandClock clock = new HandClock();
        MixSession s = new MixSession(lesson("mix-first-balance"), clock);
        double start = s.track("bass").gainDb();
        s.history().beginGesture();
        for (int i = 1; i <= 5; i++) {          // a slow drag: moves 2 s apart, far beyond the merge window
            s.setGainDb("bass", start - i);
            clock.advance(Duration.ofSeconds(2));
        }
        s.history().endGesture();
        s.history().beginGesture();
        s.setGainDb("bass", start - 20);        // the next drag, at once: a step of its own
        s.history().endGesture();
        clock.advance(Duration.ofSeconds(2));
        s.setGainDb("bass", start - 21);        // no gesture, 2 s later: a step of its own
        assertThat(s.history().undo()).isTrue();
        assertThat(s.track("bass").gainDb()).isEqualTo(start - 20);
        assertThat(s.history().undo()).isTrue();
        assertThat(s.track("bass").gainDb()).isEqualTo(start - 5);
        assertThat(s.history().undo()).isTrue();
        assertThat(s.track("bass").gainDb()).isEqualTo(start);
        assertThat(s.history().canUndo()).isFalse();
    }

    @Test
    void editsUndoAndRedoInOrderAndAFaderDragIsOneStep() {
        HandClock clock = new HandClock();
        MixSession s = new MixSession(lesson("mix-first-balance"), clock);
        List<String> heard = new ArrayList<>();
        // what a screen shows when it hears a change: the undo and redo it can offer now
        s.addListener((session, what) -> heard.add(what + " " + session.history().canUndo() + "/" + session.history().canRedo()));
        double start = s.track("bass").gainDb();
        for (int i = 1; i <= 10; i++) {          // a drag: ten moves 50 ms apart
            s.setGainDb("bass", start - i);
            clock.advance(Duration.ofMillis(50));
        }
        clock.advance(Duration.ofSeconds(5));
        s.setMute("pad", true);
        assertThat(s.history().undoName()).contains("mute pad");
        assertThat(s.history().undo()).isTrue();
        assertThat(s.track("pad").mute()).isFalse();
        assertThat(s.history().undo()).isTrue();   // the whole drag at once
        assertThat(s.track("bass").gainDb()).isEqualTo(start);
        assertThat(s.history().canUndo()).isFalse();
        assertThat(s.history().redo()).isTrue();
        assertThat(s.track("bass").gainDb()).isEqualTo(start - 10);
        assertThat(s.history().redo()).isTrue();
        assertThat(s.track("pad").mute()).isTrue();
        assertThat(s.history().redo()).isFalse();
        assertThat(heard).hasSize(10 + 1 + 2 + 2);
        assertThat(heard.get(11)).isEqualTo("undo mute pad true/true");
        assertThat(heard.get(12)).isEqualTo("undo bass fader false/true");
        assertThat(heard.get(14)).isEqualTo("redo mute pad true/false");
        // a new edit after an undo drops the redo
        s.history().undo();
        s.setSolo("drums", true);
        assertThat(s.history().canRedo()).isFalse();
    }

    @Test
    void editsOutOfRangeAreRefusedAndChangeNothing() {
        MixSession s = new MixSession(lesson("mix-first-balance"), Clock.systemUTC());
        assertThatThrownBy(() -> s.setGainDb("bass", 40)).hasMessageContaining("fader must be -60.0 to 24.0");
        assertThatThrownBy(() -> s.setPan("nobody", 0)).hasMessageContaining("no track 'nobody'");
        assertThatThrownBy(() -> s.setBus("bass", Optional.of("drums"))).hasMessageContaining("no bus 'drums'");
        assertThat(s.history().canUndo()).isFalse();
    }

    @Test
    void aMixSessionWritesAPlanThatReadsBackToTheSameSession() throws Exception {
        Lesson l = lesson("mix-first-balance");
        MixSession s = new MixSession(l, Clock.systemUTC());
        s.setGainDb("bass", -5.5);
        s.setPan("pad", -0.4);
        s.setEqBand("bass", 0, EqBand.of(FilterType.HIGH_PASS, 45, 0, 0.7));
        s.setCompressor("drums", Optional.of(org.controlroom.dsp.Compressor.Settings.defaults().withRatio(3)));
        s.setMaster(new MixSession.Master(-2, true, -1.5));
        Path plan = Files.writeString(dir.resolve("plan.yaml"), PlanFile.write(l, s.plan()));
        MixSession back = new MixSession(l, Clock.systemUTC());
        back.load(new PlanFile(LessonFormats.builtIn()).read(plan, l));
        assertThat(back.tracks()).isEqualTo(s.tracks());
        assertThat(back.master()).isEqualTo(s.master());
        assertThat(back.history().canUndo()).isFalse();
    }

    @Test
    void aFaderMoveIsHeardInTheBoundMixerByItsDecibels() throws Exception {
        MixSession s = new MixSession(lesson("mix-first-balance"), Clock.systemUTC());
        s.setMute("drums", true);
        s.setMute("pad", true);
        try (SessionSound sound = s.sound(new SoundLibrary(), 512)) {
            double before = rms(new OfflineRenderer(1).render(sound.mixer(), sound.frames()));
            s.setGainDb("bass", s.track("bass").gainDb() - 6);
            double after = rms(new OfflineRenderer(1).render(sound.mixer(), sound.frames()));
            assertThat(20 * Math.log10(after / before)).isCloseTo(-6, within(0.05));
        }
    }

    @Test
    void anArrangementPlaysItsSectionsInOrderWithTheStemsChosen() throws Exception {
        Lesson l = lesson("arrange-radio-edit");
        ArrangeSession s = new ArrangeSession(l, Clock.systemUTC());
        assertThat(s.seconds()).isEqualTo((4 + 8 + 8 + 8 + 8 + 8 + 4) * 2.0);
        // intro, then chorus-1 with drums only
        s.load(new PlanFile(LessonFormats.builtIn()).parse("""
                arrange:
                  - {section: intro}
                  - {section: chorus-1, stems: [drums], bars: 4}
                """, dir.resolve("p.yaml"), l));
        assertThat(s.seconds()).isEqualTo(16.0);
        try (SessionSound sound = s.sound(new SoundLibrary(), 512)) {
            AudioClip out = new OfflineRenderer(1).render(sound.mixer(), sound.frames());
            assertThat(out.seconds()).isCloseTo(16.0, within(0.01));
            // the bass track is silent in the chorus (8 s to 16 s) and sounds in the intro
            var bass = sound.mixer().tracks().stream().filter(t -> t.name().equals("bass")).findFirst().orElseThrow();
            sound.mixer().tracks().forEach(t -> t.setSolo(t == bass));
            AudioClip solo = new OfflineRenderer(1).render(sound.mixer(), sound.frames());
            assertThat(rms(slice(solo, 0.5, 7.5))).isGreaterThan(1e-3);
            assertThat(rms(slice(solo, 8.1, 15.9))).isLessThan(1e-6);
        }
        s.setStem(1, "bass", true);
        assertThat(s.plan().entries().get(1).stems()).contains(List.of("drums", "bass"));
        s.history().undo();
        assertThat(s.plan().entries().get(1).stems()).contains(List.of("drums"));
    }

    @Test
    void aCompPlaysEachTakeInItsPartOfThePhrase() throws Exception {
        Lesson l = lesson("takes-pick-the-vocal");
        TakesSession s = new TakesSession(l, Clock.systemUTC());
        String phrase = s.phrases().get(0).id();
        assertThat(phrase).isEqualTo("hook-held-a");
        s.setComp(phrase, List.of(new TakesSession.Piece("take-2", Optional.of(1.0)),
                new TakesSession.Piece("take-4", Optional.empty())));
        TakesSection section = (TakesSection) l.section();
        AudioClip take2 = WavReader.read(asset(section, "take-2"));
        AudioClip take4 = WavReader.read(asset(section, "take-4"));
        try (SessionSound sound = s.sound(new SoundLibrary(), 512)) {
            sound.mixer().tracks().get(0).strip(); // one comp track
            AudioClip out = new OfflineRenderer(1).render(sound.mixer(), sound.frames());
            // well inside each piece the comp is that take (through a centred strip: each side at -3 dB)
            double g = Math.sqrt(0.5);
            int rate = (int) out.sampleRate();
            assertThat(out.channel(0)[rate / 2]).isCloseTo((float) (g * take2.channel(0)[rate / 2]), within(1e-4f));
            int at = (int) (1.5 * rate);
            assertThat(out.channel(0)[at]).isCloseTo((float) (g * take4.channel(0)[at]), within(1e-4f));
        }
        assertThatThrownBy(() -> s.setComp(phrase, List.of(new TakesSession.Piece("take-9", Optional.empty()))))
                .hasMessageContaining("no take 'take-9'");
    }

    private static Path asset(TakesSection s, String take) {
        return s.phrases().get(0).takes().stream().filter(t -> t.id().equals(take)).map(Take::asset).findFirst()
                .orElseThrow().resolved();
    }

    static AudioClip slice(AudioClip c, double from, double to) {
        int a = (int) (from * c.sampleRate());
        int b = (int) (to * c.sampleRate());
        float[] s = java.util.Arrays.copyOfRange(c.samples(), a * c.channels(), b * c.channels());
        return new AudioClip(c.sampleRate(), c.channels(), s);
    }

    static double rms(AudioClip c) {
        double sum = 0;
        for (float v : c.samples()) {
            sum += v * v;
        }
        return Math.sqrt(sum / Math.max(1, c.samples().length));
    }
}
