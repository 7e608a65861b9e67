package org.controlroom.lesson.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

import org.controlroom.analysis.ArrangeAnalysis;
import org.controlroom.analysis.ArrangeMeasurement;
import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.mix.OfflineRenderer;
import org.controlroom.lesson.script.Stem;
import org.controlroom.lesson.session.ArrangeSession;
import org.controlroom.lesson.session.SessionSound;
import org.controlroom.lesson.session.SoundLibrary;

/**
 * Renders an arrangement and measures it: the loudness curve and per-section loudness of the render,
 * and per placed section the stems that are switched on and actually sound there. Slow (a whole render):
 * call it off the event thread, on a session no other thread edits (a copy made from the plan).
 */
public final class ArrangeRender {

    /**
     * @param activeStems per placed section, the stems switched on that sound in its stretch of the source
     */
    public record Result(ArrangeMeasurement measurement, List<List<String>> activeStems) {
        public Result {
            activeStems = activeStems.stream().map(List::copyOf).toList();
        }
    }

    private ArrangeRender() {
    }

    public static Result measure(ArrangeSession session, SoundLibrary library, int threads, DoubleConsumer progress)
            throws AudioFileException {
        ArrangeMeasurement m;
        double rate;
        try (SessionSound sound = session.sound(library, 1024)) {
            rate = sound.mixer().sampleRate();
            long[] starts = new long[session.size()];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = Math.round(session.startSeconds(i) * rate);
            }
            m = new ArrangeAnalysis(new OfflineRenderer(threads)).measure(sound.mixer(), sound.frames(), starts, progress);
        }
        List<List<String>> active = new ArrayList<>();
        long barFrames = Math.round(session.barSeconds() * rate);
        for (int i = 0; i < session.size(); i++) {
            ArrangeSession.Entry e = session.entry(i);
            long from = Math.round(session.sourceStartSeconds(e.section()) * rate);
            List<String> on = new ArrayList<>();
            for (Stem s : session.song().stems()) {
                if (e.stems().contains(s.name())) {
                    AudioClip clip = library.clip(s.asset());
                    if (ArrangeAnalysis.active(clip, from, e.bars() * barFrames)) {
                        on.add(s.name());
                    }
                }
            }
            active.add(on);
        }
        return new Result(m, active);
    }
}
