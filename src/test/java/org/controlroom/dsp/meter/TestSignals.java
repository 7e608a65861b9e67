package org.controlroom.dsp.meter;

import java.util.ArrayList;
import java.util.List;

import org.controlroom.dsp.AudioClip;

/** Builds the EBU Tech 3341/3342 style test signals: 1 kHz sine segments at given levels. */
final class TestSignals {

    /** A segment: a sine at {@code dbfs} peak level (per channel) lasting {@code seconds}. */
    record Segment(double dbfs, double seconds) {
    }

    static Segment seg(double dbfs, double seconds) {
        return new Segment(dbfs, seconds);
    }

    private TestSignals() {
    }

    /** Same 1 kHz sine on every channel, segment levels in dBFS (sine peak), continuous phase. */
    static AudioClip sineSegments(double fs, int channels, List<Segment> segments) {
        double[] perChannel = new double[channels];
        List<double[]> gains = new ArrayList<>();
        for (Segment s : segments) {
            double[] g = perChannel.clone();
            java.util.Arrays.fill(g, s.dbfs());
            gains.add(g);
        }
        return sineSegments(fs, segments, gains);
    }

    /** Segments with their own per-channel levels (dBFS, sine peak); 1 kHz, continuous phase. */
    static AudioClip sineSegments(double fs, List<Segment> segments, List<double[]> channelDbfs) {
        int channels = channelDbfs.get(0).length;
        long total = 0;
        for (Segment s : segments) {
            total += Math.round(s.seconds() * fs);
        }
        float[] out = new float[Math.toIntExact(total * channels)];
        long n = 0;
        for (int k = 0; k < segments.size(); k++) {
            long len = Math.round(segments.get(k).seconds() * fs);
            double[] amp = new double[channels];
            for (int c = 0; c < channels; c++) {
                double db = channelDbfs.get(k)[c];
                amp[c] = Double.isInfinite(db) ? 0 : Math.pow(10, db / 20);
            }
            for (long i = 0; i < len; i++, n++) {
                double v = Math.sin(2 * Math.PI * 1000 * n / fs);
                for (int c = 0; c < channels; c++) {
                    out[(int) (n * channels + c)] = (float) (amp[c] * v);
                }
            }
        }
        return new AudioClip(fs, channels, out);
    }

    /** A list repeating {@code pattern} {@code times} times. */
    static List<Segment> repeat(int times, Segment... pattern) {
        List<Segment> out = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            out.addAll(List.of(pattern));
        }
        return out;
    }
}
