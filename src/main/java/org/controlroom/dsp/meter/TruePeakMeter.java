package org.controlroom.dsp.meter;

import org.controlroom.dsp.DspProcessor;

/**
 * True-peak meter (dBTP) per ITU-R BS.1770-4 Annex 2: each channel is oversampled 4× with
 * {@link TruePeakOversampler} (a 32-tap-per-phase windowed sinc, flat to 20 kHz at 48 kHz) and the
 * largest magnitude seen since the last reset is held.
 * Audio passes through unchanged. Readings are safe to take from any thread.
 */
public final class TruePeakMeter extends DspProcessor {

    private final PeakReadings readings = new PeakReadings();
    private TruePeakOversampler[] oversamplers = new TruePeakOversampler[0];

    @Override
    public void prepare(double sampleRate, int channels, int maxBlockFrames) {
        if (channels < 1) {
            throw new IllegalArgumentException("channel count must be at least 1, was " + channels);
        }
        oversamplers = new TruePeakOversampler[channels];
        for (int c = 0; c < channels; c++) {
            oversamplers[c] = new TruePeakOversampler();
        }
        readings.prepare(channels);
    }

    @Override
    public void process(float[] samples, int offset, int length) {
        int channels = oversamplers.length;
        if (channels == 0) {
            throw new IllegalStateException("TruePeakMeter: call prepare(...) before process(...)");
        }
        double[] held = readings.heldForWriting();
        int frames = length / channels;
        for (int c = 0; c < channels; c++) {
            double peak = oversamplers[c].nextPeakAbove(samples, offset + c, frames, channels, held[c]);
            if (peak > held[c]) {
                held[c] = peak;
            }
        }
        readings.publish();
    }

    /** Clears the held peaks and the oversamplers' history. Call from the processing thread. */
    @Override
    public void reset() {
        for (TruePeakOversampler o : oversamplers) {
            o.reset();
        }
        readings.requestReset();
    }

    /** Clears the held peak reading; safe from any thread (applied at the next block). */
    public void resetPeak() {
        readings.requestReset();
    }

    /** Largest true peak over all channels, dBTP (negative infinity after silence). */
    public double truePeakDbtp() {
        return Decibels.fromAmplitude(readings.peak());
    }

    /** True peak of one channel, dBTP. */
    public double truePeakDbtp(int channel) {
        return Decibels.fromAmplitude(readings.peak(channel));
    }

    /** Largest true peak over all channels, linear (1.0 = full scale). */
    public double truePeakLinear() {
        return readings.peak();
    }
}
