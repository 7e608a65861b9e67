package org.controlroom.lesson.session;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.ChannelStrip;
import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.mix.Mixer;
import org.controlroom.dsp.mix.SegmentFeed;
import org.controlroom.lesson.script.ArrangePlan;
import org.controlroom.lesson.script.ArrangeSection;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonPlan;
import org.controlroom.lesson.script.SongSection;
import org.controlroom.lesson.script.Stem;

/**
 * An arrangement session: the song's sections in play order (a section may repeat or be cut to
 * fewer bars), and which stems play in each. Starts as the lesson lists the sections, all stems on.
 */
public final class ArrangeSession extends AbstractSession {
    static final double FADE_SECONDS = 0.005;

    /** One placed section: its stems (in the lesson's stem order) and how many of its bars play. */
    public record Entry(String section, Set<String> stems, int bars) {
        public Entry {
            stems = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(stems));
        }
    }

    private final ArrangeSection song;
    private final List<Entry> entries = new ArrayList<>();

    public ArrangeSession(Lesson lesson, Clock clock) {
        super(lesson, clock);
        this.song = (ArrangeSection) lesson.section();
        reset();
    }

    private void reset() {
        entries.clear();
        if (song.start().isPresent() && !song.start().get().entries().isEmpty()) {
            song.start().get().entries().forEach(e -> entries.add(entry(e)));
            return;
        }
        for (SongSection s : song.sections()) {
            entries.add(new Entry(s.id(), allStems(), s.bars()));
        }
    }

    private Entry entry(ArrangePlan.Entry e) {
        Set<String> stems = new LinkedHashSet<>();
        for (Stem s : song.stems()) {
            if (e.stems().map(l -> l.contains(s.name())).orElse(true)) {
                stems.add(s.name());
            }
        }
        return new Entry(e.section(), stems, e.bars().orElse(section(e.section()).bars()));
    }

    /** The lesson's arrangement section (sections, stems, tempo, the brief's target). */
    public ArrangeSection song() {
        return song;
    }

    public int size() {
        return entries.size();
    }

    public Entry entry(int index) {
        return entries.get(index);
    }

    /** Where placed section {@code index} starts, seconds from the top of the arrangement. */
    public double startSeconds(int index) {
        Objects.checkIndex(index, entries.size() + 1);
        int bars = 0;
        for (int i = 0; i < index; i++) {
            bars += entries.get(i).bars();
        }
        return bars * barSeconds();
    }

    /** Bars of the whole arrangement. */
    public int bars() {
        return entries.stream().mapToInt(Entry::bars).sum();
    }

    /** The placed section playing at {@code seconds} (the last one past the end). */
    public int indexAt(double seconds) {
        double t = 0;
        for (int i = 0; i < entries.size(); i++) {
            t += entries.get(i).bars() * barSeconds();
            if (seconds < t) {
                return i;
            }
        }
        return entries.size() - 1;
    }

    /** Where the section starts in the stems (the lesson's section order), seconds. */
    public double sourceStartSeconds(String sectionId) {
        Double s = sourceStarts().get(sectionId);
        if (s == null) {
            throw new IllegalArgumentException("no section '" + sectionId + "' in this song");
        }
        return s;
    }

    private Set<String> allStems() {
        Set<String> all = new LinkedHashSet<>();
        song.stems().forEach(st -> all.add(st.name()));
        return all;
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public SongSection section(String id) {
        return song.sections().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no section '" + id + "' in this song"));
    }

    /** Seconds one bar lasts. */
    public double barSeconds() {
        return song.barSeconds();
    }

    /** The arrangement's length in seconds. */
    public double seconds() {
        return entries.stream().mapToInt(Entry::bars).sum() * barSeconds();
    }

    // --- edits -------------------------------------------------------------------------------------

    /** Places a section (all stems, all bars) at {@code index}. */
    public void insert(int index, String sectionId) {
        SongSection s = section(sectionId);
        Objects.checkIndex(index, entries.size() + 1);
        Entry e = new Entry(s.id(), allStems(), s.bars());
        edit("add " + s.name(), null, () -> entries.add(index, e), () -> entries.remove(index));
    }

    /** Places a copy of section {@code index} (its stems and bars) right after it. */
    public void duplicate(int index) {
        Entry e = entries.get(index);
        edit("duplicate " + section(e.section()).name(), null, () -> entries.add(index + 1, e),
                () -> entries.remove(index + 1));
    }

    /** Cuts section {@code index} out of the arrangement (another must remain). */
    public void remove(int index) {
        Entry e = entries.get(index);
        if (entries.size() == 1) {
            throw new IllegalArgumentException("an arrangement needs at least one section");
        }
        edit("remove " + section(e.section()).name(), null, () -> entries.remove(index), () -> entries.add(index, e));
    }

    /** Moves section {@code from} so that it ends up at {@code to}. */
    public void move(int from, int to) {
        Objects.checkIndex(from, entries.size());
        Objects.checkIndex(to, entries.size());
        if (from == to) {
            return;
        }
        edit("move " + section(entries.get(from).section()).name(), null,
                () -> entries.add(to, entries.remove(from)), () -> entries.add(from, entries.remove(to)));
    }

    public void setStem(int index, String stem, boolean on) {
        if (song.stems().stream().noneMatch(s -> s.name().equals(stem))) {
            throw new IllegalArgumentException("no stem '" + stem + "' in this song");
        }
        Entry old = entries.get(index);
        Set<String> stems = new LinkedHashSet<>();
        for (Stem s : song.stems()) {
            if (s.name().equals(stem) ? on : old.stems().contains(s.name())) {
                stems.add(s.name());
            }
        }
        Entry now = new Entry(old.section(), stems, old.bars());
        edit((on ? "add " : "drop ") + stem + " in " + section(old.section()).name(), null,
                () -> entries.set(index, now), () -> entries.set(index, old));
    }

    /** Shortens section {@code index} by {@code bars} whole bars (it keeps at least one). */
    public void shorten(int index, int bars) {
        setBars(index, entries.get(index).bars() - bars);
    }

    /** Plays section {@code index} with {@code bars} of its bars, from its start (1 to the section's length). */
    public void setBars(int index, int bars) {
        Entry old = entries.get(index);
        int max = section(old.section()).bars();
        if (bars < 1 || bars > max) {
            throw new IllegalArgumentException("a cut of " + section(old.section()).name() + " is 1 to " + max + " bars");
        }
        Entry now = new Entry(old.section(), old.stems(), bars);
        edit("cut " + section(old.section()).name(), "bars:" + index, () -> entries.set(index, now),
                () -> entries.set(index, old));
    }

    // --- plans -------------------------------------------------------------------------------------

    @Override
    public ArrangePlan plan() {
        List<ArrangePlan.Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            boolean all = e.stems().equals(allStems());
            boolean whole = e.bars() == section(e.section()).bars();
            out.add(new ArrangePlan.Entry(e.section(), all ? Optional.empty() : Optional.of(List.copyOf(e.stems())),
                    whole ? Optional.empty() : Optional.of(e.bars())));
        }
        return new ArrangePlan(out);
    }

    @Override
    public void load(LessonPlan plan) {
        ArrangePlan p = (ArrangePlan) plan;
        entries.clear();
        for (ArrangePlan.Entry e : p.entries()) {
            entries.add(entry(e));
        }
        if (entries.isEmpty()) {
            reset();
        }
        history().clear();
        changed("plan loaded");
    }

    // --- sound -------------------------------------------------------------------------------------

    /** Where each section starts in the stems (the lesson's section order). */
    private Map<String, Double> sourceStarts() {
        Map<String, Double> starts = new LinkedHashMap<>();
        double t = 0;
        for (SongSection s : song.sections()) {
            starts.put(s.id(), t);
            t += s.bars() * barSeconds();
        }
        return starts;
    }

    /**
     * The stem as the arrangement plays it: one segment per placed section (a stem shorter than the song
     * loops, as a loop-based demo does), each section faded in and out over {@value #FADE_SECONDS} s so
     * joins do not click.
     */
    List<SegmentFeed.Segment> segments(String stemName, AudioClip source) {
        double rate = source.sampleRate();
        long barFrames = Math.round(barSeconds() * rate);
        int fade = (int) Math.round(FADE_SECONDS * rate);
        int n = source.frames();
        Map<String, Double> starts = sourceStarts();
        List<SegmentFeed.Segment> out = new ArrayList<>();
        long at = 0;
        for (Entry e : entries) {
            long len = e.bars() * barFrames;
            if (e.stems().contains(stemName) && n > 0) {
                long pos = Math.round(starts.get(e.section()) * rate);
                long done = 0;
                while (done < len) {
                    int from = (int) Math.floorMod(pos + done, (long) n);
                    long chunk = Math.min(len - done, n - from);
                    int in = done == 0 ? (int) Math.min(fade, chunk / 2) : 0;
                    int outFade = done + chunk == len ? (int) Math.min(fade, chunk / 2) : 0;
                    out.add(SegmentFeed.Segment.of(source, from, at + done, chunk).withFades(in, outFade));
                    done += chunk;
                }
            }
            at += len;
        }
        return out;
    }

    @Override
    public SessionSound sound(SoundLibrary library, int blockFrames) throws AudioFileException {
        for (Stem s : song.stems()) {
            library.clip(s.asset()); // decoded first: the mixer runs at the sounds' rate
        }
        double rate = library.sampleRate();
        Mixer mixer = new Mixer(rate, blockFrames);
        Map<String, AudioClip> sources = new LinkedHashMap<>();
        Map<String, SegmentFeed> feeds = new LinkedHashMap<>();
        for (Stem s : song.stems()) {
            AudioClip src = library.clip(s.asset());
            sources.put(s.name(), src);
            SegmentFeed feed = new SegmentFeed(rate, SegmentFeed.FadeCurve.LINEAR, segments(s.name(), src));
            feeds.put(s.name(), feed);
            ChannelStrip strip = new ChannelStrip();
            strip.setFaderDb(s.gainDb());
            strip.setPan(s.pan());
            mixer.addTrack(s.name(), feed, strip);
        }
        SessionListener bind = (session, what) -> sources.forEach((name, src) -> feeds.get(name).setSegments(segments(name, src)));
        return bound(mixer, () -> Math.round(seconds() * rate), bind);
    }
}
