package org.controlroom.dsp;

/** Test signals and level measurements shared by the dsp tests. */
final class Signals {

    private Signals() {
    }

    /** A sine of {@code frames} frames, the same on every channel, interleaved. */
    static float[] sine(double hz, double amplitude, double sampleRate, int frames, int channels) {
        float[] s = new float[frames * channels];
        for (int i = 0; i < frames; i++) {
            float v = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / sampleRate));
            for (int c = 0; c < channels; c++) {
                s[i * channels + c] = v;
            }
        }
        return s;
    }

    /** RMS level in dB of one channel over frames [from, to). */
    static double rmsDb(float[] s, int channels, int channel, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double v = s[i * channels + channel];
            sum += v * v;
        }
        return 10 * Math.log10(sum / (to - from));
    }

    /** A whole number of periods of {@code hz}, as close to {@code wanted} frames as possible (at least one). */
    static int wholePeriods(double hz, double sampleRate, int wanted) {
        double period = sampleRate / hz;
        long periods = Math.max(1, Math.round(wanted / period));
        return (int) Math.round(periods * period);
    }

    /**
     * The steady-state gain in dB that {@code processor} gives a sine at {@code hz}: a sine runs
     * through it, the filter settles, and the output RMS over a whole number of periods is compared
     * with the input's theoretical RMS.
     */
    static double measuredGainDb(BlockProcessor processor, double hz, double sampleRate, int channels) {
        int settle = (int) Math.max(sampleRate / 2, 40 * sampleRate / hz);
        int window = wholePeriods(hz, sampleRate, (int) Math.max(sampleRate, 200 * sampleRate / hz));
        int frames = settle + window;
        double amplitude = 0.25;
        float[] s = sine(hz, amplitude, sampleRate, frames, channels);
        processor.prepare(sampleRate, channels, frames);
        processor.process(s, 0, s.length);
        double in = 20 * Math.log10(amplitude / Math.sqrt(2));
        return rmsDb(s, channels, 0, settle, frames) - in;
    }
}
