package org.controlroom.dsp;

import java.util.Arrays;

/**
 * A level change in dB (a trim or a fader) on every channel. Changes ramp over
 * {@value GainRamp#RAMP_MS} ms, so moving it while audio plays never clicks; the setter may be
 * called from any thread. At exactly 0 dB and settled it leaves the samples untouched.
 */
public final class Gain extends DspProcessor {

    /** The lowest gain; at or below it the output is silent. */
    public static final double SILENT_DB = -144;

    private volatile double gainDb;
    private final GainRamp ramp = new GainRamp();
    private double[] wanted = new double[0];

    public Gain() {
        this(0);
    }

    public Gain(double gainDb) {
        setGainDb(gainDb);
        prepare(48000, 2, 0);
    }

    /** Sets the gain in dB; {@value #SILENT_DB} or below (including negative infinity) is silence. */
    public void setGainDb(double db) {
        if (Double.isNaN(db) || db == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("gain must be a number of dB, was " + db);
        }
        this.gainDb = db;
    }

    public double gainDb() {
        return gainDb;
    }

    /** Linear factor for a gain in dB, with {@value #SILENT_DB} dB and below as 0. */
    public static double linear(double db) {
        return db <= SILENT_DB ? 0 : Math.pow(10, db / 20);
    }

    @Override
    public void prepare(double sampleRate, int channels, int maxBlockFrames) {
        wanted = new double[channels];
        Arrays.fill(wanted, linear(gainDb));
        ramp.prepare(sampleRate, channels, wanted);
    }

    /** True at exactly 0 dB with no change under way: {@link #process} leaves the samples untouched. */
    boolean isSettledAtUnity() {
        return linear(gainDb) == 1 && ramp.isAtUnity();
    }

    @Override
    public void process(float[] samples, int offset, int length) {
        Arrays.fill(wanted, linear(gainDb));
        ramp.apply(samples, offset, length / wanted.length, wanted);
    }
}
