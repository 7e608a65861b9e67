package org.controlroom.lesson.practice;

import java.util.Optional;

import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.play.AudioOutput;
import org.controlroom.dsp.play.JavaSoundOutput;
import org.controlroom.dsp.play.LoopRegion;
import org.controlroom.dsp.play.MeterSnapshot;
import org.controlroom.dsp.play.MixerPlayback;
import org.controlroom.dsp.play.PlaybackUnavailableException;
import org.controlroom.dsp.play.Player;
import org.controlroom.lesson.session.LessonSession;
import org.controlroom.lesson.session.SessionSound;
import org.controlroom.lesson.session.SoundLibrary;

/**
 * Plays a session live while the learner edits it: every edit reaches the mixer at the next block.
 * The sound device is opened on the first {@link #play()}; with none, play says why and the meters
 * still read the session offline (nothing else changes). Call from one thread (the screen's worker).
 */
public final class SessionPlayer implements AutoCloseable {
    static final int BLOCK_FRAMES = 512;
    static final int BUFFER_FRAMES = 2048;

    private final SessionSound sound;
    private final MixerPlayback playback;
    private final AudioOutput.Factory outputs;
    private Player player;
    private String unavailable;

    /** A player for the default sound device. */
    public SessionPlayer(LessonSession session) throws AudioFileException {
        this(session, JavaSoundOutput::open);
    }

    /** A player for the given outputs (tests hand in an offline one). */
    public SessionPlayer(LessonSession session, AudioOutput.Factory outputs) throws AudioFileException {
        this.sound = session.sound(new SoundLibrary(), BLOCK_FRAMES);
        this.playback = new MixerPlayback(sound.mixer(), sound.frames(), MixerPlayback.DEFAULT_FADE_MS);
        this.outputs = outputs;
    }

    /**
     * Starts (or resumes) playing.
     *
     * @throws PlaybackUnavailableException when there is no sound device; said once, then remembered
     */
    public void play() throws PlaybackUnavailableException {
        if (unavailable != null) {
            throw new PlaybackUnavailableException(unavailable, null);
        }
        if (player == null) {
            try {
                player = Player.open(playback, BUFFER_FRAMES, outputs);
            } catch (PlaybackUnavailableException e) {
                unavailable = e.getMessage();
                throw e;
            }
        }
        playback.setLength(sound.frames());
        playback.play();
    }

    public void stop() {
        playback.stop();
    }

    public boolean isPlaying() {
        return playback.isPlaying();
    }

    /** Jumps to a time, in seconds. */
    public void seekSeconds(double seconds) {
        playback.seek(Math.max(0, Math.round(seconds * playback.sampleRate())));
    }

    /** Loops a region of the session (a section), in seconds; empty to stop looping. */
    public void loop(Optional<double[]> fromTo) {
        if (fromTo.isEmpty()) {
            playback.clearLoop();
        } else {
            double rate = playback.sampleRate();
            playback.setLoop(new LoopRegion(Math.round(fromTo.get()[0] * rate), Math.round(fromTo.get()[1] * rate)));
        }
    }

    public double positionSeconds() {
        return playback.position() / playback.sampleRate();
    }

    public double lengthSeconds() {
        return sound.frames() / playback.sampleRate();
    }

    /** The meters now: safe to poll from the screen at 30 Hz. */
    public MeterSnapshot meters() {
        return playback.meters();
    }

    /** Why the device could not play, if it could not. */
    public Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    @Override
    public void close() {
        if (player != null) {
            player.close();
            player = null;
        }
        sound.close();
    }
}
