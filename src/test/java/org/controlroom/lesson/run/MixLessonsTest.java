package org.controlroom.lesson.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.AudioFiles;
import org.controlroom.dsp.meter.LoudnessAnalyzer;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonKind;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.script.LessonPlan;
import org.controlroom.lesson.script.MixSection;
import org.controlroom.lesson.script.MixTrack;
import org.controlroom.lesson.script.PlanFile;
import org.controlroom.lesson.session.MixSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped mix lessons: each passes with its own solution plan (src/test/resources/mix-solutions,
 * outside the lessons folder so the loader does not read a plan as a lesson) and fails as it starts.
 */
class MixLessonsTest {

    static final List<String> LESSONS = List.of("mix-song-balance", "mix-pan-the-band", "mix-deliver-to-spec",
            "mix-clear-the-mud", "mix-tame-the-vocal", "mix-kick-and-bass", "mix-match-the-reference");

    private static LessonCatalog catalog;
    private static Path root;

    @BeforeAll
    static void load() {
        root = Path.of(System.getProperty("controlroom.project.dir", "."));
        catalog = new LessonLoader().load(root.resolve("lessons"), root.resolve("audio-assets"));
        assertThat(catalog.problems()).isEmpty();
    }

    static Path solution(String id) {
        return root.resolve("src/test/resources/mix-solutions/" + id + ".plan.yaml");
    }

    private static AttemptFinished play(Lesson lesson, Consumer<MixSession> work) throws Exception {
        LessonRunner r = LessonRunner.start(LessonKinds.builtIn(), lesson, "ana", LessonKindPlugin.PlayContext.of(1),
                AttemptListener.NONE, Clock.systemUTC());
        MixSession session = (MixSession) r.beginSession();
        work.accept(session);
        assertThat(r.submit()).isEmpty();
        return r.result().orElseThrow();
    }

    private static LessonPlan plan(Lesson lesson) {
        return new PlanFile(LessonKinds.builtIn().formats()).read(solution(lesson.id()), lesson);
    }

    private static Criterion criterion(AttemptFinished f, String name) {
        return f.criteria().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void thereAreSevenMixLessonsAcrossTheRanks() {
        List<Lesson> mixes = catalog.lessons().stream().filter(l -> l.kind().equals(LessonKind.MIX))
                .filter(l -> LESSONS.contains(l.id())).toList();
        assertThat(mixes).hasSize(LESSONS.size());
        assertThat(mixes.stream().map(Lesson::rank).distinct().count()).isGreaterThanOrEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mix-song-balance", "mix-pan-the-band", "mix-deliver-to-spec", "mix-clear-the-mud",
            "mix-tame-the-vocal", "mix-kick-and-bass", "mix-match-the-reference"})
    void theSolutionPassesAndTheStartingStateFails(String id) throws Exception {
        Lesson lesson = catalog.lesson(id).orElseThrow();
        AttemptFinished solved = play(lesson, s -> s.load(plan(lesson)));
        assertThat(solved.score()).as(id + " solved: " + solved.criteria()).isGreaterThanOrEqualTo(95);
        assertThat(solved.passed()).isTrue();
        AttemptFinished start = play(lesson, s -> { });
        assertThat(start.passed()).as(id + " as it starts: " + start.criteria()).isFalse();
        assertThat(start.score()).isLessThan(lesson.scoring().passMark());
    }

    @Test
    void oneTrackTenDecibelsHotLosesTheBalanceAndTheFeedbackNamesIt() throws Exception {
        Lesson lesson = catalog.lesson("mix-song-balance").orElseThrow();
        AttemptFinished good = play(lesson, s -> s.load(plan(lesson)));
        AttemptFinished hot = play(lesson, s -> {
            s.load(plan(lesson));
            s.setGainDb("piano", s.track("piano").gainDb() + 10);
        });
        assertThat(criterion(good, "balance").score()).isEqualTo(100);
        assertThat(criterion(hot, "balance").score()).isLessThan(criterion(good, "balance").score() - 15);
        assertThat(hot.score()).isLessThan(good.score());
        assertThat((Double) criterion(hot, "balance").measured().get("piano")).isCloseTo(-6 + 10, within(0.3));
        assertThat(criterion(hot, "balance").detail()).startsWith("piano is 10.0 dB too loud against lead-vocal: "
                + "pull the piano fader down ~10 dB");
    }

    @Test
    void twelveDecibelsOnTheMasterClipsWithoutTheLimiterAndKeepsTheCeilingWithIt() throws Exception {
        Lesson lesson = catalog.lesson("mix-song-balance").orElseThrow();
        AttemptFinished raw = play(lesson, s -> {
            s.load(plan(lesson));
            s.setMaster(new MixSession.Master(s.master().gainDb() + 12, false, -1));
        });
        assertThat(criterion(raw, "clipping").score()).isZero();
        assertThat((Long) criterion(raw, "clipping").measured().get("clipped_samples")).isGreaterThan(100);
        assertThat(criterion(raw, "true_peak").score()).isLessThan(50);
        assertThat((Double) criterion(raw, "true_peak").measured().get("true_peak_dbtp")).isGreaterThan(0.0);
        AttemptFinished limited = play(lesson, s -> {
            s.load(plan(lesson));
            s.setMaster(new MixSession.Master(s.master().gainDb() + 12, true, -1));
        });
        assertThat(criterion(limited, "true_peak").score()).isEqualTo(100);
        assertThat((Double) criterion(limited, "true_peak").measured().get("true_peak_dbtp")).isLessThanOrEqualTo(-1.0);
        assertThat(criterion(limited, "clipping").measured().get("clipped_samples")).isEqualTo(0L);
        // the overs are still counted where they happen, before the limiter
        assertThat((Long) criterion(limited, "clipping").measured().get("clipped_before_limiter")).isGreaterThan(100);
    }

    @Test
    void theBalanceOfKnownFadersAndPansMeasuresAsSetWithinAFifthOfADecibel() throws Exception {
        Lesson lesson = catalog.lesson("mix-song-balance").orElseThrow();
        MixSection section = (MixSection) lesson.section();
        Map<String, Double> stem = new java.util.LinkedHashMap<>();
        for (MixTrack t : section.tracks()) {
            AudioClip c = AudioFiles.read(t.asset().resolved());
            stem.put(t.name(), LoudnessAnalyzer.measure(c).integratedLufs()); // the mono stem's own loudness
        }
        Map<String, double[]> set = Map.of("lead-vocal", new double[] {-6, 0}, "kick", new double[] {-1.5, 0.4},
                "snare", new double[] {-9, -0.7}, "bass", new double[] {-4, 0}, "piano", new double[] {-12.5, 1});
        AttemptFinished f = play(lesson, s -> set.forEach((name, gp) -> {
            s.setGainDb(name, gp[0]);
            s.setPan(name, gp[1]);
        }));
        Criterion balance = criterion(f, "balance");
        for (String t : List.of("kick", "snare", "bass", "piano")) {
            // constant-power pan keeps a mono source's loudness: only the faders and the stems count
            double expected = (stem.get(t) + set.get(t)[0]) - (stem.get("lead-vocal") + set.get("lead-vocal")[0]);
            assertThat((Double) balance.measured().get(t)).as(t).isCloseTo(expected, within(0.2));
        }
    }
}
