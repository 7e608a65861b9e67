package org.controlroom.dsp;

/**
 * Per-channel gains that move to new values in a straight line over {@value #RAMP_MS} ms instead of
 * jumping, so level, pan and mute changes never click. Audio-thread only: the owning processor
 * reads its (volatile) settings and hands the wanted gains to {@link #apply}.
 */
final class GainRamp {

    /** How long a gain change takes, in milliseconds. */
    static final double RAMP_MS = 20;

    private double[] current = new double[0];
    private double[] target = new double[0];
    private double[] step = new double[0];
    private int framesLeft;
    private int rampFrames = 960;

    /** Sets the channel count and rate, and jumps straight to {@code initial} (no ramp at start). */
    void prepare(double sampleRate, int channels, double[] initial) {
        rampFrames = Math.max(1, (int) Math.round(RAMP_MS / 1000 * sampleRate));
        current = initial.clone();
        target = initial.clone();
        step = new double[channels];
        framesLeft = 0;
    }

    /** Applies the gains to {@code frames} interleaved frames, first ramping toward {@code wanted} if it changed. */
    void apply(float[] x, int offset, int frames, double[] wanted) {
        int channels = current.length;
        if (!java.util.Arrays.equals(wanted, target)) {
            for (int c = 0; c < channels; c++) {
                target[c] = wanted[c];
                step[c] = (wanted[c] - current[c]) / rampFrames;
            }
            framesLeft = rampFrames;
        }
        int pos = offset;
        int left = frames;
        if (framesLeft > 0) {
            int n = Math.min(left, framesLeft);
            if (channels == 2) {
                double gl = current[0];
                double gr = current[1];
                double sl = step[0];
                double sr = step[1];
                for (int i = 0; i < n; i++, pos += 2) {
                    gl += sl;
                    gr += sr;
                    x[pos] = (float) (x[pos] * gl);
                    x[pos + 1] = (float) (x[pos + 1] * gr);
                }
                current[0] = gl;
                current[1] = gr;
            } else {
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < channels; c++, pos++) {
                        current[c] += step[c];
                        x[pos] = (float) (x[pos] * current[c]);
                    }
                }
            }
            framesLeft -= n;
            left -= n;
            if (framesLeft == 0) {
                System.arraycopy(target, 0, current, 0, channels);
            }
        }
        if (left > 0) {
            constant(x, pos, left, channels);
        }
    }

    private void constant(float[] x, int pos, int frames, int channels) {
        boolean unity = true;
        for (int c = 0; c < channels; c++) {
            unity &= current[c] == 1.0;
        }
        if (unity) {
            return;
        }
        int end = pos + frames * channels;
        if (channels == 2) {
            float gl = (float) current[0];
            float gr = (float) current[1];
            for (int i = pos; i < end; i += 2) {
                x[i] *= gl;
                x[i + 1] *= gr;
            }
        } else if (channels == 1) {
            float g = (float) current[0];
            for (int i = pos; i < end; i++) {
                x[i] *= g;
            }
        } else {
            for (int i = pos; i < end; i += channels) {
                for (int c = 0; c < channels; c++) {
                    x[i + c] = (float) (x[i + c] * current[c]);
                }
            }
        }
    }

    /** True when every channel's gain is exactly 1 and no change is under way. */
    boolean isAtUnity() {
        if (framesLeft > 0) {
            return false;
        }
        for (double g : current) {
            if (g != 1.0) {
                return false;
            }
        }
        return true;
    }

    /** True while a change is still under way. */
    boolean isRamping() {
        return framesLeft > 0;
    }
}
