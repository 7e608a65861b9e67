package org.controlroom.dsp;

import java.util.Objects;

/**
 * A mixing-desk channel: trim → EQ → compressor → fader → pan, with a mute. Every control may be
 * changed from another thread while it plays, and every change is smoothed.
 *
 * <p><b>Channels.</b> The strip outputs the channel count it was prepared with, in place. Stereo
 * is the usual case: a mixer copies a mono track to both sides and feeds the strip stereo (see
 * {@link #processMonoToStereo}), and pan places it with the constant-power law of {@link Pan}.
 * Prepared for mono (or more than two channels), the strip skips pan and applies the fader to
 * every channel.
 *
 * <p>A new strip is transparent: trim and fader 0 dB, EQ bands flat (0 dB bells cost nothing),
 * compressor bypassed, pan centred. Pan can be switched out with {@link #setPanBypassed(boolean)}
 * (both sides at unity), for example to run a stereo file through the strip unchanged in level.
 */
public final class ChannelStrip extends DspProcessor {

    /** EQ bands of a strip made with {@link #ChannelStrip()}. */
    public static final int DEFAULT_EQ_BANDS = 4;

    private final Gain trim = new Gain(0);
    private final ParametricEq eq;
    private final Compressor compressor;
    private final GainRamp output = new GainRamp();
    private volatile double faderDb;
    private volatile double pan;
    private volatile boolean panBypassed;
    private volatile boolean muted;
    private volatile boolean insertsBypassed;
    private int channels = 2;
    private double[] wanted = new double[2];

    /** A strip with {@value #DEFAULT_EQ_BANDS} flat EQ bands and a bypassed compressor. */
    public ChannelStrip() {
        this(new ParametricEq(DEFAULT_EQ_BANDS), bypassedCompressor());
    }

    /** A strip built on this EQ and compressor (their own settings and bypass are kept). */
    public ChannelStrip(ParametricEq eq, Compressor compressor) {
        this.eq = Objects.requireNonNull(eq, "eq");
        this.compressor = Objects.requireNonNull(compressor, "compressor");
        prepare(48000, 2, 0);
    }

    private static Compressor bypassedCompressor() {
        Compressor c = new Compressor();
        c.setBypassed(true);
        return c;
    }

    public ParametricEq eq() {
        return eq;
    }

    public Compressor compressor() {
        return compressor;
    }

    /** Input trim in dB (before the EQ). */
    public void setTrimDb(double db) {
        trim.setGainDb(db);
    }

    public double trimDb() {
        return trim.gainDb();
    }

    /** Fader in dB (after the compressor); {@value Gain#SILENT_DB} or below is silence. */
    public void setFaderDb(double db) {
        if (Double.isNaN(db) || db == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("fader must be a number of dB, was " + db);
        }
        this.faderDb = db;
    }

    public double faderDb() {
        return faderDb;
    }

    /** Pan position, −1 (left) to +1 (right). */
    public void setPan(double position) {
        if (!(position >= -1 && position <= 1)) {
            throw new IllegalArgumentException("pan must be between -1 (left) and 1 (right), was " + position);
        }
        this.pan = position;
    }

    public double pan() {
        return pan;
    }

    /** Switches pan out ({@code true}: both sides at unity) or in. */
    public void setPanBypassed(boolean bypassed) {
        this.panBypassed = bypassed;
    }

    public boolean isPanBypassed() {
        return panBypassed;
    }

    public void setMuted(boolean muted) {
        this.muted = muted;
    }

    public boolean isMuted() {
        return muted;
    }

    /**
     * Takes the inserts (trim, EQ, compressor) out of the signal path while keeping the fader and pan:
     * the console's "bypass all processing". Their settings and memory are kept; switch from a quiet
     * moment (the live player does so under its transport fade) to avoid a step.
     */
    public void setInsertsBypassed(boolean bypassed) {
        this.insertsBypassed = bypassed;
    }

    public boolean isInsertsBypassed() {
        return insertsBypassed;
    }

    @Override
    public void prepare(double sampleRate, int channels, int maxBlockFrames) {
        if (channels < 1) {
            throw new IllegalArgumentException("channel count must be at least 1, was " + channels);
        }
        this.channels = channels;
        trim.prepare(sampleRate, channels, maxBlockFrames);
        eq.prepare(sampleRate, channels, maxBlockFrames);
        compressor.prepare(sampleRate, channels, maxBlockFrames);
        wanted = new double[channels];
        outputGains(wanted);
        output.prepare(sampleRate, channels, wanted);
    }

    @Override
    public void reset() {
        eq.reset();
        compressor.reset();
    }

    @Override
    public void process(float[] samples, int offset, int length) {
        if (!insertsBypassed) {
            trim.process(samples, offset, length);
            eq.process(samples, offset, length);
            compressor.process(samples, offset, length);
        }
        outputGains(wanted);
        output.apply(samples, offset, length / channels, wanted);
    }

    /**
     * Processes a mono block into a stereo one: {@code frames} samples of {@code mono} from
     * {@code monoOffset} are copied to both sides of {@code stereo} from {@code stereoOffset}
     * (2·frames samples) and processed there. The strip must be prepared for two channels.
     */
    public void processMonoToStereo(float[] mono, int monoOffset, float[] stereo, int stereoOffset, int frames) {
        if (channels != 2) {
            throw new IllegalStateException("the strip is prepared for " + channels
                    + " channels; prepare it for 2 to turn mono into stereo");
        }
        for (int i = 0, j = stereoOffset; i < frames; i++, j += 2) {
            float v = mono[monoOffset + i];
            stereo[j] = v;
            stereo[j + 1] = v;
        }
        process(stereo, stereoOffset, 2 * frames);
    }

    /**
     * As {@link #processMonoToStereo}, the same output bit for bit, but the inserts run on the mono
     * signal once instead of on both equal sides: for mono tracks, whose sides are equal until the
     * pan. Falls back to processing the stereo block when the strip cannot (its EQ's sides hold
     * different memories after a stereo block, the compressor is unlinked, the trim is not at 0 dB).
     * {@code mono} is used as scratch.
     */
    public void processMono(float[] mono, int monoOffset, float[] stereo, int stereoOffset, int frames) {
        if (channels != 2) {
            throw new IllegalStateException("the strip is prepared for " + channels
                    + " channels; prepare it for 2 to turn mono into stereo");
        }
        boolean inserts = !insertsBypassed;
        if (inserts && (!trim.isSettledAtUnity() || !eq.sidesEqual())) {
            processMonoToStereo(mono, monoOffset, stereo, stereoOffset, frames);
            return;
        }
        if (inserts) {
            eq.processMonoOfStereo(mono, monoOffset, frames);
            if (!compressor.processMonoOfStereo(mono, monoOffset, frames)) {
                // an unlinked compressor: its channels carry on from the stereo block
                for (int i = 0, j = stereoOffset; i < frames; i++, j += 2) {
                    float v = mono[monoOffset + i];
                    stereo[j] = v;
                    stereo[j + 1] = v;
                }
                compressor.process(stereo, stereoOffset, 2 * frames);
                outputGains(wanted);
                output.apply(stereo, stereoOffset, frames, wanted);
                return;
            }
        }
        for (int i = 0, j = stereoOffset; i < frames; i++, j += 2) {
            float v = mono[monoOffset + i];
            stereo[j] = v;
            stereo[j + 1] = v;
        }
        outputGains(wanted);
        output.apply(stereo, stereoOffset, frames, wanted);
    }

    private void outputGains(double[] g) {
        double level = muted ? 0 : Gain.linear(faderDb);
        if (channels == 2 && !panBypassed) {
            double p = pan;
            g[0] = level * Pan.leftGain(p);
            g[1] = level * Pan.rightGain(p);
        } else {
            java.util.Arrays.fill(g, level);
        }
    }
}
