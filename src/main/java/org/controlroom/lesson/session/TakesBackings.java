package org.controlroom.lesson.session;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.lesson.script.TakesSection;

/**
 * Decoded backings kept per song and lesson (and rate), so hearing the takes in the mix again, or the
 * same lesson again, needs no second decode. Holds the few most recent (a backing is the lesson's
 * phrases' stretches of the song, a few MB). Thread-safe; a load runs on the caller's thread.
 */
public final class TakesBackings {
    private final int capacity;
    private final Map<String, TakesBacking> kept;

    public TakesBackings(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("keeps at least one backing, was " + capacity);
        }
        this.capacity = capacity;
        this.kept = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TakesBacking> eldest) {
                return size() > TakesBackings.this.capacity;
            }
        };
    }

    private static String key(TakesSession session, double rate) {
        TakesSection s = session.section();
        return session.lesson().id() + "|" + s.song().map(song -> song.id()).orElse("") + "|" + rate + "|" + s.hashCode();
    }

    /** The backing if it is already decoded. */
    public synchronized Optional<TakesBacking> cached(TakesSession session, double rate) {
        return Optional.ofNullable(kept.get(key(session, rate)));
    }

    /** The backing, decoded now (on this thread) if it is not kept yet. */
    public TakesBacking get(TakesSession session, double rate, TakesBacking.Progress progress) throws AudioFileException {
        Optional<TakesBacking> have = cached(session, rate);
        if (have.isPresent()) {
            return have.get();
        }
        TakesBacking b = session.loadBacking(rate, progress);
        synchronized (this) {
            kept.put(key(session, rate), b);
        }
        return b;
    }
}
