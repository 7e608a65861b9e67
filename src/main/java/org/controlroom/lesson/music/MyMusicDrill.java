package org.controlroom.lesson.music;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.controlroom.lesson.run.AttemptListener;
import org.controlroom.lesson.run.DrillAudio;
import org.controlroom.lesson.run.LessonKindPlugin;
import org.controlroom.lesson.run.LessonKinds;
import org.controlroom.lesson.run.LessonRunner;
import org.controlroom.lesson.script.AssetSource;
import org.controlroom.lesson.script.DrillSection;
import org.controlroom.lesson.script.Lesson;

/**
 * A drill played on the learner's own music: one excerpt is picked (seeded) from "My music", and
 * every question's A/B comes from inside it. Only lessons with {@code my_music: true} allow it.
 *
 * @param lesson  the lesson as played: its drill's source is the music file
 * @param excerpt what plays (file, where, gain)
 * @param runner  the attempt
 * @param audio   renders each question's A and B from the excerpt
 */
public record MyMusicDrill(Lesson lesson, MusicExcerpt excerpt, LessonRunner runner, DrillAudio audio) {

    /** How much music is taken for an attempt: room for questions to come from different places. */
    static final double EXCERPT_SECONDS = 30;

    /** Whether the lesson lets a learner use their own music. */
    public static boolean allowed(Lesson lesson) {
        return lesson.section() instanceof DrillSection d && d.allowMyMusic();
    }

    /**
     * Starts an attempt on the learner's music.
     *
     * @return empty when the lesson does not allow it or no entry has a usable stretch of sound: play the
     *         lesson's own source instead
     */
    public static Optional<MyMusicDrill> start(LessonKinds kinds, Lesson lesson, List<MusicEntry> music, String learner,
                                               long seed, AttemptListener listener, Clock clock) {
        return start(kinds, lesson, music, learner, seed, listener, clock,
                org.controlroom.lesson.run.AttemptTerms.LIVE, List.of());
    }

    /** As above, on the attempt's terms (a replay, untimed answers) and with the learner's drill history. */
    public static Optional<MyMusicDrill> start(LessonKinds kinds, Lesson lesson, List<MusicEntry> music, String learner,
                                               long seed, AttemptListener listener, Clock clock,
                                               org.controlroom.lesson.run.AttemptTerms terms,
                                               List<org.controlroom.lesson.adapt.Trial> history) {
        if (!allowed(lesson)) {
            return Optional.empty();
        }
        DrillSection drill = (DrillSection) lesson.section();
        double seconds = Math.max(EXCERPT_SECONDS, drill.clipSeconds());
        Optional<MusicExcerpt> picked = ExcerptPicker.pick(music, seed, seconds);
        if (picked.isEmpty()) {
            return Optional.empty();
        }
        MusicExcerpt x = picked.get();
        DrillSection onMusic = drill.withSource(new AssetSource("my-music:" + x.file().getFileName(), x.file()));
        Lesson played = new Lesson(lesson.id(), lesson.title(), lesson.kind(), lesson.rank(), lesson.brief(),
                lesson.xp(), onMusic, lesson.scoring(), lesson.file(), lesson.contentHash());
        LessonRunner runner = LessonRunner.start(kinds, played, learner,
                new LessonKindPlugin.PlayContext(seed, Optional.of(x.seconds()), Optional.of(x.clip()), terms, history),
                listener, clock);
        return Optional.of(new MyMusicDrill(played, x, runner, new DrillAudio(onMusic, seed, x.clip())));
    }
}
