package org.controlroom.lesson.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.Compressor;

/**
 * The explore step of a compression lesson: before the first question the learner turns the
 * compressor's threshold, ratio, attack and release on the question's excerpt and watches its gain
 * reduction. {@link #run} renders the excerpt through the drill's compressor (hard knee, peak
 * detection, linked) and records the gain-reduction meter block by block, so a screen can show the
 * meter in step with playback.
 */
public final class DrillExplore {

    /** Frames per meter reading (about 5 ms at 48 kHz). */
    public static final int METER_FRAMES = 256;

    private DrillExplore() {
    }

    /** The four knobs. */
    public record Knobs(double thresholdDb, double ratio, double attackMs, double releaseMs) {
        public Knobs {
            if (!(ratio >= 1) || !(attackMs > 0) || !(releaseMs > 0) || !(thresholdDb <= 0)) {
                throw new IllegalArgumentException("threshold <= 0 dB, ratio >= 1, attack and release > 0 ms");
            }
        }
    }

    /**
     * The excerpt through the knobs.
     *
     * @param processed     the compressed excerpt (no make-up gain)
     * @param rmsDropDb     how much lower its RMS level is than the excerpt's (the gain reduction as heard)
     * @param maxReductionDb the meter's highest reading
     * @param meterDb       the meter's reading every {@link #METER_FRAMES} frames
     */
    public record Result(AudioClip processed, double rmsDropDb, double maxReductionDb, float[] meterDb) {

        /** The meter's reading at a playback frame (looping over the excerpt). */
        public double meterAt(long frame) {
            if (meterDb.length == 0) {
                return 0;
            }
            int i = (int) ((frame / METER_FRAMES) % meterDb.length);
            return meterDb[Math.max(0, i)];
        }
    }

    /** Where the knobs start for a question: its own ratio and timing, the threshold 12 dB under the excerpt's peak. */
    public static Knobs start(DrillQuestion q, AudioClip excerpt) {
        double peak = peakDb(excerpt);
        double ratio = q.exercise() == org.controlroom.lesson.script.DrillExercise.COMPRESSION ? 4 : q.ratio();
        return new Knobs(Math.max(-60, Math.min(0, Math.round(peak - 12))), ratio, q.attackMs(), q.releaseMs());
    }

    /** The excerpt's sample peak, dBFS. */
    public static double peakDb(AudioClip clip) {
        float peak = 0;
        for (float v : clip.samples()) {
            peak = Math.max(peak, Math.abs(v));
        }
        return 20 * Math.log10(Math.max(1e-9, peak));
    }

    /** Renders the excerpt (stereo) through the knobs, reading the meter as it goes. */
    public static Result run(AudioClip excerpt, Knobs k) {
        AudioClip b = excerpt.copy();
        Compressor c = DrillAudio.compressor(k.thresholdDb(), k.ratio(), k.attackMs(), k.releaseMs());
        int ch = b.channels();
        c.prepare(b.sampleRate(), ch, METER_FRAMES);
        float[] s = b.samples();
        int blocks = (b.frames() + METER_FRAMES - 1) / METER_FRAMES;
        float[] meter = new float[blocks];
        double max = 0;
        for (int i = 0; i < blocks; i++) {
            int from = i * METER_FRAMES * ch;
            c.process(s, from, Math.min(METER_FRAMES * ch, s.length - from));
            meter[i] = (float) c.gainReductionDb();
            max = Math.max(max, meter[i]);
        }
        return new Result(b, DrillAudio.rmsDb(excerpt) - DrillAudio.rmsDb(b), max, meter);
    }

    /**
     * What the terminal says for the explore step (it cannot turn knobs live): what the step is, and the
     * gain reduction measured on the first question's excerpt at a few thresholds.
     */
    public static List<String> describe(DrillQuestion q, AudioClip excerpt) {
        Knobs start = start(q, excerpt);
        List<String> out = new ArrayList<>();
        out.add("Explore (in the window: turn threshold, ratio, attack and release on this excerpt and watch the"
                + " gain-reduction meter). Measured on question 1's A, ratio " + DrillPlay.format(start.ratio())
                + ":1, attack " + DrillPlay.format(start.attackMs()) + " ms, release "
                + DrillPlay.format(start.releaseMs()) + " ms:");
        double peak = peakDb(excerpt);
        for (int below : new int[] {3, 6, 12, 18, 24}) {
            double t = Math.max(-60, Math.round(peak - below));
            Result r = run(excerpt, new Knobs(t, start.ratio(), start.attackMs(), start.releaseMs()));
            out.add(String.format(Locale.ROOT, "  threshold %5.1f dB: level down %4.1f dB, meter peaks at %4.1f dB",
                    t, r.rmsDropDb(), r.maxReductionDb()));
        }
        out.add("(Render your own: render IN.wav OUT.wav --comp threshold=DB,ratio=R,attack=MS,release=MS. Skipped here.)");
        return out;
    }
}
