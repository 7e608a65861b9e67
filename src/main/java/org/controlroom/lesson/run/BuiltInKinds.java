package org.controlroom.lesson.run;

import java.time.Clock;
import java.util.Optional;

import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.lesson.script.DrillSection;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.SectionFormat;
import org.controlroom.lesson.session.LessonSession;
import org.controlroom.lesson.session.MixSession;

/** The five kinds Control Room ships, as plug-ins. */
final class BuiltInKinds {

    private BuiltInKinds() {
    }

    record Drill(SectionFormat format) implements LessonKindPlugin {
        @Override
        public LessonPlay play(Lesson lesson, PlayContext context) {
            DrillSection drill = (DrillSection) lesson.section();
            double seconds = context.sourceSeconds().orElseGet(() -> sourceSeconds(drill));
            if (drill.exercise() == org.controlroom.lesson.script.DrillExercise.EQ_MATCH) {
                return new EqMatchPlay(drill, context.seed(), seconds, context.sourceClip());
            }
            return new DrillPlay(drill, context.seed(), seconds, context.sourceClip(), context.history());
        }

        /** How long a drill's source sound is (generated sources are endless). */
        private static double sourceSeconds(DrillSection drill) {
            try {
                return DrillAudio.sourceSeconds(drill);
            } catch (AudioFileException e) {
                throw new PlayException(e.getMessage(), e);
            }
        }
    }

    record Mix(SectionFormat format, Clock clock) implements LessonKindPlugin {
        @Override
        public boolean sessionKind() {
            return true;
        }

        @Override
        public Optional<LessonSession> newSession(Lesson lesson) {
            return Optional.of(new MixSession(lesson, clock));
        }

        @Override
        public LessonPlay play(Lesson lesson, PlayContext context) {
            return new MixPlay(lesson, new MixSession(lesson, clock));
        }
    }
}
