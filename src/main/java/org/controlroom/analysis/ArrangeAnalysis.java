package org.controlroom.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.meter.LoudnessMeter;
import org.controlroom.dsp.mix.Mixer;
import org.controlroom.dsp.mix.OfflineRenderer;

/**
 * Measures an arrangement from its render: the short-term loudness curve of the whole song and each
 * placed section's loudness; and, from the stems themselves, whether a stem sounds in a stretch of
 * its source (a stem switched on over a silent stretch is not an active stem).
 */
public final class ArrangeAnalysis {
    /** Points of the loudness curve per second. */
    public static final double CURVE_STEP_SECONDS = 0.25;
    /** A stem whose RMS over a section's stretch is under this is silent there. */
    public static final double ACTIVE_DBFS = -50;

    private final OfflineRenderer renderer;

    public ArrangeAnalysis(OfflineRenderer renderer) {
        this.renderer = renderer;
    }

    public ArrangeAnalysis() {
        this(new OfflineRenderer());
    }

    /**
     * Renders {@code frames} frames of the mixer and measures them.
     *
     * @param sectionStarts where each placed section starts, frames (in play order; each ends where the
     *                      next starts, the last at {@code frames})
     * @param progress      hears 0..1 as the render goes on (called on this thread)
     */
    public ArrangeMeasurement measure(Mixer mixer, long frames, long[] sectionStarts, DoubleConsumer progress) {
        if (frames > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("too long to measure in memory: " + frames + " frames");
        }
        float[] all = new float[(int) frames * 2];
        int[] at = {0};
        try {
            renderer.render(mixer, frames, (block, n) -> {
                System.arraycopy(block, 0, all, at[0], 2 * n);
                at[0] += 2 * n;
            }, done -> progress.accept(frames == 0 ? 1 : 0.9 * done / frames));
        } catch (org.controlroom.dsp.io.AudioFileException e) {
            throw new IllegalStateException(e);
        }
        AudioClip render = new AudioClip(mixer.sampleRate(), 2, all);
        ArrangeMeasurement m = measure(render, sectionStarts);
        progress.accept(1);
        return m;
    }

    /** Measures a rendered arrangement (stereo or mono). */
    public static ArrangeMeasurement measure(AudioClip render, long[] sectionStarts) {
        double rate = render.sampleRate();
        int ch = render.channels();
        int step = (int) Math.round(CURVE_STEP_SECONDS * rate);
        LoudnessMeter meter = new LoudnessMeter();
        meter.prepare(rate, ch, step);
        List<Double> curve = new ArrayList<>();
        float[] s = render.samples();
        int frames = render.frames();
        for (int f = 0; f + step <= frames; f += step) {
            meter.process(s, f * ch, step * ch);
            curve.add(meter.shortTermLufs());
        }
        List<Double> sections = new ArrayList<>();
        for (int i = 0; i < sectionStarts.length; i++) {
            long from = sectionStarts[i];
            long to = i + 1 < sectionStarts.length ? sectionStarts[i + 1] : frames;
            sections.add(integratedLufs(render, from, to));
        }
        return new ArrangeMeasurement(render.seconds(), CURVE_STEP_SECONDS, curve, sections,
                LoudnessMeter.integratedLufs(render), render);
    }

    /** Integrated loudness of frames [from, to) of a clip, LUFS (−∞ when silent or empty). */
    public static double integratedLufs(AudioClip clip, long from, long to) {
        int a = (int) Math.max(0, Math.min(from, clip.frames()));
        int b = (int) Math.max(a, Math.min(to, clip.frames()));
        if (b == a) {
            return Double.NEGATIVE_INFINITY;
        }
        LoudnessMeter meter = new LoudnessMeter();
        meter.prepare(clip.sampleRate(), clip.channels(), b - a);
        meter.process(clip.samples(), a * clip.channels(), (b - a) * clip.channels());
        return meter.integratedLufs();
    }

    /**
     * RMS of {@code frames} frames of a clip from {@code from}, in dBFS (all channels); a clip shorter
     * than the stretch is read as a loop, as an arrangement plays it.
     */
    public static double rmsDbfs(AudioClip clip, long from, long frames) {
        int n = clip.frames();
        if (n == 0 || frames <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        int ch = clip.channels();
        float[] s = clip.samples();
        double sum = 0;
        for (long k = 0; k < frames; k++) {
            int f = (int) Math.floorMod(from + k, (long) n);
            for (int c = 0; c < ch; c++) {
                double v = s[f * ch + c];
                sum += v * v;
            }
        }
        double ms = sum / (frames * ch);
        return ms <= 0 ? Double.NEGATIVE_INFINITY : 10 * Math.log10(ms);
    }

    /** Whether a stem sounds over a stretch of its source ({@link #ACTIVE_DBFS}). */
    public static boolean active(AudioClip stem, long from, long frames) {
        return rmsDbfs(stem, from, frames) >= ACTIVE_DBFS;
    }
}
