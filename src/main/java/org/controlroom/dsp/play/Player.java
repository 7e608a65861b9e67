package org.controlroom.dsp.play;

import java.util.Objects;
import java.util.Optional;

/**
 * Real-time playback of a {@link Playable} on an {@link AudioOutput} (by default the sound card):
 * a {@link PlaybackEngine} (clips with A/B/bypass switching, for drills) or a {@link MixerPlayback}
 * (a mixer session played live). A background thread asks it for the next block and writes it to
 * the device; the device's own buffer paces it. The transport is the playable's: call it here or on
 * {@link #playable()}; A/B switching and loudness matching need an engine.
 *
 * <p>The device buffer is {@code bufferFrames}; blocks of half that are rendered, so a switch is
 * heard within about one buffer (e.g. 1024 frames ≈ 21 ms at 48 kHz).
 *
 * <p>Without a sound device, {@link #open(PlaybackEngine, int)} fails with a
 * {@link PlaybackUnavailableException} whose message tells the user what to do; nothing else is
 * affected.
 */
public final class Player implements AutoCloseable {

    /** Smallest device buffer accepted, in frames. */
    public static final int MIN_BUFFER_FRAMES = 64;

    private final Playable engine;
    private final AudioOutput output;
    private final int bufferFrames;
    private final int blockFrames;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;

    private Player(Playable engine, AudioOutput output, int bufferFrames) {
        this.engine = engine;
        this.output = output;
        this.bufferFrames = bufferFrames;
        this.blockFrames = Math.max(1, Math.min(engine.maxBlockFrames(), bufferFrames / 2));
        this.thread = new Thread(this::run, "control-room-playback");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    /** Opens the default sound output for the playable's rate and channels. */
    public static Player open(Playable engine, int bufferFrames) throws PlaybackUnavailableException {
        return open(engine, bufferFrames, JavaSoundOutput::open);
    }

    /** Opens the given output for the playable's rate and channels and starts feeding it. */
    public static Player open(Playable engine, int bufferFrames, AudioOutput.Factory outputs)
            throws PlaybackUnavailableException {
        Objects.requireNonNull(engine, "playable");
        if (bufferFrames < MIN_BUFFER_FRAMES) {
            throw new IllegalArgumentException("buffer must be at least " + MIN_BUFFER_FRAMES + " frames, was "
                    + bufferFrames);
        }
        AudioOutput output = outputs.open(engine.sampleRate(), engine.channels(), bufferFrames);
        Player player = new Player(engine, output, bufferFrames);
        player.thread.start();
        return player;
    }

    private void run() {
        int channels = engine.channels();
        float[] block = new float[blockFrames * channels];
        byte[] bytes = new byte[block.length * 2];
        try {
            while (running) {
                engine.render(block, blockFrames);
                toPcm16(block, bytes);
                output.write(bytes, 0, bytes.length);
            }
        } catch (RuntimeException | Error e) {
            if (running) {
                failure = e;
            }
        }
    }

    /** Float to 16-bit little-endian PCM, rounded and clipped at full scale. */
    public static void toPcm16(float[] in, byte[] out) {
        for (int i = 0, j = 0; i < in.length; i++, j += 2) {
            int v = Math.round(in[i] * 32767f);
            v = Math.max(-32768, Math.min(32767, v));
            out[j] = (byte) v;
            out[j + 1] = (byte) (v >> 8);
        }
    }

    /** What this player plays. */
    public Playable playable() {
        return engine;
    }

    /**
     * The clip engine this player plays.
     *
     * @throws IllegalStateException if it plays something else (a mixer: see {@link #mixer()})
     */
    public PlaybackEngine engine() {
        if (engine instanceof PlaybackEngine e) {
            return e;
        }
        throw new IllegalStateException("this player plays a mixer session, not clips; use mixer()");
    }

    /**
     * The live mixer playback this player plays.
     *
     * @throws IllegalStateException if it plays clips (see {@link #engine()})
     */
    public MixerPlayback mixer() {
        if (engine instanceof MixerPlayback m) {
            return m;
        }
        throw new IllegalStateException("this player plays clips, not a mixer session; use engine()");
    }

    public void play() {
        engine.play();
    }

    public void pause() {
        engine.pause();
    }

    public void stop() {
        engine.stop();
    }

    /** Switches A / B / bypass; clips only (see {@link #engine()}). */
    public void select(PlaybackSource source) {
        engine().select(source);
    }

    public void setLoop(LoopRegion region) {
        engine.setLoop(region);
    }

    public void clearLoop() {
        engine.clearLoop();
    }

    /** Moves the playhead to a frame. */
    public void seek(long frame) {
        engine.seek(frame);
    }

    /** The next frame to be rendered. */
    public long position() {
        return engine.position();
    }

    public boolean isPlaying() {
        return engine.isPlaying();
    }

    /** Loudness matching of A and B; clips only (see {@link #engine()}). */
    public void setLoudnessMatching(boolean on) {
        engine().setLoudnessMatching(on);
    }

    /** The device buffer in frames. */
    public int bufferFrames() {
        return bufferFrames;
    }

    /** The block rendered at a time, in frames (half the buffer, at most the engine's block). */
    public int blockFrames() {
        return blockFrames;
    }

    /** Output latency of the device buffer, in milliseconds. */
    public double latencyMillis() {
        return bufferFrames * 1000.0 / engine.sampleRate();
    }

    /** If playback stopped because the device or the engine failed: what went wrong. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** True while the playback thread is feeding the device. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Stops playback and releases the device. */
    @Override
    public void close() {
        running = false;
        engine.pause();
        output.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
