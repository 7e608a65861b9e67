package org.controlroom.lesson.practice;

import org.controlroom.dsp.meter.LoudnessMeter;
import org.controlroom.dsp.play.PlaybackEngine;
import org.controlroom.dsp.play.PlaybackSource;
import org.controlroom.dsp.play.PlaybackUnavailableException;
import org.controlroom.dsp.play.Player;
import org.controlroom.lesson.run.DrillAudio;
import org.controlroom.lesson.run.LessonRunner;

/**
 * Plays a drill question's A and B on the sound device: looped, switched with the player's short
 * crossfade, loudness-matched when level is not what is asked (so the louder one does not give the
 * answer away). Opened lazily; with no device every call reports why.
 */
public class DrillSound implements AutoCloseable {

    private static final int BUFFER_FRAMES = 4096;
    private Player player;

    /** Loads a question's two versions, stopping whatever played. */
    public void load(DrillAudio.Pair pair, boolean matchLoudness) throws PlaybackUnavailableException {
        if (player == null || player.engine().sampleRate() != pair.a().sampleRate()) {
            close();
            PlaybackEngine engine = new PlaybackEngine(pair.a().sampleRate(), 2, 1024, 10, LoudnessMeter::integratedLufs);
            player = Player.open(engine, BUFFER_FRAMES);
        }
        player.stop();
        player.engine().load(PlaybackSource.A, pair.a());
        player.engine().load(PlaybackSource.B, pair.b());
        player.setLoudnessMatching(matchLoudness);
    }

    /**
     * Replaces one side's sound while it plays, keeping the playhead (the explore step's knobs); nothing
     * when no pair is loaded yet.
     */
    public void replace(LessonRunner.Side side, org.controlroom.dsp.AudioClip clip) {
        if (player != null) {
            player.engine().load(side == LessonRunner.Side.A ? PlaybackSource.A : PlaybackSource.B, clip);
        }
    }

    /** The next frame to be played, or -1 when nothing is open. */
    public long position() {
        return player == null ? -1 : player.position();
    }

    /** Plays (or switches to) one side. */
    public void play(LessonRunner.Side side) {
        if (player != null) {
            player.select(side == LessonRunner.Side.A ? PlaybackSource.A : PlaybackSource.B);
            player.play();
        }
    }

    public void stop() {
        if (player != null) {
            player.stop();
        }
    }

    @Override
    public void close() {
        if (player != null) {
            player.close();
            player = null;
        }
    }
}
