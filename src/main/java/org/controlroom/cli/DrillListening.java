package org.controlroom.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.io.WavWriter;
import org.controlroom.dsp.play.PlaybackUnavailableException;
import org.controlroom.lesson.practice.DrillSound;
import org.controlroom.lesson.run.DrillAudio;
import org.controlroom.lesson.run.DrillQuestion;
import org.controlroom.lesson.run.LessonRunner;
import org.controlroom.lesson.script.DrillExercise;
import org.controlroom.lesson.script.DrillSection;

/**
 * Lets a learner at the terminal hear a drill question: typing {@code a} or {@code b} plays that
 * version on the sound device (looped, loudness-matched where level is not the question) and counts the
 * listen; the versions can also be written as WAV files. With no sound device it says why once and
 * points at the files.
 */
final class DrillListening implements AutoCloseable {

    private final DrillAudio audio;
    private final Path audioDir;
    private final boolean sound;
    private final PrintWriter talk;
    private final DrillSound speaker = new DrillSound();
    private boolean loaded;
    private String unavailable;
    private DrillAudio.Pair pair;
    private DrillQuestion question;

    DrillListening(DrillSection drill, long seed, Path audioDir, boolean sound, PrintWriter talk) {
        this.audio = new DrillAudio(drill, seed);
        this.audioDir = audioDir;
        this.sound = sound;
        this.talk = talk;
    }

    /** Renders the question's A and B (and writes them when asked to). */
    void prepare(DrillQuestion q) throws AudioFileException {
        speaker.stop();
        loaded = false;
        question = q;
        pair = audio.render(q);
        if (audioDir != null) {
            try {
                Files.createDirectories(audioDir);
            } catch (java.io.IOException e) {
                throw new UserInputException("cannot create the audio folder " + audioDir + ": " + e.getMessage());
            }
            Path a = audioDir.resolve(String.format(Locale.ROOT, "q%02d-A.wav", q.number()));
            Path b = audioDir.resolve(String.format(Locale.ROOT, "q%02d-B.wav", q.number()));
            WavWriter.write(a, pair.a());
            WavWriter.write(b, pair.b());
            talk.println("  A: " + a + "   B: " + b);
        }
        talk.println("  (type a or b to listen, then your answer)");
    }

    /** Handles "a" or "b": plays that version and counts the listen; false for anything else. */
    boolean handle(String line, LessonRunner runner) {
        String t = line.strip().toLowerCase(Locale.ROOT);
        if (!t.equals("a") && !t.equals("b") || pair == null) {
            return false;
        }
        runner.played(t.equals("a") ? LessonRunner.Side.A : LessonRunner.Side.B);
        LessonRunner.Side side = t.equals("a") ? LessonRunner.Side.A : LessonRunner.Side.B;
        if (!sound) {
            talk.println("  (sound is off: listen to the files written with --audio-dir)");
            return true;
        }
        try {
            ensureLoaded();
            speaker.play(side);
            talk.println("  playing " + side + " (loops; type the other letter to switch)");
        } catch (PlaybackUnavailableException e) {
            if (unavailable == null) {
                unavailable = e.getMessage().replaceAll("[.\\s]+$", "");
                talk.println("  no sound: " + unavailable + (audioDir == null
                        ? ". Run with --audio-dir DIR to get each question as WAV files." : ". Listen to the WAV files above."));
            } else {
                talk.println("  no sound (see above)");
            }
        }
        return true;
    }

    private void ensureLoaded() throws PlaybackUnavailableException {
        if (unavailable != null) {
            throw new PlaybackUnavailableException(unavailable, null);
        }
        if (!loaded) {
            // when level is not what is asked, the louder version must not give the answer away
            DrillExercise e = question.exercise();
            speaker.load(pair, e == DrillExercise.EQ_FREQUENCY || e == DrillExercise.COMPRESSION);
            loaded = true;
        }
    }

    @Override
    public void close() {
        speaker.close();
    }
}
