package org.controlroom.lesson.music;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.io.AudioFiles;
import org.controlroom.dsp.meter.LoudnessAnalyzer;

/**
 * Picks a seeded excerpt of the learner's music: a usable file, then a start that keeps clear of
 * the first and last {@value #EDGE_SECONDS} s and of silence (no 400 ms stretch of it quieter than
 * {@value #QUIET_DBFS} dBFS RMS), normalised to {@value #TARGET_LUFS} LUFS integrated as heard (a mono
 * file on both sides; less if the
 * peaks would pass {@value #PEAK_CEILING_DBFS} dBFS). The same seed and files give the same excerpt.
 */
public final class ExcerptPicker {

    static final double EDGE_SECONDS = 5;
    static final double QUIET_DBFS = -50;
    static final double TARGET_LUFS = -23;
    static final double PEAK_CEILING_DBFS = -1;
    private static final double STEP_SECONDS = 0.5;
    private static final double BLOCK_SECONDS = 0.4;

    private ExcerptPicker() {
    }

    /**
     * An excerpt {@code seconds} long from one of the usable entries; empty when none has a long enough
     * stretch of sound (files that fail to decode now are skipped, never thrown).
     */
    public static Optional<MusicExcerpt> pick(List<MusicEntry> entries, long seed, double seconds) {
        SplittableRandom random = new SplittableRandom(seed);
        List<MusicEntry> usable = new ArrayList<>(entries.stream()
                .filter(MusicEntry::usable)
                .filter(e -> e.seconds() >= seconds + 2 * EDGE_SECONDS)
                .toList());
        while (!usable.isEmpty()) {
            MusicEntry e = usable.remove(random.nextInt(usable.size()));
            Optional<MusicExcerpt> x = pick(e.file(), random, seconds);
            if (x.isPresent()) {
                return x;
            }
        }
        return Optional.empty();
    }

    private static Optional<MusicExcerpt> pick(Path file, SplittableRandom random, double seconds) {
        AudioClip clip;
        try {
            clip = AudioFiles.read(file);
        } catch (AudioFileException | RuntimeException e) {
            return Optional.empty();
        }
        double rate = clip.sampleRate();
        int ch = clip.channels();
        int block = (int) Math.round(BLOCK_SECONDS * rate);
        int blocks = clip.frames() / block;
        double[] blockDb = new double[blocks];
        float[] s = clip.samples();
        for (int b = 0; b < blocks; b++) {
            double sum = 0;
            for (int i = b * block * ch; i < (b + 1) * block * ch; i++) {
                sum += s[i] * (double) s[i];
            }
            blockDb[b] = 10 * Math.log10(sum / (block * ch) + 1e-30);
        }
        List<Double> starts = new ArrayList<>();
        int len = (int) Math.round(seconds * rate);
        for (double t = EDGE_SECONDS; t + seconds <= clip.seconds() - EDGE_SECONDS + 1e-9; t += STEP_SECONDS) {
            int from = (int) Math.floor(t * rate / block);
            int to = (int) Math.ceil((t + seconds) * rate / block);
            boolean sound = to <= blocks;
            for (int b = from; sound && b < to; b++) {
                sound = blockDb[b] > QUIET_DBFS;
            }
            if (sound) {
                starts.add(t);
            }
        }
        if (starts.isEmpty()) {
            return Optional.empty();
        }
        double start = starts.get(random.nextInt(starts.size()));
        int first = (int) Math.round(start * rate);
        float[] out = new float[len * ch];
        System.arraycopy(s, first * ch, out, 0, out.length);
        AudioClip excerpt = new AudioClip(rate, ch, out);
        double lufs = LoudnessAnalyzer.measure(excerpt).integratedLufs();
        if (ch == 1) {
            lufs += 10 * Math.log10(2); // a mono file plays on both sides: that is what is heard, and normalised
        }
        double peak = 0;
        for (float v : out) {
            peak = Math.max(peak, Math.abs(v));
        }
        double gainDb = Double.isFinite(lufs) ? TARGET_LUFS - lufs : 0;
        gainDb = Math.min(gainDb, PEAK_CEILING_DBFS - 20 * Math.log10(peak));
        float g = (float) Math.pow(10, gainDb / 20);
        for (int i = 0; i < out.length; i++) {
            out[i] *= g;
        }
        return Optional.of(new MusicExcerpt(file, start, gainDb, excerpt));
    }
}
