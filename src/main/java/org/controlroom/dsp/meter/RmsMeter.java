package org.controlroom.dsp.meter;

import java.util.Arrays;

import org.controlroom.dsp.DspProcessor;

/**
 * RMS level meter in dBFS, where the RMS of full-scale samples is 0 dBFS (so a sine of amplitude 1
 * reads −3.01 dBFS). Gives the RMS over everything since the last reset, per channel or over all
 * channels, and a sliding-window RMS over the most recent {@code windowSeconds} (300 ms by default,
 * updated in 10 ms steps). Audio passes through unchanged; readings are safe from any thread.
 */
public final class RmsMeter extends DspProcessor {

    private static final double STEP_SECONDS = 0.010;

    private final double windowSeconds;
    private final Object lock = new Object();

    // processing state
    private int channels;
    private int stepFrames;
    private int framesInStep;
    private double stepSum;
    private double[] stepSums = new double[0];
    private double[] blockSquares = new double[0];
    private long steps;

    // readings (guarded by lock)
    private double[] totalSquares = new double[0];
    private long totalFrames;
    private double windowMeanSquare;

    /** A meter with a 300 ms window. */
    public RmsMeter() {
        this(0.3);
    }

    /** A meter whose sliding window spans {@code windowSeconds} (at least 10 ms). */
    public RmsMeter(double windowSeconds) {
        if (!(windowSeconds >= STEP_SECONDS) || Double.isInfinite(windowSeconds)) {
            throw new IllegalArgumentException("RMS window must be at least 0.01 s, was " + windowSeconds);
        }
        this.windowSeconds = windowSeconds;
    }

    @Override
    public void prepare(double sampleRate, int channels, int maxBlockFrames) {
        if (channels < 1) {
            throw new IllegalArgumentException("channel count must be at least 1, was " + channels);
        }
        this.channels = channels;
        stepFrames = Math.max(1, (int) Math.round(sampleRate * STEP_SECONDS));
        stepSums = new double[Math.max(1, (int) Math.round(windowSeconds / STEP_SECONDS))];
        blockSquares = new double[channels];
        synchronized (lock) {
            totalSquares = new double[channels];
        }
        reset();
    }

    @Override
    public void process(float[] samples, int offset, int length) {
        if (channels == 0) {
            throw new IllegalStateException("RmsMeter: call prepare(...) before process(...)");
        }
        int ch = channels;
        int frames = length / ch;
        double[] blockSquares = this.blockSquares;
        java.util.Arrays.fill(blockSquares, 0);
        for (int f = 0, i = offset; f < frames; f++) {
            double frameSum = 0;
            for (int c = 0; c < ch; c++, i++) {
                double x = samples[i];
                double sq = x * x;
                blockSquares[c] += sq;
                frameSum += sq;
            }
            stepSum += frameSum;
            if (++framesInStep == stepFrames) {
                stepSums[(int) (steps % stepSums.length)] = stepSum;
                steps++;
                stepSum = 0;
                framesInStep = 0;
            }
        }
        synchronized (lock) {
            for (int c = 0; c < ch; c++) {
                totalSquares[c] += blockSquares[c];
            }
            totalFrames += frames;
            int filled = (int) Math.min(steps, stepSums.length);
            double sum = 0;
            for (int k = 0; k < filled; k++) {
                sum += stepSums[k];
            }
            windowMeanSquare = filled == 0 ? 0 : sum / ((double) filled * stepFrames * ch);
        }
    }

    /** Starts over. */
    @Override
    public void reset() {
        Arrays.fill(stepSums, 0);
        steps = 0;
        stepSum = 0;
        framesInStep = 0;
        synchronized (lock) {
            Arrays.fill(totalSquares, 0);
            totalFrames = 0;
            windowMeanSquare = 0;
        }
    }

    /** RMS over all channels since the last reset, dBFS (negative infinity for silence). */
    public double rmsDbfs() {
        synchronized (lock) {
            if (totalFrames == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            double sum = 0;
            for (double s : totalSquares) {
                sum += s;
            }
            return Decibels.fromPower(sum / ((double) totalFrames * totalSquares.length));
        }
    }

    /** RMS of one channel since the last reset, dBFS. */
    public double rmsDbfs(int channel) {
        synchronized (lock) {
            if (channel < 0 || channel >= totalSquares.length) {
                throw new IndexOutOfBoundsException("channel " + channel + " of " + totalSquares.length);
            }
            return totalFrames == 0 ? Double.NEGATIVE_INFINITY
                    : Decibels.fromPower(totalSquares[channel] / totalFrames);
        }
    }

    /** RMS over all channels in the sliding window, dBFS. */
    public double windowRmsDbfs() {
        synchronized (lock) {
            return Decibels.fromPower(windowMeanSquare);
        }
    }
}
