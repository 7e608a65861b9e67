package org.controlroom.dsp.source;

/** A sine tone: frequency in Hz, peak level in dBFS (0 dBFS = amplitude 1.0), starting phase in degrees. */
public final class SineSource implements SignalSource {

    private final double hz;
    private final double amplitude;
    private final double startPhase;
    private double sampleRate;
    private long n;

    /** A sine starting at phase 0. */
    public SineSource(double hz, double peakDbfs) {
        this(hz, peakDbfs, 0);
    }

    public SineSource(double hz, double peakDbfs, double phaseDegrees) {
        if (!(hz >= 0) || Double.isInfinite(hz)) {
            throw new IllegalArgumentException("sine frequency must be 0 Hz or more, was " + hz);
        }
        if (Double.isNaN(peakDbfs) || peakDbfs > 40) {
            throw new IllegalArgumentException("sine level must be at most +40 dBFS, was " + peakDbfs);
        }
        this.hz = hz;
        this.amplitude = Math.pow(10, peakDbfs / 20);
        this.startPhase = Math.toRadians(phaseDegrees);
    }

    @Override
    public void start(double sampleRate) {
        if (!(sampleRate > 0)) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
        if (hz >= sampleRate / 2) {
            throw new IllegalArgumentException("a " + hz + " Hz sine needs a sample rate above "
                    + 2 * hz + " Hz, was " + sampleRate);
        }
        this.sampleRate = sampleRate;
        n = 0;
    }

    @Override
    public void fill(float[] out, int offset, int frames) {
        requireStarted(sampleRate);
        double w = 2 * Math.PI * hz / sampleRate;
        for (int i = 0; i < frames; i++, n++) {
            // phase computed from the sample index, so long renders accumulate no rounding drift
            out[offset + i] = (float) (amplitude * Math.sin(w * n + startPhase));
        }
    }

    static void requireStarted(double sampleRate) {
        if (sampleRate == 0) {
            throw new IllegalStateException("call start(sampleRate) before fill(...)");
        }
    }
}
