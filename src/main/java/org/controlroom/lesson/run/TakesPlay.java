package org.controlroom.lesson.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.controlroom.analysis.take.JoinCheck;
import org.controlroom.analysis.take.TakeAnalysis;
import org.controlroom.analysis.take.TakeMarks;
import org.controlroom.analysis.take.TakeReport;
import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.Phrase;
import org.controlroom.lesson.script.TakesSection;
import org.controlroom.lesson.session.LessonSession;
import org.controlroom.lesson.session.SoundLibrary;
import org.controlroom.lesson.session.TakesSession;

/**
 * A takes lesson: the learner comps the phrases ({@link TakesSession}) and submits; each phrase's comp
 * is rendered as heard (crossfades and all) and measured by take analysis — pitch (its worst note),
 * timing (its worst onset, and notes the melody has that it lacks), clean (clipping, noise floor, noise
 * events), and the joins (level step, spectral jump and click at each). No injected truth is used: a
 * tutor's recorded takes are scored the same way. Each criterion is its worst phrase's. Then the lesson's direction questions are asked.
 */
final class TakesPlay implements LessonPlay {

    private final TakesSection section;
    private final TakesSession session;
    private final Map<Integer, Boolean> answered = new LinkedHashMap<>();
    private List<Criterion> measured;

    TakesPlay(Lesson lesson, TakesSession session) {
        this.section = (TakesSection) lesson.section();
        this.session = session;
    }

    @Override
    public int stepCount() {
        return section.questions().size();
    }

    @Override
    public Step step(int index) {
        TakesSection.DirectionQuestion q = section.questions().get(index);
        return new Step(index, stepCount(), q.prompt(),
                q.options().stream().map(o -> new Choice(o.id(), o.label(), 0)).toList(), false, Optional.empty());
    }

    /** The answer the session's plan gives to a question, if any (plan files carry them). */
    @Override
    public Optional<String> plannedAnswer(int index) {
        return Optional.ofNullable(session.answers().get(section.questions().get(index).id()));
    }

    @Override
    public Judgement judge(int index, Response response, long responseMillis) {
        if (!(response instanceof Response.Options options) || options.ids().size() != 1) {
            throw new IllegalArgumentException("choose one option");
        }
        TakesSection.DirectionQuestion q = section.questions().get(index);
        String id = options.ids().get(0);
        Optional<TakesSection.Option> chosen = q.options().stream().filter(o -> o.id().equals(id)).findFirst();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("'" + id + "' is not one of the options ("
                    + String.join(", ", q.options().stream().map(TakesSection.Option::id).toList()) + ")");
        }
        boolean correct = id.equals(q.answer());
        answered.put(index, correct);
        String right = q.options().stream().filter(o -> o.id().equals(q.answer())).findFirst()
                .map(TakesSection.Option::label).orElse(q.answer());
        String message = (correct ? "Right. " : "Not quite: the direction is \"" + right + "\". ") + q.explain();
        Feedback feedback = new Feedback(message.strip(), Optional.of(correct), Optional.empty(), Optional.empty(),
                correct ? 1 : 0, 1);
        Map<String, Object> question = new LinkedHashMap<>();
        question.put("question", q.id());
        question.put("options", q.options().stream().map(TakesSection.Option::id).toList());
        return new Judgement(feedback, Json.of(question), Json.of(Map.of("chosen", id)));
    }

    @Override
    public Optional<LessonSession> session() {
        return Optional.of(session);
    }

    @Override
    public SessionSubmission submitSession() throws AudioFileException {
        SoundLibrary library = new SoundLibrary();
        Map<String, AudioClip> clips = session.clips(library);
        double rate = library.sampleRate();
        int fade = (int) Math.round(session.crossfadeMs() / 1000 * rate);
        Map<String, Object> pitchBy = new LinkedHashMap<>();
        Map<String, Object> timingBy = new LinkedHashMap<>();
        Map<String, Object> cleanBy = new LinkedHashMap<>();
        List<Object> joins = new ArrayList<>();
        List<String> pitchWords = new ArrayList<>();
        List<String> timingWords = new ArrayList<>();
        List<String> cleanWords = new ArrayList<>();
        List<String> joinWords = new ArrayList<>();
        // each criterion is as good as the worst phrase: a record is heard whole
        double pitch = 100;
        double timing = 100;
        double clean = 100;
        double joinSum = 0;
        int joinCount = 0;
        for (Phrase p : section.phrases()) {
            float[] comp = session.renderPhrase(p.id(), clips, rate);
            TakeAnalysis analysis = new TakeAnalysis(new TakeAnalysis.Settings(section.referenceHz(),
                    p.melody().isEmpty() ? OptionalDouble.of(section.bpm()) : OptionalDouble.empty(), p.melody()));
            TakeReport r = analysis.analyse(AudioClip.ofChannels(rate, comp));
            TakeMarks m = TakeMarks.of(r, p.melody());
            pitch = Math.min(pitch, m.pitch());
            timing = Math.min(timing, m.timing());
            clean = Math.min(clean, m.clean());
            pitchBy.put(p.id(), round1(m.worstCents()));
            timingBy.put(p.id(), round1(m.worstTimingMs()));
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("clipped_samples", m.clippedSamples());
            c.put("noise_floor_dbfs", round1(m.noiseFloorDbfs()));
            c.put("noise_events", m.noiseEvents());
            cleanBy.put(p.id(), c);
            pitchWords.add(String.format(Locale.ROOT, "%s: worst note %.0f cents off", p.name(), m.worstCents()));
            timingWords.add(String.format(Locale.ROOT, "%s: worst onset %.0f ms off%s", p.name(), m.worstTimingMs(),
                    m.missingNotes() > 0 ? ", " + m.missingNotes() + " note(s) missing" : ""));
            cleanWords.add(String.format(Locale.ROOT, "%s: %d clipped samples, noise floor %.0f dBFS%s", p.name(),
                    m.clippedSamples(), m.noiseFloorDbfs(), m.noiseEvents() > 0 ? ", " + m.noiseEvents() + " noise event(s)" : ""));
            List<TakesSession.Piece> pieces = session.comp(p.id());
            for (int i = 1; i < pieces.size(); i++) {
                TakesSession.Piece before = pieces.get(i - 1);
                TakesSession.Piece after = pieces.get(i);
                if (before.take().equals(after.take())) {
                    continue;
                }
                long at = Math.min(comp.length - 1, Math.round(before.untilS().orElseThrow() * rate));
                JoinCheck.Join j = JoinCheck.measure(comp, TakeAnalysis.mono(clips.get(before.take())),
                        TakeAnalysis.mono(clips.get(after.take())), rate, at, fade);
                joinSum += j.score();
                joinCount++;
                Map<String, Object> jm = new LinkedHashMap<>();
                jm.put("phrase", p.id());
                jm.put("at_s", round2(j.atS()));
                jm.put("level_step_db", round1(j.levelStepDb()));
                jm.put("spectral_jump_db", round1(j.spectralJumpDb()));
                jm.put("click_db", round1(j.clickDb()));
                joins.add(jm);
                joinWords.add(String.format(Locale.ROOT, "%s at %.2f s (%s to %s): level step %.1f dB, spectral jump %.1f dB,"
                        + " click %+.1f dB%s", p.name(), j.atS(), before.take(), after.take(), j.levelStepDb(),
                        j.spectralJumpDb(), j.clickDb(), j.heard() ? " — heard" : ""));
            }
        }
        List<Criterion> out = new ArrayList<>();
        out.add(new Criterion("pitch", pitch, 0, String.join("; ", pitchWords), Map.of("cents_off", pitchBy)));
        out.add(new Criterion("timing", timing, 0, String.join("; ", timingWords), Map.of("timing_ms", timingBy)));
        out.add(new Criterion("clean", clean, 0, String.join("; ", cleanWords), cleanBy));
        out.add(new Criterion("joins", joinCount == 0 ? 100 : joinSum / joinCount, 0,
                joinCount == 0 ? "no joins: one take a phrase" : String.join("; ", joinWords), Map.of("joins", joins)));
        measured = out;
        String summary = String.format(Locale.ROOT, "pitch %.0f, timing %.0f, clean %.0f, joins %.0f (of 100)",
                out.get(0).score(), out.get(1).score(), out.get(2).score(), out.get(3).score());
        return new SessionSubmission(Json.of(session.plan().toTree()), summary);
    }

    @Override
    public List<Criterion> criteria() {
        if (measured == null) {
            throw new IllegalStateException("the comp has not been submitted");
        }
        List<Criterion> out = new ArrayList<>(measured);
        if (stepCount() > 0) {
            long right = answered.values().stream().filter(b -> b).count();
            out.add(new Criterion("direction", 100.0 * right / stepCount(), 0,
                    right + " of " + stepCount() + " direction questions answered as the takes show",
                    Map.of("correct", right, "asked", stepCount())));
        }
        return out;
    }

    private static double round1(double v) {
        return Double.isFinite(v) ? Math.round(v * 10) / 10.0 : v;
    }

    private static double round2(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : v;
    }
}
