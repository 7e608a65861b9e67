package org.controlroom.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.BlockProcessor;
import org.controlroom.dsp.meter.LoudnessMeter;
import org.controlroom.dsp.meter.LoudnessSummary;
import org.controlroom.dsp.meter.LoudnessAnalyzer;
import org.controlroom.dsp.meter.SpectrumBand;
import org.controlroom.dsp.meter.ThirdOctaveSpectrum;
import org.controlroom.dsp.mix.Mixer;
import org.controlroom.dsp.mix.OfflineRenderer;

/**
 * Measures a mix from one render: the mix's integrated loudness, loudness range and short-term maximum
 * (BS.1770 / EBU Tech 3342), true peak, clipping after the limiter and before it, its 1/3-octave
 * spectrum; and each track as it reaches the master — the track's own block after its strip (EQ,
 * compressor, fader, pan), times its mute/solo gain, its bus's fader and the master fader — metered in
 * the same pass (its loudness, loudness range, pan position and, when asked for, its spectrum). That is
 * what the track would measure soloed in place, before the limiter (a group bus's own processing, if
 * any, is not counted: the sessions' buses are plain faders).
 */
public final class MixAnalysis {
    private final OfflineRenderer renderer;

    public MixAnalysis(OfflineRenderer renderer) {
        this.renderer = renderer;
    }

    public MixAnalysis() {
        this(new OfflineRenderer());
    }

    /** Renders {@code frames} frames of the mixer and measures them. */
    public MixMeasurement measure(Mixer mixer, long frames) {
        return measure(mixer, frames, Set.of());
    }

    /**
     * Renders and measures; the tracks named in {@code spectrumTracks} also get their own 1/3-octave
     * spectrum (for masking).
     */
    public MixMeasurement measure(Mixer mixer, long frames, Set<String> spectrumTracks) {
        List<Mixer.Track> tracks = mixer.tracks();
        double master = Math.pow(10, mixer.masterFaderDb() / 20);
        TrackMeter[] meters = new TrackMeter[tracks.size()];
        for (int i = 0; i < meters.length; i++) {
            Mixer.Track t = tracks.get(i);
            double bus = 1;
            if (t.route() != null) {
                bus = t.route().isMuted() ? 0 : Math.pow(10, t.route().faderDb() / 20);
            }
            meters[i] = new TrackMeter(t.name(), mixer.sampleRate(), mixer.maxBlockFrames(), bus * master, frames,
                    spectrumTracks.contains(t.name()));
        }
        ClipCounter beforeLimiter = new ClipCounter(frames);
        if (frames > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("too long to measure in memory: " + frames + " frames");
        }
        // The mix is metered block by block as the renderer delivers it, on the thread that finishes
        // the master while the other core mixes the next block's tracks: the same figures as metering
        // the finished clip afterwards, with the work spread over both cores.
        int rate = (int) mixer.sampleRate();
        float[] all = new float[(int) frames * 2];
        LoudnessAnalyzer whole = new LoudnessAnalyzer();
        whole.prepare(rate, 2, mixer.maxBlockFrames());
        long[] clippedAfter = {0};
        int[] at = {0};
        mixer.setTrackTap((i, start, stereo, n, g0, g1) -> meters[i].accept(start, stereo, n, g0, g1));
        mixer.setPreLimiterTap(beforeLimiter);
        try {
            renderer.render(mixer, frames, (block, n) -> {
                System.arraycopy(block, 0, all, at[0], 2 * n);
                at[0] += 2 * n;
                whole.process(block, 0, 2 * n);
                clippedAfter[0] += clipped(block, 2 * n);
            }, done -> { });
        } catch (org.controlroom.dsp.io.AudioFileException e) {
            throw new IllegalStateException(e);
        } finally {
            mixer.setTrackTap(null);
            mixer.setPreLimiterTap(null);
        }
        AudioClip mix = new AudioClip(rate, 2, all);
        // The long-term spectrum's transforms come in bursts (two of 2/3 s every 1/3 s of audio) that would
        // stall the rendering threads' hand-over block after block; on the finished mix they are shared out.
        List<SpectrumBand> spectrum = ThirdOctaveSpectrum.ofInParts(all, 2, rate,
                ThirdOctaveSpectrum.fftSizeFor(rate, frames));
        LoudnessSummary summary = whole.summary();
        Map<String, TrackMeasurement> out = new LinkedHashMap<>();
        for (TrackMeter m : meters) {
            out.put(m.name, m.result());
        }
        return new MixMeasurement(summary.integratedLufs(), summary.loudnessRangeLu(), summary.shortTermMaxLufs(),
                summary.truePeakDbtp(), summary.samplePeakDbfs(), clippedAfter[0], beforeLimiter.clipped, out,
                spectrum, mix.seconds(), mix);
    }

    /** Samples at or over full scale (or not finite) among the first {@code length}. */
    private static long clipped(float[] samples, int length) {
        long n = 0;
        for (int i = 0; i < length; i++) {
            // at or over full scale, or NaN (whose comparisons are all false; infinity is over full scale)
            if (!(Math.abs(samples[i]) < 1f)) {
                n++;
            }
        }
        return n;
    }

    /** Meters one track's blocks as they reach the master (called on one rendering thread at a time). */
    private static final class TrackMeter {
        final String name;
        final double gain;
        final long frames;
        final float[] scratch;
        final LoudnessMeter loudness = new LoudnessMeter();
        final ThirdOctaveSpectrum spectrum;
        double left;
        double right;
        boolean heard;

        TrackMeter(String name, double sampleRate, int block, double gain, long frames, boolean wantSpectrum) {
            this.name = name;
            this.gain = gain;
            this.frames = frames;
            this.scratch = new float[2 * block];
            loudness.prepare(sampleRate, 2, block);
            spectrum = wantSpectrum ? new ThirdOctaveSpectrum() : null;
            if (spectrum != null) {
                spectrum.prepare(sampleRate, 2, block);
            }
        }

        void accept(long start, float[] stereo, int n, double g0, double g1) {
            int usable = (int) Math.max(0, Math.min(n, frames - start));
            if (usable == 0 || (g0 == 0 && g1 == 0) || gain == 0) {
                return;
            }
            heard = true;
            double l = 0;
            double r = 0;
            if (g0 == g1 && spectrum == null) {
                // a steady gain and no spectrum: meter the block as it is and scale the powers by the
                // gain's square (the K-weighting is linear), without a scaled copy
                double g = gain * g0;
                double l2 = 0;
                double r2 = 0;
                int f = 0;
                for (; f + 1 < usable; f += 2) {
                    double a = stereo[2 * f];
                    double b = stereo[2 * f + 1];
                    double c = stereo[2 * f + 2];
                    double d = stereo[2 * f + 3];
                    l += a * a;
                    r += b * b;
                    l2 += c * c;
                    r2 += d * d;
                }
                for (; f < usable; f++) {
                    double a = stereo[2 * f];
                    double b = stereo[2 * f + 1];
                    l += a * a;
                    r += b * b;
                }
                left += (l + l2) * g * g;
                right += (r + r2) * g * g;
                loudness.process(stereo, 0, 2 * usable, g * g);
                return;
            }
            if (g0 == g1) {
                // a steady gain (nearly every block): the ramp's formula gives gain * g0 exactly
                double g = gain * g0;
                // two sums per side (even and odd frames), so the adds do not wait on each other
                double l2 = 0;
                double r2 = 0;
                int f = 0;
                for (; f + 1 < usable; f += 2) {
                    float a = (float) (stereo[2 * f] * g);
                    float b = (float) (stereo[2 * f + 1] * g);
                    float c = (float) (stereo[2 * f + 2] * g);
                    float d = (float) (stereo[2 * f + 3] * g);
                    scratch[2 * f] = a;
                    scratch[2 * f + 1] = b;
                    scratch[2 * f + 2] = c;
                    scratch[2 * f + 3] = d;
                    l += (double) a * a;
                    r += (double) b * b;
                    l2 += (double) c * c;
                    r2 += (double) d * d;
                }
                for (; f < usable; f++) {
                    float a = (float) (stereo[2 * f] * g);
                    float b = (float) (stereo[2 * f + 1] * g);
                    scratch[2 * f] = a;
                    scratch[2 * f + 1] = b;
                    l += (double) a * a;
                    r += (double) b * b;
                }
                l += l2;
                r += r2;
            } else for (int f = 0; f < usable; f++) {
                // the same straight ramp as the mixer's sum
                double g = gain * (g0 + (g1 - g0) * (f + 1) / n);
                float a = (float) (stereo[2 * f] * g);
                float b = (float) (stereo[2 * f + 1] * g);
                scratch[2 * f] = a;
                scratch[2 * f + 1] = b;
                l += (double) a * a;
                r += (double) b * b;
            }
            left += l;
            right += r;
            loudness.process(scratch, 0, 2 * usable);
            if (spectrum != null) {
                spectrum.process(scratch, 0, 2 * usable);
            }
        }

        TrackMeasurement result() {
            if (!heard) {
                return new TrackMeasurement(name, Double.NEGATIVE_INFINITY, 0, Double.NEGATIVE_INFINITY, Double.NaN,
                        List.<SpectrumBand>of());
            }
            List<SpectrumBand> bands = List.of();
            if (spectrum != null) {
                spectrum.finish();
                bands = spectrum.bands();
            }
            return new TrackMeasurement(name, loudness.integratedLufs(), loudness.loudnessRangeLu(),
                    loudness.shortTermMaxLufs(), TrackMeasurement.panFromEnergies(left, right), bands);
        }
    }

    /** Counts samples at or over full scale on the master before the limiter, up to the render's length. */
    private static final class ClipCounter implements BlockProcessor {
        final long frames;
        long seen;
        long clipped;

        ClipCounter(long frames) {
            this.frames = frames;
        }

        @Override
        public void prepare(double sampleRate, int channels, int maxBlockFrames) {
            seen = 0;
            clipped = 0;
        }

        @Override
        public void reset() {
            seen = 0;
            clipped = 0;
        }

        @Override
        public void process(float[] samples, int offset, int length) {
            int usable = (int) Math.max(0, Math.min(length / 2, frames - seen));
            for (int i = offset; i < offset + 2 * usable; i++) {
                if (!(Math.abs(samples[i]) < 1f)) {   // at or over full scale, or NaN
                    clipped++;
                }
            }
            seen += length / 2;
        }
    }
}
