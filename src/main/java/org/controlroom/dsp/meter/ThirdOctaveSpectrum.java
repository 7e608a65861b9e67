package org.controlroom.dsp.meter;

import java.util.ArrayList;
import java.util.List;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.DspProcessor;

import be.tarsos.dsp.util.ConcurrencyUtils;
import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;

/**
 * 1/3-octave band levels, ISO nominal centres 20 Hz … 20 kHz (base-10 bands: exact centres
 * 1000·10^(n/10) Hz, edges a twentieth of a decade either side).
 *
 * <p>Each channel is cut into Hann-windowed frames (50 % overlap) and transformed with TarsosDSP's
 * {@link FFT}; the power of every bin is averaged over all frames and channels and summed into the
 * band that contains the bin's frequency. Levels are mean-square power relative to that of a
 * full-scale sine, in dB: a 1 kHz sine of amplitude 1.0 reads 0 dB in the 1 kHz band, white noise
 * rises 1 dB per band (3 dB per octave), pink noise reads the same in every band.
 *
 * <p>Only bands that lie wholly below half the sample rate are reported (at 44.1 kHz the 20 kHz
 * band, which reaches 22.4 kHz, is left out). The FFT size is the power
 * of two nearest to 2/3 s of audio (32768 at 48 kHz, 1.5 Hz bins), so even the 20 Hz band spans a
 * few bins; for a clip shorter than that, {@link #of(AudioClip)} uses a smaller FFT and the lowest
 * bands may read negative infinity. Feed it as a processor and read {@link #bands()} from any thread.
 */
public final class ThirdOctaveSpectrum extends DspProcessor {

    /** ISO nominal 1/3-octave centres, 20 Hz to 20 kHz. */
    public static final double[] NOMINAL_CENTRES_HZ = {
            20, 25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630, 800,
            1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000, 12500, 16000, 20000};
    private static final int FIRST_BAND_INDEX = -17;   // 20 Hz is band n = -17 around 1 kHz

    static {
        // TarsosDSP's FFT (JTransforms inside) splits transforms of 8192 points and more over a thread
        // pool of its own, a task hand-over per transform. Our callers spread their work over the cores
        // already (the offline renderer's tracks, the console's meter thread), so the pool only adds
        // hand-overs and contention: one thread per transform. The numbers are the same.
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private final int requestedFftSize;
    private final Object lock = new Object();

    private int fftSize;
    private int channels;
    private FFT fft;
    private double windowPower;           // sum of squared window values
    private float[][] frames = new float[0][];
    private int filled;
    private float[] work = new float[0];
    private int[] bandOfBin = new int[0];
    private double[] transformPower = new double[0];
    private int bandCount;

    // guarded by lock
    private double[] binPowerSum = new double[0];
    private long transforms;

    /** FFT size chosen from the sample rate at prepare time. */
    public ThirdOctaveSpectrum() {
        this(0);
    }

    /** A fixed FFT size, a power of two of at least 64 (0 = choose from the sample rate). */
    public ThirdOctaveSpectrum(int fftSize) {
        if (fftSize != 0 && (fftSize < 64 || Integer.bitCount(fftSize) != 1)) {
            throw new IllegalArgumentException("FFT size must be a power of two of at least 64, was " + fftSize);
        }
        this.requestedFftSize = fftSize;
    }

    /** The FFT size used when none is given: the power of two nearest to 2/3 s at this rate. */
    public static int defaultFftSize(double sampleRate) {
        double target = sampleRate * 2 / 3;
        int n = Integer.highestOneBit((int) Math.max(64, target));
        return (target / n > Math.sqrt(2)) ? 2 * n : n;
    }

    /**
     * The FFT size for audio of {@code frames} frames: the default, halved (down to 256) while it is
     * longer than the audio.
     */
    public static int fftSizeFor(double sampleRate, long frames) {
        int size = defaultFftSize(sampleRate);
        while (size > 256 && size > frames) {
            size /= 2;
        }
        return size;
    }

    /** Measures a whole clip. */
    public static List<SpectrumBand> of(AudioClip clip) {
        ThirdOctaveSpectrum spectrum = new ThirdOctaveSpectrum(fftSizeFor(clip.sampleRate(), clip.frames()));
        spectrum.prepare(clip.sampleRate(), clip.channels(), clip.frames());
        spectrum.process(clip.samples(), 0, clip.samples().length);
        spectrum.finish();
        return spectrum.bands();
    }

    /**
     * Measures interleaved audio already in memory with the frames shared out over two threads (the
     * caller's and one of the common pool's): the same frames as feeding it all to one meter, their
     * powers summed in another order, so the levels agree to rounding.
     */
    public static List<SpectrumBand> ofInParts(float[] samples, int channels, double sampleRate, int fftSize) {
        int frames = samples.length / channels;
        int hop = fftSize / 2;
        int full = frames >= fftSize ? (frames - fftSize) / hop + 1 : 0;
        ThirdOctaveSpectrum first = new ThirdOctaveSpectrum(fftSize);
        first.prepare(sampleRate, channels, frames);
        if (full < 4) {
            first.process(samples, 0, frames * channels);
            first.finish();
            return first.bands();
        }
        // the first part takes frames 0 … j-1 (samples up to (j+1)·hop), the second starts at frame j
        int j = full / 2;
        int secondFrom = j * hop * channels;
        ThirdOctaveSpectrum second = new ThirdOctaveSpectrum(fftSize);
        second.prepare(sampleRate, channels, frames);
        java.util.concurrent.ForkJoinTask<?> other = java.util.concurrent.ForkJoinPool.commonPool().submit(
                () -> second.process(samples, secondFrom, samples.length - secondFrom));
        first.process(samples, 0, (j + 1) * hop * channels);
        other.join();
        synchronized (first.lock) {
            synchronized (second.lock) {
                for (int k = 0; k < first.binPowerSum.length; k++) {
                    first.binPowerSum[k] += second.binPowerSum[k];
                }
                first.transforms += second.transforms;
            }
        }
        return first.bands();
    }

    @Override
    public void prepare(double sampleRate, int channels, int maxBlockFrames) {
        if (channels < 1) {
            throw new IllegalArgumentException("channel count must be at least 1, was " + channels);
        }
        this.channels = channels;
        fftSize = requestedFftSize != 0 ? requestedFftSize : defaultFftSize(sampleRate);
        fft = new FFT(fftSize, new HannWindow());
        windowPower = 0;
        for (float w : new HannWindow().generateCurve(fftSize)) {
            windowPower += (double) w * w;
        }
        frames = new float[channels][fftSize];
        work = new float[fftSize];
        filled = 0;
        double nyquist = sampleRate / 2;
        bandCount = 0;
        for (int b = 0; b < NOMINAL_CENTRES_HZ.length; b++) {
            if (exactCentre(b) * Math.pow(10, 0.05) <= nyquist) {
                bandCount = b + 1;
            }
        }
        bandOfBin = new int[fftSize / 2 + 1];
        transformPower = new double[fftSize / 2 + 1];
        for (int k = 0; k <= fftSize / 2; k++) {
            bandOfBin[k] = bandOf(k * sampleRate / fftSize);
        }
        synchronized (lock) {
            binPowerSum = new double[fftSize / 2 + 1];
            transforms = 0;
        }
    }

    private static double exactCentre(int band) {
        return 1000 * Math.pow(10, (band + FIRST_BAND_INDEX) / 10.0);
    }

    private int bandOf(double hz) {
        for (int b = 0; b < bandCount; b++) {
            double c = exactCentre(b);
            if (hz >= c * Math.pow(10, -0.05) && hz < c * Math.pow(10, 0.05)) {
                return b;
            }
        }
        return -1;
    }

    @Override
    public void process(float[] samples, int offset, int length) {
        if (fft == null) {
            throw new IllegalStateException("ThirdOctaveSpectrum: call prepare(...) before process(...)");
        }
        int frameCount = length / channels;
        int hop = fftSize / 2;
        for (int f = 0, i = offset; f < frameCount; f++) {
            for (int c = 0; c < channels; c++, i++) {
                frames[c][filled] = samples[i];
            }
            if (++filled == fftSize) {
                transformAll();
                for (int c = 0; c < channels; c++) {
                    System.arraycopy(frames[c], hop, frames[c], 0, fftSize - hop);
                }
                filled = fftSize - hop;
            }
        }
    }

    /**
     * Ends the analysis: if no full frame has been seen yet, the samples so far are analysed as one
     * zero-padded frame. Call once the audio is over; further audio starts over the partial frame.
     */
    public void finish() {
        boolean none;
        synchronized (lock) {
            none = transforms == 0;
        }
        if (none && filled > 0) {
            for (int c = 0; c < channels; c++) {
                java.util.Arrays.fill(frames[c], filled, fftSize, 0f);
            }
            transformAll();
            filled = 0;
        }
    }

    private void transformAll() {
        // one buffer kept from prepare(): a live meter thread analyses 30 times a second, and 128 KB of
        // garbage each time means collections that pause the audio thread too
        double[] local = transformPower;
        java.util.Arrays.fill(local, 0);
        for (int c = 0; c < channels; c++) {
            System.arraycopy(frames[c], 0, work, 0, fftSize);
            fft.forwardTransform(work);
            // packed real FFT: work[0] = Re(0), work[1] = Re(N/2), then (Re, Im) pairs
            local[0] += (double) work[0] * work[0];
            local[fftSize / 2] += (double) work[1] * work[1];
            for (int k = 1; k < fftSize / 2; k++) {
                double re = work[2 * k];
                double im = work[2 * k + 1];
                local[k] += re * re + im * im;
            }
        }
        synchronized (lock) {
            for (int k = 0; k < local.length; k++) {
                binPowerSum[k] += local[k];
            }
            transforms += channels;
        }
    }

    /** The band levels measured so far (negative infinity everywhere before the first full frame). */
    public List<SpectrumBand> bands() {
        double[] power = new double[bandCount];
        long n;
        synchronized (lock) {
            n = transforms;
            for (int k = 1; k < binPowerSum.length; k++) {
                int b = bandOfBin[k];
                if (b >= 0) {
                    power[b] += binPowerSum[k];
                }
            }
        }
        // one-sided spectrum: mean square = 2 |X_k|^2 / (N * sum w^2); a full-scale sine has 1/2
        double scale = n == 0 ? 0 : 2.0 / (fftSize * windowPower * n) / 0.5;
        List<SpectrumBand> out = new ArrayList<>(bandCount);
        for (int b = 0; b < bandCount; b++) {
            out.add(new SpectrumBand(NOMINAL_CENTRES_HZ[b], Decibels.fromPower(power[b] * scale)));
        }
        return List.copyOf(out);
    }

    /** The FFT size in use (after prepare). */
    public int fftSize() {
        return fftSize;
    }

    /** Starts the averaging over. */
    @Override
    public void reset() {
        filled = 0;
        synchronized (lock) {
            java.util.Arrays.fill(binPowerSum, 0);
            transforms = 0;
        }
    }
}
