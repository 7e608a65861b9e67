package org.controlroom.lesson.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ShippedLessonsTest {

    static Path projectDir() {
        return Path.of(System.getProperty("controlroom.project.dir", "."));
    }

    private final LessonCatalog catalog =
            new LessonLoader().load(projectDir().resolve("lessons"), projectDir().resolve("audio-assets"));

    @Test
    void everyShippedLessonLoadsWithoutProblems() {
        assertThat(catalog.problems()).isEmpty();
        assertThat(catalog.lessons()).hasSizeGreaterThanOrEqualTo(11);
    }

    @Test
    void shippedCareerHasTheFiveRanksInOrder() {
        CareerLadder ladder = CareerLoader.load(projectDir().resolve("lessons/career.yaml"));
        assertThat(ladder.ranks()).extracting(Rank::id).containsExactly("runner", "assistant-engineer", "engineer",
                "producer", "executive-producer");
        assertThat(ladder.ranks()).extracting(Rank::xp).containsExactly(0, 100, 200, 340, 450);
        assertThat(catalog.career()).contains(ladder);
    }

    @Test
    void shippedLessonsCoverEveryKindAndAtLeastSixDrills() {
        Map<LessonKind, Long> byKind = catalog.lessons().stream()
                .collect(Collectors.groupingBy(Lesson::kind, Collectors.counting()));
        assertThat(byKind.get(LessonKind.DRILL)).isGreaterThanOrEqualTo(6);
        assertThat(byKind.get(LessonKind.BUDGET)).isGreaterThanOrEqualTo(5);
        assertThat(byKind).containsKeys(LessonKind.MIX, LessonKind.ARRANGE, LessonKind.TAKES);
    }

    @Test
    void drillFieldsAndDefaultsAreRead() {
        DrillSection boosts = (DrillSection) catalog.lesson("eq-octave-boosts").orElseThrow().section();
        assertThat(boosts.exercise()).isEqualTo(DrillExercise.EQ_FREQUENCY);
        assertThat(boosts.source()).isEqualTo(new GeneratorSource("pink-noise"));
        assertThat(boosts.choices()).containsExactly(125.0, 250.0, 500.0, 1000.0, 2000.0, 4000.0, 8000.0);
        assertThat(boosts.gainDb()).isEqualTo(12.0);
        assertThat(boosts.thresholdDb()).isEqualTo(-24.0);
        assertThat(boosts.frequencyHz()).isEmpty();

        DrillSection level = (DrillSection) catalog.lesson("level-steps").orElseThrow().section();
        assertThat(level.source()).isInstanceOfSatisfying(AssetSource.class, a -> {
            assertThat(a.path()).isEqualTo("songs/night-bus/mix.ogg");
            assertThat(a.resolved()).isAbsolute().endsWith(Path.of("audio-assets", "songs", "night-bus", "mix.ogg"));
        });
        assertThat(level.excerptFromSeconds()).isEqualTo(10.7);
        assertThat(level.excerptToSeconds()).contains(117.3);
        assertThat(level.allowMyMusic()).isTrue();
        assertThat(boosts.excerptFromSeconds()).isZero();
        assertThat(boosts.excerptToSeconds()).isEmpty();
        assertThat(boosts.allowMyMusic()).isFalse();
        assertThat(level.q()).isEqualTo(1.4);
        assertThat(level.tolerance()).isZero();

        Lesson gain = catalog.lesson("eq-gain-steps").orElseThrow();
        assertThat(((DrillSection) gain.section()).frequencyHz()).contains(1000.0);
        assertThat(gain.scoring().weights()).containsExactly(Map.entry("accuracy", 0.8), Map.entry("speed", 0.2));
        assertThat(gain.scoring().passMark()).isEqualTo(70.0);
        assertThat(gain.rank()).isEqualTo("assistant-engineer");
    }

    @Test
    void scenarioSectionsAreRead() {
        BudgetSection ep = (BudgetSection) catalog.lesson("budget-four-song-ep").orElseThrow().section();
        assertThat(ep.currency()).isEqualTo("GBP");
        assertThat(ep.money()).isEqualTo(6000.0);
        assertThat(ep.studios()).extracting(Studio::id).containsExactly("home-studio", "project-studio", "big-room");
        assertThat(ep.events()).extracting(BudgetEvent::delayDays).containsExactly(0, 1, 0);
        assertThat(ep.events().get(0).responses()).extracting(EventResponse::delayDays).containsExactly(3, 1, 0);
        assertThat(ep.events().get(1).responses()).containsExactly(BudgetEvent.CARRY_ON);
        assertThat(ep.studios().get(2).available().isFree(6)).isTrue();
        assertThat(ep.studios().get(2).available().isFree(10)).isFalse();
        assertThat(ep.contingency()).isEqualTo(300.0);

        MixSection mix = (MixSection) catalog.lesson("mix-first-balance").orElseThrow().section();
        assertThat(mix.tracks()).extracting(MixTrack::name).containsExactly("drums", "bass", "pad");
        assertThat(mix.target()).isEqualTo(new MixTarget(-14, -1));
        assertThat(mix.balance()).containsEntry("bass", -3.0);
        assertThat(mix.reference()).isEmpty();

        ArrangeSection arrange = (ArrangeSection) catalog.lesson("arrange-radio-edit").orElseThrow().section();
        assertThat(arrange.sections()).hasSize(7);
        assertThat(arrange.target().firstChorusBySeconds()).isEqualTo(30.0);

        TakesSection takes = (TakesSection) catalog.lesson("takes-pick-the-vocal").orElseThrow().section();
        assertThat(takes.phrases().get(0).takes()).extracting(Take::id)
                .containsExactly("take-2", "take-3", "take-1", "take-4");
        assertThat(takes.referenceHz()).isEqualTo(440.0);
    }
}
