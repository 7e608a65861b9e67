package org.controlroom.lesson.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.Pan;
import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.io.AudioFiles;
import org.controlroom.dsp.meter.LoudnessMeter;
import org.controlroom.dsp.mix.SegmentFeed;
import org.controlroom.lesson.script.Phrase;
import org.controlroom.lesson.script.Song;
import org.controlroom.lesson.script.SongStem;
import org.controlroom.lesson.script.Take;
import org.controlroom.lesson.script.TakesSection;

/**
 * What a takes lesson's takes play over "in the mix": the song's other stems (every stem but the part
 * the takes replace, the song's melody stem), each at its manifest balance and pan, cut to each
 * phrase's stretch of the song so a take sits where the melody is.
 *
 * <p><b>Levels.</b> A stem's balance in the manifest is its loudness relative to the balance reference
 * (the lead vocal) in LU. The takes stand in for the part, so the part's level here is the takes'
 * own: the mean BS.1770 integrated loudness of the lesson's takes (a mono take through a centred
 * constant-power pan keeps its loudness). Each stem's gain puts its whole-song integrated loudness at
 * that level plus (its balance minus the part's balance), and the constant-power pan of the manifest
 * places it, as {@code audio-assets/songs/make-songs.sh} builds the reference mix.
 *
 * <p>Immutable once loaded; decoding every stem takes seconds, so load it off the event thread (see
 * {@link TakesBackings} for the cache).
 */
public final class TakesBacking {

    /** Told after each stem is decoded and measured. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, of, stem) -> { };

        /** {@code done} of {@code of} stems are ready; {@code stem} is the one decoded next (empty when all are done). */
        void stems(int done, int of, String stem);
    }

    /**
     * A stem as it plays in the backing.
     *
     * @param lufs   its integrated loudness over the whole song, as decoded
     * @param gainDb the gain that puts it at its balance relative to the takes
     */
    public record StemLevel(String name, double balanceDb, double pan, double lufs, double gainDb) {
    }

    private final String songId;
    private final String part;
    private final double sampleRate;
    private final double takesLufs;
    private final List<StemLevel> stems;
    /** Phrase id → its stretch of the backing (stereo, at the sample rate), from the phrase's start in the song. */
    private final Map<String, AudioClip> phrases;

    private TakesBacking(String songId, String part, double sampleRate, double takesLufs, List<StemLevel> stems,
                         Map<String, AudioClip> phrases) {
        this.songId = songId;
        this.part = part;
        this.sampleRate = sampleRate;
        this.takesLufs = takesLufs;
        this.stems = List.copyOf(stems);
        this.phrases = Map.copyOf(phrases);
    }

    /** The stem the takes replace: the song's melody stem (the part the takes' notes come from). */
    public static String part(Song song) {
        return song.melodyStem();
    }

    /** Why this lesson's takes cannot be heard in the mix (no song, or no phrase placed in it); empty if they can. */
    public static Optional<String> whyNot(TakesSection section) {
        if (section.song().isEmpty()) {
            return Optional.of("the lesson has no song to play the takes over (takes.song)");
        }
        if (section.phrases().stream().allMatch(p -> p.songS().isEmpty())) {
            return Optional.of("no phrase says where it sits in the song (melody_s)");
        }
        return Optional.empty();
    }

    /**
     * Decodes the song's other stems at {@code rate} and cuts each phrase's stretch.
     *
     * @param takeClips every take of the lesson (the level reference), at {@code rate}
     * @throws AudioFileException       when a stem cannot be decoded
     * @throws IllegalArgumentException when the lesson has no song or no phrase in it
     */
    public static TakesBacking load(TakesSection section, Map<String, AudioClip> takeClips, double rate, Progress progress)
            throws AudioFileException {
        whyNot(section).ifPresent(why -> {
            throw new IllegalArgumentException("no backing to play: " + why);
        });
        Song song = section.song().orElseThrow();
        String part = part(song);
        double partBalance = song.stem(part).map(SongStem::balanceDb).orElse(0.0);
        double takesLufs = takesLufs(section, takeClips);
        // each phrase's stretch of the song, frames at the rate
        Map<String, long[]> windows = new LinkedHashMap<>();
        Map<String, float[]> mixes = new LinkedHashMap<>();
        for (Phrase p : section.phrases()) {
            if (p.songS().isEmpty()) {
                continue;
            }
            long length = 0;
            for (Take t : p.takes()) {
                length = Math.max(length, takeClips.get(t.id()).frames());
            }
            long from = Math.round(p.songS().get() * rate);
            windows.put(p.id(), new long[] {from, length});
            mixes.put(p.id(), new float[(int) (2 * length)]);
        }
        List<SongStem> others = song.stems().stream().filter(s -> !s.name().equals(part)).toList();
        List<StemLevel> levels = new ArrayList<>();
        long songFrames = Long.MAX_VALUE;
        int done = 0;
        for (SongStem stem : others) {
            progress.stems(done, others.size(), stem.name());
            AudioClip clip = AudioFiles.read(song.folder().resolve(stem.file()).normalize(), rate);
            double lufs = LoudnessMeter.integratedLufs(clip);
            double gainDb = Double.isFinite(lufs) ? takesLufs + stem.balanceDb() - partBalance - lufs : -200;
            levels.add(new StemLevel(stem.name(), stem.balanceDb(), stem.pan(), lufs, gainDb));
            songFrames = Math.min(songFrames, clip.frames());
            double g = Math.pow(10, gainDb / 20);
            // constant power; a stereo stem keeps its sides, at the centre at unity
            double side = clip.channels() == 1 ? 1 : Math.sqrt(2);
            float gl = (float) (g * side * Pan.leftGain(stem.pan()));
            float gr = (float) (g * side * Pan.rightGain(stem.pan()));
            float[] x = clip.samples();
            int ch = clip.channels();
            for (var e : windows.entrySet()) {
                float[] out = mixes.get(e.getKey());
                long from = e.getValue()[0];
                int n = (int) Math.max(0, Math.min(e.getValue()[1], clip.frames() - from));
                for (int i = 0; i < n; i++) {
                    int j = (int) ((from + i) * ch);
                    out[2 * i] += gl * x[j];
                    out[2 * i + 1] += gr * x[j + ch - 1];
                }
            }
            done++;
        }
        progress.stems(done, others.size(), "");
        Map<String, AudioClip> phrases = new LinkedHashMap<>();
        for (var e : windows.entrySet()) {
            long from = e.getValue()[0];
            int n = (int) Math.max(0, Math.min(e.getValue()[1], songFrames == Long.MAX_VALUE ? 0 : songFrames - from));
            if (n > 0) {
                float[] mix = mixes.get(e.getKey());
                float[] cut = n * 2 == mix.length ? mix : java.util.Arrays.copyOf(mix, n * 2);
                phrases.put(e.getKey(), new AudioClip(rate, 2, cut));
            }
        }
        return new TakesBacking(song.id(), part, rate, takesLufs, levels, phrases);
    }

    /** The mean integrated loudness of the takes of the phrases placed in the song, LUFS. */
    static double takesLufs(TakesSection section, Map<String, AudioClip> takeClips) {
        double sum = 0;
        int n = 0;
        for (Phrase p : section.phrases()) {
            if (p.songS().isEmpty()) {
                continue;
            }
            for (Take t : p.takes()) {
                double l = LoudnessMeter.integratedLufs(takeClips.get(t.id()));
                if (Double.isFinite(l)) {
                    sum += l;
                    n++;
                }
            }
        }
        return n == 0 ? -23 : sum / n;
    }

    /**
     * The backing on the session's timeline: each phrase's stretch at the phrase's start.
     *
     * @param phraseStarts where each phrase starts in the session, frames
     */
    public List<SegmentFeed.Segment> segments(Map<String, Long> phraseStarts) {
        List<SegmentFeed.Segment> out = new ArrayList<>();
        phraseStarts.forEach((id, start) -> {
            AudioClip c = phrases.get(id);
            if (c != null) {
                out.add(SegmentFeed.Segment.of(c, 0, start, c.frames()));
            }
        });
        return out;
    }

    public String songId() {
        return songId;
    }

    /** The stem the takes replace (left out of the backing). */
    public String part() {
        return part;
    }

    public double sampleRate() {
        return sampleRate;
    }

    /** The level the takes are taken to stand at (the part's level), LUFS. */
    public double takesLufs() {
        return takesLufs;
    }

    /** The stems that play, in manifest order. */
    public List<StemLevel> stems() {
        return stems;
    }

    /** A phrase's stretch of the backing (stereo), if the phrase sits in the song. */
    public Optional<AudioClip> phrase(String phraseId) {
        return Optional.ofNullable(phrases.get(phraseId));
    }
}
