package org.controlroom.dsp.meter;

import org.controlroom.dsp.DspProcessor;

/**
 * Sample-peak meter (dBFS): the largest absolute sample value per channel since the last reset.
 * Misses peaks between samples; use {@link TruePeakMeter} for those. Audio passes through
 * unchanged. Readings are safe to take from any thread.
 */
public final class SamplePeakMeter extends DspProcessor {

    private final PeakReadings readings = new PeakReadings();
    private int channels;

    @Override
    public void prepare(double sampleRate, int channels, int maxBlockFrames) {
        if (channels < 1) {
            throw new IllegalArgumentException("channel count must be at least 1, was " + channels);
        }
        this.channels = channels;
        readings.prepare(channels);
    }

    @Override
    public void process(float[] samples, int offset, int length) {
        if (channels == 0) {
            throw new IllegalStateException("SamplePeakMeter: call prepare(...) before process(...)");
        }
        double[] held = readings.heldForWriting();
        for (int c = 0; c < channels; c++) {
            float max = 0;
            for (int i = offset + c, end = offset + length; i < end; i += channels) {
                float a = Math.abs(samples[i]);
                if (a > max) {
                    max = a;
                }
            }
            if (max > held[c]) {
                held[c] = max;
            }
        }
        readings.publish();
    }

    @Override
    public void reset() {
        readings.requestReset();
    }

    /** Largest sample peak over all channels, dBFS (negative infinity after silence). */
    public double samplePeakDbfs() {
        return Decibels.fromAmplitude(readings.peak());
    }

    /** Sample peak of one channel, dBFS. */
    public double samplePeakDbfs(int channel) {
        return Decibels.fromAmplitude(readings.peak(channel));
    }

    /** Largest sample peak over all channels, linear. */
    public double samplePeakLinear() {
        return readings.peak();
    }
}
