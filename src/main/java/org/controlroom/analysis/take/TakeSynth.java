package org.controlroom.analysis.take;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes takes of a phrase from its notes, deterministically from a seed: a voice (harmonics through
 * vowel formants, delayed vibrato, a little scoop and jitter, a consonant at each word) or an instrument
 * (a bowed, cello-like tone), with {@link TakeFlaw flaws} put in at known amounts. The same notes, voice,
 * flaws and seed always make the same samples.
 */
public final class TakeSynth {

    /** What sings or plays the take. */
    public enum Voice {
        /** A sung "ah": harmonics shaped by three formants, vibrato 5.5 Hz ±25 cents, consonants. */
        VOICE,
        /** A bowed string an octave under the written line: bright, slower narrower vibrato, bow noise. */
        CELLO,
        /** A bare sawtooth (every harmonic at 1/k to Nyquist): the hardest case for pitch tracking. */
        SAW
    }

    /** A note as the take really sings it: where, how long, how far off in cents, or not at all. */
    public record Sung(SungNote note, double cents, boolean missing) {
    }

    private static final double PEAK = 0.5;
    private static final double ROOM_TONE_DBFS = -80;

    private final double rate;
    private final double a4Hz;

    public TakeSynth(double rate, double a4Hz) {
        this.rate = rate;
        this.a4Hz = a4Hz;
    }

    /** The notes as sung with {@code flaws}: times moved by entry and rush flaws, pitch offsets, gaps. */
    public static List<Sung> sung(List<SungNote> notes, List<TakeFlaw> flaws) {
        List<Sung> out = new ArrayList<>();
        if (notes.isEmpty()) {
            return out;
        }
        double first = notes.get(0).onsetS();
        double last = notes.get(notes.size() - 1).onsetS();
        for (int i = 0; i < notes.size(); i++) {
            SungNote n = notes.get(i);
            double onset = n.onsetS();
            double cents = 0;
            boolean missing = false;
            for (TakeFlaw f : flaws) {
                if (f instanceof TakeFlaw.Entry e && (e.note().isEmpty() || e.note().getAsInt() == i)) {
                    onset += e.ms() / 1000;
                } else if (f instanceof TakeFlaw.Rush r && last > first) {
                    onset -= r.ms() / 1000 * (n.onsetS() - first) / (last - first);
                } else if (f instanceof TakeFlaw.Pitch p && (p.note().isEmpty() || p.note().getAsInt() == i)) {
                    cents += p.cents();
                } else if (f instanceof TakeFlaw.Drift d) {
                    cents += d.cents() * (last > first ? (n.onsetS() - first) / (last - first) : 1);
                } else if (f instanceof TakeFlaw.Gap g && g.note() == i) {
                    missing = true;
                }
            }
            out.add(new Sung(new SungNote(onset, n.seconds(), n.midi()), cents, missing));
        }
        return out;
    }

    /**
     * Renders a mono take {@code lengthS} seconds long.
     *
     * @param notes the phrase's notes in take time (seconds from the top of the take)
     */
    public float[] render(List<SungNote> notes, double lengthS, Voice voice, List<TakeFlaw> flaws, long seed) {
        int frames = (int) Math.round(lengthS * rate);
        float[] out = new float[frames];
        SplittableRandom random = new SplittableRandom(seed);
        List<Sung> sung = sung(notes, flaws);
        float[] note = new float[0];
        for (int i = 0; i < sung.size(); i++) {
            Sung s = sung.get(i);
            SplittableRandom r = random.split();
            if (s.missing()) {
                continue;
            }
            double drift = 0;
            for (TakeFlaw f : flaws) {
                if (f instanceof TakeFlaw.Drift d && notes.size() > 1) {
                    // within the note the drift goes on at the phrase's rate
                    double span = notes.get(notes.size() - 1).onsetS() - notes.get(0).onsetS();
                    drift = span > 0 ? d.cents() / span : 0;
                }
            }
            int start = (int) Math.round(s.note().onsetS() * rate);
            int len = (int) Math.round(s.note().seconds() * rate);
            if (start >= frames || len <= 0) {
                continue;
            }
            if (note.length < len) {
                note = new float[len];
            }
            double gain = Math.pow(10, (r.nextDouble() * 2 - 1) * 1.5 / 20);
            voiceNote(note, len, s.note().hz(a4Hz) * (voice == Voice.CELLO ? 0.5 : 1), s.cents(), drift, voice, r);
            double clipGain = 1;
            for (TakeFlaw f : flaws) {
                if (f instanceof TakeFlaw.Clip c && c.note() == i) {
                    clipGain = Math.pow(10, c.overDb() / 20) / PEAK;
                }
            }
            for (int k = 0; k < len && start + k < frames; k++) {
                out[start + k] += (float) (note[k] * PEAK * gain * clipGain);
            }
        }
        for (TakeFlaw f : flaws) {
            if (f instanceof TakeFlaw.Cough c) {
                cough(out, c.atS(), random.split());
            }
        }
        noise(out, ROOM_TONE_DBFS, random.split());
        for (TakeFlaw f : flaws) {
            if (f instanceof TakeFlaw.Noise n) {
                noise(out, n.dbfs(), random.split());
            }
        }
        for (int k = 0; k < frames; k++) {
            out[k] = Math.max(-1f, Math.min(1f, out[k]));
        }
        return out;
    }

    /** One note into {@code out[0, len)}, peak about 1. */
    private void voiceNote(float[] out, int len, double hz, double cents, double driftCentsPerS, Voice voice,
                           SplittableRandom r) {
        boolean sungVoice = voice == Voice.VOICE;
        double vibDepth = switch (voice) {
            case VOICE -> 25;
            case CELLO -> 12;
            case SAW -> 0;
        };
        double vibRate = (voice == Voice.CELLO ? 5.0 : 5.5) + (r.nextDouble() - 0.5) * 0.6;
        double vibPhase = r.nextDouble() * 2 * Math.PI;
        double attack = voice == Voice.CELLO ? 0.035 : 0.015;
        double release = 0.04;
        double phase = r.nextDouble() * 2 * Math.PI;
        double jitter = 0;
        int maxHarmonics = (int) Math.min(60, (rate * 0.45) / hz);
        if (voice == Voice.SAW) {
            maxHarmonics = (int) ((rate * 0.49) / hz);
        }
        double[] amp = new double[maxHarmonics + 1];
        double peak = 0;
        double noiseState = 0;
        double consonant = sungVoice ? 0.25 : 0.0;
        for (int k = 0; k < len; k++) {
            double t = k / rate;
            if ((k & 63) == 0) {
                jitter += (r.nextDouble() - 0.5) * 0.6;
                jitter *= 0.97;
            }
            double vib = vibDepth * Math.min(1, Math.max(0, (t - 0.12) / 0.2)) * Math.sin(2 * Math.PI * vibRate * t + vibPhase);
            double scoop = sungVoice ? -20 * Math.exp(-t / 0.025) : 0;
            double c = cents + driftCentsPerS * t + vib + scoop + jitter;
            double f0 = hz * Math.pow(2, c / 1200);
            phase += 2 * Math.PI * f0 / rate;
            if (phase > 2 * Math.PI) {
                phase -= 2 * Math.PI;
            }
            if ((k & 31) == 0) {
                harmonics(amp, maxHarmonics, f0, voice);
            }
            // sin(k·phase) by the Chebyshev recurrence
            double s1 = Math.sin(phase);
            double twoCos = 2 * Math.cos(phase);
            double prev = 0;
            double cur = s1;
            double sum = 0;
            for (int h = 1; h <= maxHarmonics && h * f0 < rate * 0.49; h++) {
                sum += amp[h] * cur;
                double next = twoCos * cur - prev;
                prev = cur;
                cur = next;
            }
            double env = Math.min(1, t / attack);
            env = env * env * (3 - 2 * env);
            double tail = (len - k) / rate;
            if (tail < release) {
                env *= tail / release;
            }
            env *= 1 + 0.08 * Math.sin(Math.PI * Math.min(1, t / Math.max(0.2, len / rate)));
            double white = r.nextDouble() * 2 - 1;
            noiseState = 0.6 * noiseState + 0.4 * white;
            double hiss = white - noiseState;
            double breath = (sungVoice ? 0.015 : 0.02) * hiss * env;
            double cons = consonant * hiss * Math.exp(-t / 0.012) * (t < 0.03 ? 1 : 0);
            double v = sum * env + breath + cons;
            out[k] = (float) v;
            peak = Math.max(peak, Math.abs(v));
        }
        if (peak > 0) {
            for (int k = 0; k < len; k++) {
                out[k] /= (float) peak;
            }
        }
    }

    private static void harmonics(double[] amp, int n, double f0, Voice voice) {
        for (int h = 1; h <= n; h++) {
            double f = h * f0;
            amp[h] = switch (voice) {
                case SAW -> 1.0 / h;
                case VOICE -> Math.pow(h, -1.1) * (0.08 + formant(f, 730, 90, 1.0) + formant(f, 1090, 110, 0.6)
                        + formant(f, 2440, 170, 0.25) + formant(f, 3400, 250, 0.12));
                case CELLO -> Math.pow(h, -0.9) * (0.1 + formant(f, 280, 120, 1.0) + formant(f, 700, 200, 0.6)
                        + formant(f, 2000, 500, 0.3));
            };
        }
    }

    private static double formant(double f, double centre, double bandwidth, double gain) {
        double x = (f - centre) / (bandwidth / 2);
        return gain / (1 + x * x);
    }

    private void cough(float[] out, double atS, SplittableRandom r) {
        int start = (int) Math.round(atS * rate);
        int len = (int) (0.18 * rate);
        double lp = 0;
        for (int k = 0; k < len && start + k < out.length; k++) {
            if (start + k < 0) {
                continue;
            }
            double t = k / rate;
            double env = t < 0.09 ? Math.exp(-t / 0.03) : 0.6 * Math.exp(-(t - 0.09) / 0.03);
            env *= Math.min(1, t / 0.004);
            double w = r.nextDouble() * 2 - 1;
            lp += 0.35 * (w - lp);
            out[start + k] += (float) (0.6 * env * lp);
        }
    }

    private static void noise(float[] out, double dbfs, SplittableRandom r) {
        double rms = Math.pow(10, dbfs / 20);
        double scale = rms * Math.sqrt(3);
        for (int k = 0; k < out.length; k++) {
            out[k] += (float) (scale * (r.nextDouble() * 2 - 1));
        }
    }
}
