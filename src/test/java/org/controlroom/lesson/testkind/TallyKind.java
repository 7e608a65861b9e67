package org.controlroom.lesson.testkind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.controlroom.lesson.run.Choice;
import org.controlroom.lesson.run.Criterion;
import org.controlroom.lesson.run.Feedback;
import org.controlroom.lesson.run.LessonKindPlugin;
import org.controlroom.lesson.run.LessonPlay;
import org.controlroom.lesson.run.Response;
import org.controlroom.lesson.run.Step;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonKind;
import org.controlroom.lesson.script.LessonSection;
import org.controlroom.lesson.script.SectionFormat;
import org.controlroom.lesson.script.SectionInput;

/**
 * A lesson kind that lives only in the tests: "tally" asks what {@code start + i} is for each step.
 * It proves a kind joins through the registry alone.
 */
public final class TallyKind implements LessonKindPlugin {
    public static final LessonKind KIND = new LessonKind("tally", List.of("accuracy"));

    /** The {@code tally:} section. */
    public record TallySection(int questions, int start) implements LessonSection {
    }

    @Override
    public SectionFormat format() {
        return new SectionFormat() {
            @Override
            public LessonKind kind() {
                return KIND;
            }

            @Override
            public List<String> fields() {
                return List.of("questions", "start");
            }

            @Override
            public LessonSection read(SectionInput in) {
                return new TallySection(in.whole("questions", 3, 1, 20), in.whole("start", 1, 0, 100));
            }
        };
    }

    @Override
    public LessonPlay play(Lesson lesson, PlayContext context) {
        TallySection s = (TallySection) lesson.section();
        return new LessonPlay() {
            private final boolean[] right = new boolean[s.questions()];

            @Override
            public int stepCount() {
                return s.questions();
            }

            @Override
            public Step step(int index) {
                int answer = s.start() + index;
                List<Choice> choices = new ArrayList<>();
                for (int v = answer - 1; v <= answer + 1; v++) {
                    choices.add(new Choice("n" + v, Integer.toString(v), v));
                }
                return new Step(index, s.questions(), "What is " + s.start() + " + " + index + "?", choices, false,
                        Optional.empty());
            }

            @Override
            public Judgement judge(int index, Response response, long responseMillis) {
                if (!(response instanceof Response.Options o) || o.ids().size() != 1) {
                    throw new IllegalArgumentException("pick one number");
                }
                boolean ok = o.ids().get(0).equals("n" + (s.start() + index));
                right[index] = ok;
                return new Judgement(new Feedback(ok ? "Right." : "No.", Optional.of(ok), Optional.empty(),
                        Optional.empty(), ok ? 1 : 0, 1), "{\"q\":" + index + "}", "{\"a\":\"" + o.ids().get(0) + "\"}");
            }

            @Override
            public List<Criterion> criteria() {
                int n = 0;
                for (boolean b : right) {
                    n += b ? 1 : 0;
                }
                return List.of(new Criterion("accuracy", 100.0 * n / right.length, 0, n + " right",
                        Map.of("right", n)));
            }
        };
    }
}
