package org.controlroom.lesson.session;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.controlroom.dsp.ChannelStrip;
import org.controlroom.dsp.Compressor;
import org.controlroom.dsp.EqBand;
import org.controlroom.dsp.FilterType;
import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.mix.ClipFeed;
import org.controlroom.dsp.mix.Mixer;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonPlan;
import org.controlroom.lesson.script.MixPlan;
import org.controlroom.lesson.script.MixSection;
import org.controlroom.lesson.script.MixTrack;

/**
 * A mix session: per track fader, pan, mute, solo, a 4-band EQ, a compressor and the bus it feeds;
 * bus faders; the master fader and limiter. Every setter is an undoable edit.
 */
public final class MixSession extends AbstractSession {
    /** EQ bands per channel. */
    public static final int EQ_BANDS = ChannelStrip.DEFAULT_EQ_BANDS;

    /**
     * One track's settings.
     *
     * @param bus  empty: the master
     * @param comp empty: the compressor is off
     */
    public record Track(String name, double gainDb, double pan, boolean mute, boolean solo, Optional<String> bus,
                        List<EqBand> eq, Optional<Compressor.Settings> comp) {
        public Track {
            eq = List.copyOf(eq);
            if (eq.size() != EQ_BANDS) {
                throw new IllegalArgumentException("a channel has " + EQ_BANDS + " EQ bands, not " + eq.size());
            }
        }

        Track with(double g, double p) {
            return new Track(name, g, p, mute, solo, bus, eq, comp);
        }
    }

    /** The master: fader, limiter on/off and its ceiling. */
    public record Master(double gainDb, boolean limiterOn, double ceilingDbtp) {
    }

    private final MixSection section;
    private final Map<String, Track> tracks = new LinkedHashMap<>();
    private final Map<String, Double> busGains = new LinkedHashMap<>();
    private Master master;

    public MixSession(Lesson lesson, Clock clock) {
        super(lesson, clock);
        this.section = (MixSection) lesson.section();
        reset();
    }

    private void reset() {
        tracks.clear();
        for (MixTrack t : section.tracks()) {
            tracks.put(t.name(), new Track(t.name(), t.gainDb(), t.pan(), false, false, Optional.empty(),
                    flatEq(), Optional.empty()));
        }
        busGains.clear();
        section.buses().forEach(b -> busGains.put(b, 0.0));
        master = new Master(0, false, -1);
        section.start().ifPresent(this::applyPlan); // the lesson's problem to solve: a muddy EQ, a hot master
    }

    private static List<EqBand> flatEq() {
        List<EqBand> bands = new ArrayList<>();
        double[] hz = {100, 500, 2000, 8000};
        for (int i = 0; i < EQ_BANDS; i++) {
            bands.add(new EqBand(FilterType.PEAK, hz[i % hz.length], 0, 1, false));
        }
        return bands;
    }

    public List<Track> tracks() {
        return List.copyOf(tracks.values());
    }

    public Track track(String name) {
        Track t = tracks.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no track '" + name + "' in this session (tracks: "
                    + String.join(", ", tracks.keySet()) + ")");
        }
        return t;
    }

    public List<String> buses() {
        return List.copyOf(busGains.keySet());
    }

    public double busGainDb(String bus) {
        return Objects.requireNonNull(busGains.get(bus), () -> "no bus " + bus);
    }

    public Master master() {
        return master;
    }

    // --- edits -------------------------------------------------------------------------------------

    public void setGainDb(String name, double db) {
        check(db, -60, 24, "fader");
        replace(name, t -> t.with(db, t.pan()), name + " fader", "gain:" + name);
    }

    public void setPan(String name, double pan) {
        check(pan, -1, 1, "pan");
        replace(name, t -> t.with(t.gainDb(), pan), name + " pan", "pan:" + name);
    }

    public void setMute(String name, boolean mute) {
        replace(name, t -> new Track(t.name(), t.gainDb(), t.pan(), mute, t.solo(), t.bus(), t.eq(), t.comp()),
                (mute ? "mute " : "unmute ") + name, null);
    }

    public void setSolo(String name, boolean solo) {
        replace(name, t -> new Track(t.name(), t.gainDb(), t.pan(), t.mute(), solo, t.bus(), t.eq(), t.comp()),
                (solo ? "solo " : "unsolo ") + name, null);
    }

    /** Routes a track to a bus the lesson defines, or (empty) to the master. */
    public void setBus(String name, Optional<String> bus) {
        bus.ifPresent(b -> {
            if (!busGains.containsKey(b)) {
                throw new IllegalArgumentException("no bus '" + b + "' in this lesson (buses: "
                        + (busGains.isEmpty() ? "none" : String.join(", ", busGains.keySet())) + ")");
            }
        });
        replace(name, t -> new Track(t.name(), t.gainDb(), t.pan(), t.mute(), t.solo(), bus, t.eq(), t.comp()),
                name + " to " + bus.orElse("master"), null);
    }

    public void setEqBand(String name, int index, EqBand band) {
        Objects.checkIndex(index, EQ_BANDS);
        replace(name, t -> {
            List<EqBand> eq = new ArrayList<>(t.eq());
            eq.set(index, band);
            return new Track(t.name(), t.gainDb(), t.pan(), t.mute(), t.solo(), t.bus(), eq, t.comp());
        }, name + " EQ band " + (index + 1), "eq" + index + ":" + name);
    }

    /** Sets (or, empty, switches off) a track's compressor. */
    public void setCompressor(String name, Optional<Compressor.Settings> comp) {
        replace(name, t -> new Track(t.name(), t.gainDb(), t.pan(), t.mute(), t.solo(), t.bus(), t.eq(), comp),
                name + " compressor", "comp:" + name);
    }

    public void setBusGainDb(String bus, double db) {
        check(db, -60, 24, "bus fader");
        Double old = busGainDb(bus);
        edit(bus + " bus fader", "bus:" + bus, () -> busGains.put(bus, db), () -> busGains.put(bus, old));
    }

    public void setMaster(Master m) {
        check(m.gainDb(), -60, 24, "master fader");
        check(m.ceilingDbtp(), -20, 0, "limiter ceiling");
        Master old = master;
        edit("master", "master", () -> master = m, () -> master = old);
    }

    private void replace(String name, java.util.function.UnaryOperator<Track> change, String what, String mergeKey) {
        Track old = track(name);
        Track now = change.apply(old);
        edit(what, mergeKey, () -> tracks.put(name, now), () -> tracks.put(name, old));
    }

    private static void check(double v, double min, double max, String what) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(what + " must be " + min + " to " + max + ", was " + v);
        }
    }

    // --- plans -------------------------------------------------------------------------------------

    @Override
    public MixPlan plan() {
        Map<String, MixPlan.TrackPlan> t = new LinkedHashMap<>();
        for (Track tr : tracks.values()) {
            List<MixPlan.EqBandPlan> eq = tr.eq().stream().filter(EqBand::enabled)
                    .map(b -> new MixPlan.EqBandPlan(b.type().cliName(), b.frequencyHz(), b.gainDb(), b.q())).toList();
            Optional<MixPlan.CompPlan> comp = tr.comp().map(c -> new MixPlan.CompPlan(c.thresholdDb(), c.ratio(),
                    c.attackMs(), c.releaseMs(), c.kneeDb(), c.makeupDb()));
            t.put(tr.name(), new MixPlan.TrackPlan(Optional.of(tr.gainDb()), Optional.of(tr.pan()),
                    Optional.of(tr.mute()), Optional.of(tr.solo()),
                    section.buses().isEmpty() ? Optional.empty() : Optional.of(tr.bus()),
                    Optional.of(eq), comp));
        }
        return new MixPlan(t, busGains, Optional.of(master.gainDb()), Optional.of(master.limiterOn()),
                Optional.of(master.ceilingDbtp()));
    }

    @Override
    public void load(LessonPlan plan) {
        reset();
        applyPlan((MixPlan) plan);
        history().clear();
        changed("plan loaded");
    }

    private void applyPlan(MixPlan p) {
        p.tracks().forEach((name, tp) -> {
            Track t = track(name);
            List<EqBand> eq = t.eq();
            if (tp.eq().isPresent()) {
                List<EqBand> bands = new ArrayList<>(flatEq());
                List<MixPlan.EqBandPlan> given = tp.eq().get();
                for (int i = 0; i < Math.min(EQ_BANDS, given.size()); i++) {
                    MixPlan.EqBandPlan b = given.get(i);
                    bands.set(i, EqBand.of(FilterType.fromCliName(b.type()), b.hz(), b.gainDb(), b.q()));
                }
                eq = bands;
            }
            Optional<Compressor.Settings> comp = tp.comp().map(c -> new Compressor.Settings(c.thresholdDb(), c.ratio(),
                    c.kneeDb(), c.attackMs(), c.releaseMs(), c.makeupDb(), Compressor.Detection.PEAK, true));
            tracks.put(name, new Track(name, tp.gainDb().orElse(t.gainDb()), tp.pan().orElse(t.pan()),
                    tp.mute().orElse(t.mute()), tp.solo().orElse(t.solo()), tp.bus().orElse(t.bus()), eq,
                    tp.comp().isPresent() ? comp : t.comp()));
        });
        busGains.putAll(p.busGainsDb());
        master = new Master(p.masterGainDb().orElse(master.gainDb()), p.limiterOn().orElse(master.limiterOn()),
                p.limiterCeilingDbtp().orElse(master.ceilingDbtp()));
    }

    // --- sound -------------------------------------------------------------------------------------

    @Override
    public SessionSound sound(SoundLibrary library, int blockFrames) throws AudioFileException {
        for (MixTrack t : section.tracks()) {
            library.clip(t.asset()); // decoded first: the mixer runs at the sounds' rate
        }
        Mixer mixer = new Mixer(library.sampleRate(), blockFrames);
        Map<String, ChannelStrip> strips = new LinkedHashMap<>();
        Map<String, Mixer.Track> channels = new LinkedHashMap<>();
        long frames = 0;
        for (MixTrack t : section.tracks()) {
            var clip = library.clip(t.asset());
            frames = Math.max(frames, clip.frames());
            ChannelStrip strip = new ChannelStrip();
            strips.put(t.name(), strip);
            channels.put(t.name(), mixer.addTrack(t.name(), ClipFeed.of(clip, 0), strip));
        }
        Map<String, Mixer.Bus> buses = new LinkedHashMap<>();
        for (String b : section.buses()) {
            buses.put(b, mixer.addBus(b, null));
        }
        long length = frames;
        SessionListener bind = (s, what) -> apply(mixer, strips, channels, buses);
        apply(mixer, strips, channels, buses);
        return bound(mixer, () -> length, bind);
    }

    private void apply(Mixer mixer, Map<String, ChannelStrip> strips, Map<String, Mixer.Track> channels,
                       Map<String, Mixer.Bus> buses) {
        for (Track t : tracks.values()) {
            ChannelStrip strip = strips.get(t.name());
            strip.setFaderDb(t.gainDb());
            strip.setPan(t.pan());
            for (int i = 0; i < EQ_BANDS; i++) {
                strip.eq().setBand(i, t.eq().get(i));
            }
            if (t.comp().isPresent()) {
                strip.compressor().setSettings(t.comp().get());
                strip.compressor().setBypassed(false);
            } else {
                strip.compressor().setBypassed(true);
            }
            Mixer.Track channel = channels.get(t.name());
            channel.setMuted(t.mute());
            channel.setSolo(t.solo());
            channel.routeTo(t.bus().map(buses::get).orElse(null));
        }
        busGains.forEach((b, g) -> buses.get(b).setFaderDb(g));
        mixer.setMasterFaderDb(master.gainDb());
        mixer.limiter().setCeilingDb(master.ceilingDbtp());
        mixer.limiter().setBypassed(!master.limiterOn());
    }
}
