package org.controlroom.dsp.play;

import java.util.Optional;

/**
 * What a {@link Player} plays: something that renders the next block of interleaved audio on the
 * audio thread and has a transport the other threads drive. {@link PlaybackEngine} plays clips
 * (A / B / bypass, for drills); {@link MixerPlayback} plays a live mixer session.
 *
 * <p>{@link #render} is called from one thread only and must neither allocate nor block; the other
 * methods may be called from any thread at any time and take effect at the next block.
 */
public interface Playable {

    double sampleRate();

    int channels();

    /** The largest block {@link #render} accepts, in frames. */
    int maxBlockFrames();

    /** Fills {@code frames} interleaved frames of {@code out} from index 0 with what is heard next. */
    void render(float[] out, int frames);

    /** Starts (or resumes) playback. */
    void play();

    /** Pauses; the position stays where it is. */
    void pause();

    /** Stops and returns to the loop start (or the beginning). */
    void stop();

    /** Moves the playhead to a frame. */
    void seek(long frame);

    /** Loops a region: after {@code endFrame - 1} comes {@code startFrame}. */
    void setLoop(LoopRegion region);

    /** Plays on past the loop end again. */
    void clearLoop();

    Optional<LoopRegion> loop();

    /** The next frame to be rendered. */
    long position();

    boolean isPlaying();
}
