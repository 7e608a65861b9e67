package org.controlroom.analysis.take;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

import org.controlroom.dsp.AudioClip;

import be.tarsos.dsp.pitch.FastYin;
import be.tarsos.dsp.pitch.PitchDetectionResult;

/**
 * Measures a take: pitch (TarsosDSP's YIN, frames kept where YIN finds a clear period and the frame
 * is well above the noise floor), onsets (a spectral-flux detector with a maximum filter across
 * frequency against vibrato, and an adaptive threshold), the notes between onsets, clipping, the noise
 * floor, and timing against a tempo grid or the melody's notes.
 */
public final class TakeAnalysis {

    /** Pitch frames: every 10 ms. */
    static final double PITCH_HOP_S = 0.010;
    /** YIN's aperiodicity threshold: frames above it are unvoiced. */
    static final double YIN_THRESHOLD = 0.15;
    /** Voiced frames are at least this far above the noise floor, and above an absolute floor. */
    static final double VOICED_ABOVE_FLOOR_DB = 15;
    static final double VOICED_MIN_DBFS = -50;
    /** The part of a note pitch is read from: after the attack, before the release. */
    static final double NOTE_SKIP_HEAD_S = 0.05;
    static final double NOTE_SKIP_TAIL_S = 0.04;
    static final float CLIP_LEVEL = 0.9999f;
    /** Unpitched onsets this close together are one noise event. */
    static final double NOISE_EVENT_MERGE_S = 0.3;

    /**
     * What the take is measured against.
     *
     * @param referenceHz A4
     * @param bpm         a tempo grid (beats from the top of the take), if any
     * @param melody      the notes the take should sing, in take time (empty: none)
     */
    public record Settings(double referenceHz, OptionalDouble bpm, List<SungNote> melody) {
        public Settings {
            melody = List.copyOf(melody);
            if (!(referenceHz >= 300 && referenceHz <= 600)) {
                throw new IllegalArgumentException("the reference pitch must be 300 to 600 Hz, was " + referenceHz);
            }
            if (bpm.isPresent() && !(bpm.getAsDouble() >= 20 && bpm.getAsDouble() <= 400)) {
                throw new IllegalArgumentException("the tempo must be 20 to 400 bpm, was " + bpm.getAsDouble());
            }
        }

        public static Settings standard() {
            return new Settings(440, OptionalDouble.empty(), List.of());
        }
    }

    private final Settings settings;

    public TakeAnalysis(Settings settings) {
        this.settings = settings;
    }

    /** Analyses a clip (stereo and wider are mixed to mono; clipping counts on every channel). */
    public TakeReport analyse(AudioClip clip) {
        long clipped = 0;
        for (float s : clip.samples()) {
            if (Math.abs(s) >= CLIP_LEVEL || !Float.isFinite(s)) {
                clipped++;
            }
        }
        return analyse(mono(clip), clip.sampleRate(), clipped);
    }

    /** The clip mixed to mono (the mean of its channels). */
    public static float[] mono(AudioClip clip) {
        if (clip.channels() == 1) {
            return clip.samples();
        }
        int ch = clip.channels();
        float[] in = clip.samples();
        float[] out = new float[clip.frames()];
        for (int i = 0, j = 0; i < out.length; i++) {
            double sum = 0;
            for (int c = 0; c < ch; c++, j++) {
                sum += in[j];
            }
            out[i] = (float) (sum / ch);
        }
        return out;
    }

    private TakeReport analyse(float[] x, double rate, long clipped) {
        double seconds = x.length / rate;
        int hop = (int) Math.round(PITCH_HOP_S * rate);
        double[] levels = levels(x, hop);
        double floor = noiseFloor(x, rate);
        float[] track = pitchTrack(x, rate, hop, levels, floor);
        int voiced = 0;
        double[] centsAll = new double[track.length];
        double[] hzAll = new double[track.length];
        for (float f : track) {
            if (!Float.isNaN(f)) {
                hzAll[voiced] = f;
                centsAll[voiced] = centsFromNearest(f);
                voiced++;
            }
        }
        double pitchHz = voiced == 0 ? Double.NaN : median(hzAll, voiced);
        double centsOff = voiced == 0 ? Double.NaN : median(centsAll, voiced);
        List<Double> onsets = new OnsetDetector(rate).detect(x);
        List<TakeReport.Note> notes = new ArrayList<>();
        List<Double> noiseEvents = new ArrayList<>();
        notes(onsets, track, rate, hop, seconds, notes, noiseEvents);
        List<Double> timing = new ArrayList<>();
        for (TakeReport.Note n : notes) {
            timing.add(timingMs(n.onsetS()));
        }
        double ratio = track.length == 0 ? 0 : (double) voiced / track.length;
        return new TakeReport(seconds, pitchHz, centsOff, onsets, clipped, floor, notes, timing, ratio, noiseEvents,
                track, hop / rate);
    }

    /** RMS level (dBFS) of each pitch frame's hop. */
    private static double[] levels(float[] x, int hop) {
        int n = x.length / hop;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int k = i * hop; k < (i + 1) * hop; k++) {
                sum += x[k] * x[k];
            }
            out[i] = 10 * Math.log10(sum / hop + 1e-20);
        }
        return out;
    }

    /** The 10th percentile of 20 ms RMS levels, dBFS (−120 for digital silence). */
    static double noiseFloor(float[] x, double rate) {
        int w = Math.max(1, (int) Math.round(0.02 * rate));
        int n = x.length / w;
        if (n == 0) {
            return -120;
        }
        double[] db = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int k = i * w; k < (i + 1) * w; k++) {
                sum += (double) x[k] * x[k];
            }
            db[i] = Math.max(-120, 10 * Math.log10(sum / w + 1e-20));
        }
        Arrays.sort(db);
        return db[(int) (0.1 * (n - 1))];
    }

    private static float[] pitchTrack(float[] x, double rate, int hop, double[] levels, double floor) {
        int size = Integer.highestOneBit((int) Math.round(rate * 0.04)) * 2;
        FastYin yin = new FastYin((float) rate, size, YIN_THRESHOLD);
        int frames = x.length / hop;
        float[] track = new float[frames];
        float[] buf = new float[size];
        double gate = Math.max(VOICED_MIN_DBFS, floor + VOICED_ABOVE_FLOOR_DB);
        for (int i = 0; i < frames; i++) {
            track[i] = Float.NaN;
            // the frame is centred on its hop
            int start = i * hop + hop / 2 - size / 2;
            if (levels[i] < gate || start < 0 || start + size > x.length) {
                continue;
            }
            System.arraycopy(x, start, buf, 0, size);
            PitchDetectionResult r = yin.getPitch(buf);
            float hz = r.getPitch();
            if (r.isPitched() && hz >= 50 && hz <= 2000) {
                track[i] = hz;
            }
        }
        return track;
    }

    /** Notes between onsets (a stretch with pitch); onsets without pitch after them are noise events. */
    private void notes(List<Double> onsets, float[] track, double rate, int hop, double seconds,
                       List<TakeReport.Note> notes, List<Double> noiseEvents) {
        double hopS = (double) hop / rate;
        for (int i = 0; i < onsets.size(); i++) {
            double on = onsets.get(i);
            double next = i + 1 < onsets.size() ? onsets.get(i + 1) : seconds;
            int from = (int) Math.ceil(on / hopS);
            int to = Math.min(track.length, (int) Math.floor(next / hopS));
            // the note ends where the pitch stops for 30 ms or more
            int end = from;
            int unvoicedRun = 0;
            int lastVoiced = -1;
            for (int k = from; k < to; k++) {
                if (Float.isNaN(track[k])) {
                    unvoicedRun++;
                    if (lastVoiced >= 0 && unvoicedRun * hopS >= 0.03) {
                        break;
                    }
                } else {
                    unvoicedRun = 0;
                    lastVoiced = k;
                }
                end = k + 1;
            }
            if (lastVoiced < 0) {
                noiseEvent(noiseEvents, on);
                continue;
            }
            double endS = Math.min(next, (lastVoiced + 1) * hopS);
            int a = (int) Math.ceil((on + NOTE_SKIP_HEAD_S) / hopS);
            int b = (int) Math.floor((endS - NOTE_SKIP_TAIL_S) / hopS);
            if (b - a < 3) {
                a = from;
                b = lastVoiced + 1;
            }
            double[] hz = new double[Math.max(0, b - a)];
            int n = 0;
            for (int k = a; k < b && k < track.length; k++) {
                if (!Float.isNaN(track[k])) {
                    hz[n++] = track[k];
                }
            }
            if (n < 3 || (double) n / Math.max(1, b - a) < 0.5) {
                if (n == 0) {
                    noiseEvent(noiseEvents, on);
                }
                continue;
            }
            double med = median(hz, n);
            int midi = (int) Math.round(69 + 12 * Math.log(med / settings.referenceHz()) / Math.log(2));
            double nearest = settings.referenceHz() * Math.pow(2, (midi - 69) / 12.0);
            double cents = 1200 * Math.log(med / nearest) / Math.log(2);
            double var = 0;
            for (int k = 0; k < n; k++) {
                double d = 1200 * Math.log(hz[k] / med) / Math.log(2);
                var += d * d;
            }
            notes.add(new TakeReport.Note(on, endS - on, med, cents, Math.sqrt(var / n), midi));
        }
    }

    /** A noise event, unless it goes on from one just before (a cough's second burst). */
    private static void noiseEvent(List<Double> events, double at) {
        if (events.isEmpty() || at - events.get(events.size() - 1) > NOISE_EVENT_MERGE_S) {
            events.add(at);
        }
    }

    /** A note onset's offset (ms) from the nearest melody note, else the nearest beat; NaN without either. */
    double timingMs(double onsetS) {
        if (!settings.melody().isEmpty()) {
            double best = Double.POSITIVE_INFINITY;
            for (SungNote m : settings.melody()) {
                double d = onsetS - m.onsetS();
                if (Math.abs(d) < Math.abs(best)) {
                    best = d;
                }
            }
            return best * 1000;
        }
        if (settings.bpm().isPresent()) {
            double beat = 60 / settings.bpm().getAsDouble();
            return (onsetS - Math.round(onsetS / beat) * beat) * 1000;
        }
        return Double.NaN;
    }

    private double centsFromNearest(double hz) {
        double semis = 12 * Math.log(hz / settings.referenceHz()) / Math.log(2);
        return 100 * (semis - Math.rint(semis));
    }

    static double median(double[] v, int n) {
        double[] c = Arrays.copyOf(v, n);
        Arrays.sort(c);
        return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
    }
}
