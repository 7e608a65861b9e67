package org.controlroom.lesson.session;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.ChannelStrip;
import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.mix.Mixer;
import org.controlroom.dsp.mix.SegmentFeed;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonPlan;
import org.controlroom.lesson.script.Phrase;
import org.controlroom.lesson.script.Take;
import org.controlroom.lesson.script.TakesPlan;
import org.controlroom.lesson.script.TakesSection;

/**
 * A takes session: for each phrase, which take plays in which part of it (one take, or a comp of
 * pieces joined with a crossfade), and the answers to the lesson's direction questions. Starts with the
 * first take of every phrase. The phrases play one after another.
 */
public final class TakesSession extends AbstractSession implements InTheMix {
    public static final double DEFAULT_CROSSFADE_MS = 10;

    /** A piece of a comp: {@code take} plays until {@code untilS} into the phrase (empty: to the end). */
    public record Piece(String take, Optional<Double> untilS) {
    }

    private final TakesSection takes;
    private final Map<String, List<Piece>> comp = new LinkedHashMap<>();
    private final Map<String, String> answers = new LinkedHashMap<>();
    private double crossfadeMs = DEFAULT_CROSSFADE_MS;
    /** Hearing, not editing: a take on its own instead of the comp. */
    private Optional<String> audition = Optional.empty();
    /** Hearing: the comp (or the take auditioned) over the song's other stems. */
    private volatile boolean inMix;
    private volatile Optional<TakesBacking> backing = Optional.empty();
    /** Generated takes by rate and id (see {@link #generated}). */
    private final Map<String, AudioClip> generated = new java.util.HashMap<>();

    public TakesSession(Lesson lesson, Clock clock) {
        super(lesson, clock);
        this.takes = (TakesSection) lesson.section();
        reset();
    }

    private void reset() {
        comp.clear();
        for (Phrase p : takes.phrases()) {
            comp.put(p.id(), List.of(new Piece(p.takes().get(0).id(), Optional.empty())));
        }
        answers.clear();
        crossfadeMs = DEFAULT_CROSSFADE_MS;
    }

    public List<Phrase> phrases() {
        return takes.phrases();
    }

    public List<Piece> comp(String phraseId) {
        List<Piece> c = comp.get(phraseId);
        if (c == null) {
            throw new IllegalArgumentException("no phrase '" + phraseId + "' (phrases: " + String.join(", ", comp.keySet()) + ")");
        }
        return c;
    }

    public double crossfadeMs() {
        return crossfadeMs;
    }

    public TakesSection section() {
        return takes;
    }

    public Map<String, String> answers() {
        return Map.copyOf(answers);
    }

    private Phrase phrase(String id) {
        return takes.phrases().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no phrase '" + id + "'"));
    }

    // --- edits -------------------------------------------------------------------------------------

    /** Keeps one take for the whole phrase. */
    public void choose(String phraseId, String takeId) {
        setComp(phraseId, List.of(new Piece(takeId, Optional.empty())));
    }

    /** Replaces the phrase's comp: every piece but the last ends at a later time than the one before. */
    public void setComp(String phraseId, List<Piece> pieces) {
        Phrase p = phrase(phraseId);
        if (pieces.isEmpty()) {
            throw new IllegalArgumentException("a comp needs at least one piece");
        }
        double last = 0;
        for (int i = 0; i < pieces.size(); i++) {
            Piece pc = pieces.get(i);
            if (p.takes().stream().noneMatch(t -> t.id().equals(pc.take()))) {
                throw new IllegalArgumentException("no take '" + pc.take() + "' in phrase " + p.name());
            }
            boolean lastPiece = i == pieces.size() - 1;
            if (pc.untilS().isEmpty() != lastPiece) {
                throw new IllegalArgumentException("every piece but the last needs an end time; the last plays to the end");
            }
            if (pc.untilS().isPresent()) {
                if (pc.untilS().get() <= last) {
                    throw new IllegalArgumentException("each piece must end later than the one before");
                }
                last = pc.untilS().get();
            }
        }
        List<Piece> old = comp(phraseId);
        List<Piece> now = List.copyOf(pieces);
        edit("comp " + p.name(), null, () -> comp.put(phraseId, now), () -> comp.put(phraseId, old));
    }

    public void setCrossfadeMs(double ms) {
        if (!(ms >= 0 && ms <= 200)) {
            throw new IllegalArgumentException("crossfade must be 0 to 200 ms, was " + ms);
        }
        double old = crossfadeMs;
        edit("crossfade", "crossfade", () -> crossfadeMs = ms, () -> crossfadeMs = old);
    }

    /** Answers a direction question (kept in the plan; the attempt asks the questions after the session). */
    public void answer(String questionId, String optionId) {
        String old = answers.get(questionId);
        edit("answer " + questionId, null, () -> answers.put(questionId, optionId), () -> {
            if (old == null) {
                answers.remove(questionId);
            } else {
                answers.put(questionId, optionId);
            }
        });
    }

    // --- hearing (not edits: no undo, not in the plan) ---------------------------------------------

    /** Plays one take (in its phrase's place) instead of the comp; empty: the comp. */
    public void audition(Optional<String> takeId) {
        takeId.ifPresent(id -> {
            if (phraseOf(id).isEmpty()) {
                throw new IllegalArgumentException("no take '" + id + "'");
            }
        });
        audition = takeId;
        changed("audition");
    }

    public Optional<String> auditioning() {
        return audition;
    }

    /** Why the takes cannot be heard in the mix (no song, no phrase placed in it); empty when they can. */
    @Override
    public Optional<String> whyNotInTheMix() {
        return TakesBacking.whyNot(takes);
    }

    /**
     * Decodes the backing at {@code rate} (every take generated or decoded at that rate as the level
     * reference). Slow (seconds): call it off the event thread; it does not change what is heard.
     */
    public TakesBacking loadBacking(double rate, TakesBacking.Progress progress) throws AudioFileException {
        return TakesBacking.load(takes, clips(new SoundLibrary(rate)), rate, progress);
    }

    /** Gives the session the backing to play when {@linkplain #hearInMix heard in the mix}. */
    public void useBacking(TakesBacking b) {
        backing = Optional.of(b);
        changed("backing");
    }

    public Optional<TakesBacking> backing() {
        return backing;
    }

    /**
     * Plays the comp (or the take auditioned) over the backing, or alone again.
     *
     * @throws IllegalStateException when switching on before a backing is given
     */
    public void hearInMix(boolean on) {
        if (on && backing.isEmpty()) {
            throw new IllegalStateException("the backing is not loaded yet (loadBacking, then useBacking)");
        }
        inMix = on;
        changed("in the mix");
    }

    @Override
    public void hearInTheMix(double rate, TakesBacking.Progress progress) throws AudioFileException {
        useBacking(loadBacking(rate, progress));
        hearInMix(true);
    }

    @Override
    public boolean inMix() {
        return inMix;
    }

    public Optional<Phrase> phraseOf(String takeId) {
        return takes.phrases().stream().filter(p -> p.take(takeId).isPresent()).findFirst();
    }

    // --- plans -------------------------------------------------------------------------------------

    @Override
    public TakesPlan plan() {
        Map<String, List<TakesPlan.Piece>> c = new LinkedHashMap<>();
        comp.forEach((id, pieces) -> c.put(id, pieces.stream().map(p -> new TakesPlan.Piece(p.take(), p.untilS())).toList()));
        return new TakesPlan(c, Optional.of(crossfadeMs), answers);
    }

    @Override
    public void load(LessonPlan plan) {
        TakesPlan p = (TakesPlan) plan;
        reset();
        p.comp().forEach((id, pieces) -> comp.put(id, pieces.stream().map(pc -> new Piece(pc.take(), pc.untilS())).toList()));
        p.crossfadeMs().ifPresent(ms -> crossfadeMs = ms);
        answers.putAll(p.answers());
        history().clear();
        changed("plan loaded");
    }

    // --- sound -------------------------------------------------------------------------------------

    /** The phrases' lengths (each its longest take), frames. */
    private Map<String, Long> lengths(Map<String, AudioClip> clips) {
        Map<String, Long> lengths = new LinkedHashMap<>();
        for (Phrase p : takes.phrases()) {
            lengths.put(p.id(), p.takes().stream().mapToLong(t -> clips.get(t.id()).frames()).max().orElse(0));
        }
        return lengths;
    }

    /**
     * The comp as segments: each piece plays its take in its part of the phrase; at a join the pieces
     * overlap by the crossfade (equal power: different takes are not in phase). A phrase's own start and
     * end are not faded.
     */
    List<SegmentFeed.Segment> segments(Map<String, AudioClip> clips, double rate) {
        Map<String, Long> lengths = lengths(clips);
        int fade = (int) Math.round(crossfadeMs / 1000 * rate);
        List<SegmentFeed.Segment> out = new ArrayList<>();
        long at = 0;
        for (Phrase p : takes.phrases()) {
            long len = lengths.get(p.id());
            long from = 0;
            List<Piece> pieces = comp.get(p.id());
            for (int i = 0; i < pieces.size(); i++) {
                Piece pc = pieces.get(i);
                AudioClip clip = clips.get(pc.take());
                long to = pc.untilS().map(u -> Math.min(len, Math.round(u * rate))).orElse(len);
                boolean first = i == 0;
                boolean last = i == pieces.size() - 1;
                long start = first ? from : Math.max(0, from - fade / 2);
                long end = Math.min(clip.frames(), last ? to : Math.min(len, to + (fade - fade / 2)));
                if (end - start >= 1) {
                    int in = first ? 0 : (int) Math.min(fade, (end - start) / 2);
                    int outFade = last ? 0 : (int) Math.min(fade, (end - start) / 2);
                    out.add(SegmentFeed.Segment.of(clip, start, at + start, end - start).withFades(in, outFade));
                }
                from = to;
            }
            at += len;
        }
        return out;
    }

    /** Every take's clip at the library's rate: recordings decoded, generated takes made from their recipe. */
    public Map<String, AudioClip> clips(SoundLibrary library) throws AudioFileException {
        Map<String, AudioClip> clips = new LinkedHashMap<>();
        for (Phrase p : takes.phrases()) {
            for (Take t : p.takes()) {
                if (t.recipe().isEmpty()) {
                    clips.put(t.id(), library.clip(t.asset()));
                }
            }
        }
        double rate = library.sampleRate();
        for (Phrase p : takes.phrases()) {
            for (Take t : p.takes()) {
                if (t.recipe().isPresent()) {
                    clips.put(t.id(), generated(t, rate));
                }
            }
        }
        return clips;
    }

    /**
     * A generated take at a rate, made once (synthesis takes seconds) and kept for the session's life:
     * the player, the analysis, the backing's level and a render all hear the same samples. Never
     * changed once made.
     */
    private AudioClip generated(Take t, double rate) {
        String key = rate + "|" + t.id();
        synchronized (generated) {
            AudioClip c = generated.get(key);
            if (c == null) {
                c = AudioClip.ofChannels(rate, t.recipe().orElseThrow().render(rate, takes.referenceHz()));
                generated.put(key, c);
            }
            return c;
        }
    }

    /** Where each phrase starts in the session's sound (frames), in phrase order. */
    public Map<String, Long> phraseStarts(Map<String, AudioClip> clips) {
        Map<String, Long> starts = new LinkedHashMap<>();
        long at = 0;
        for (var e : lengths(clips).entrySet()) {
            starts.put(e.getKey(), at);
            at += e.getValue();
        }
        return starts;
    }

    /** A phrase's length in the session's sound (its longest take), frames. */
    public long phraseFrames(String phraseId, Map<String, AudioClip> clips) {
        return lengths(clips).get(phraseId);
    }

    /** The phrase's comp as heard, mono, from the top of the phrase. */
    public float[] renderPhrase(String phraseId, Map<String, AudioClip> clips, double rate) {
        long start = phraseStarts(clips).get(phraseId);
        int frames = (int) phraseFrames(phraseId, clips);
        List<SegmentFeed.Segment> all = segments(clips, rate);
        SegmentFeed feed = new SegmentFeed(rate, SegmentFeed.FadeCurve.EQUAL_POWER, all);
        float[] stereo = new float[frames * 2];
        int block = 4096;
        float[] buf = new float[block * 2];
        for (int at = 0; at < frames; at += block) {
            int n = Math.min(block, frames - at);
            feed.fill(buf, start + at, n);
            System.arraycopy(buf, 0, stereo, at * 2, n * 2);
        }
        float[] mono = new float[frames];
        for (int i = 0; i < frames; i++) {
            // a mono take plays the same on both sides: the left channel is the take
            mono[i] = stereo[2 * i];
        }
        return mono;
    }

    /** The segments heard now: the comp, or the take being auditioned in its phrase's place. */
    private List<SegmentFeed.Segment> heard(Map<String, AudioClip> clips, double rate) {
        if (audition.isEmpty()) {
            return segments(clips, rate);
        }
        String take = audition.get();
        Phrase p = phraseOf(take).orElseThrow();
        AudioClip clip = clips.get(take);
        long start = phraseStarts(clips).get(p.id());
        return List.of(SegmentFeed.Segment.of(clip, 0, start, clip.frames()));
    }

    @Override
    public SessionSound sound(SoundLibrary library, int blockFrames) throws AudioFileException {
        Map<String, AudioClip> clips = clips(library);
        double rate = library.sampleRate();
        Mixer mixer = new Mixer(rate, blockFrames);
        SegmentFeed feed = new SegmentFeed(rate, SegmentFeed.FadeCurve.EQUAL_POWER, heard(clips, rate));
        mixer.addTrack("comp", feed, new ChannelStrip());
        // the song's other stems, already balanced and panned: the strip passes them as they are
        SegmentFeed backingFeed = new SegmentFeed(rate, SegmentFeed.FadeCurve.EQUAL_POWER, backingHeard(clips, rate));
        ChannelStrip backingStrip = new ChannelStrip();
        backingStrip.setPanBypassed(true);
        mixer.addTrack("backing", backingFeed, backingStrip);
        long total = lengths(clips).values().stream().mapToLong(Long::longValue).sum();
        SessionListener bind = (s, what) -> {
            feed.setSegments(heard(clips, rate));
            backingFeed.setSegments(backingHeard(clips, rate));
        };
        return bound(mixer, () -> total, bind);
    }

    /** The backing's segments while heard in the mix (a backing at another rate is not heard); else none. */
    private List<SegmentFeed.Segment> backingHeard(Map<String, AudioClip> clips, double rate) {
        Optional<TakesBacking> b = backing;
        if (!inMix || b.isEmpty() || b.get().sampleRate() != rate) {
            return List.of();
        }
        return b.get().segments(phraseStarts(clips));
    }

    /** The takes' names in a phrase, for screens. */
    public static List<String> takeIds(Phrase p) {
        List<String> ids = new ArrayList<>();
        p.takes().forEach(t -> ids.add(t.id()));
        return ids;
    }
}
