package org.controlroom.lesson.adapt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StaircaseTest {

    /**
     * A simulated listener: the chance of a right answer at ladder position {@code i} is a logistic
     * psychometric function with a guess rate of 1 in 7 (seven bands on offer), falling from near 1 at
     * easy levels to the guess rate at hard ones, placed so that it is exactly 79.4 % at {@code point79}.
     */
    record Listener(double point79, double slope, double guess) {
        double pRight(int i) {
            double e = (1 - guess) / (0.794 - guess) - 1;   // logistic term at the 79.4 % point
            double mu = point79 - slope * Math.log(e);
            return guess + (1 - guess) / (1 + Math.exp((i - mu) / slope));
        }
    }

    @Test
    void theListenersFunctionIsRightAtIts79PercentPoint() {
        Listener l = new Listener(6.0, 0.5, 1.0 / 7);
        assertThat(l.pRight(6)).isCloseTo(0.794, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(l.pRight(0)).isGreaterThan(0.99);
        assertThat(l.pRight(11)).isLessThan(0.2);
    }

    @ParameterizedTest(name = "79 % point at ladder position {0}")
    @ValueSource(doubles = {3.4, 5.0, 6.6, 8.2})
    void settlesWithinOneStepOfTheListeners79PercentPointIn40TrialsIn19Of20Runs(double point79) {
        Ladder ladder = Ladder.GAIN_DB;
        Listener listener = new Listener(point79, 0.5, 1.0 / 7);
        int settled = 0;
        List<String> misses = new ArrayList<>();
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            Staircase s = new Staircase(ladder);
            for (int t = 0; t < 40; t++) {
                s.record(random.nextDouble() < listener.pRight(s.index()));
            }
            var th = s.thresholdIndex();
            if (th.isPresent() && Math.abs(th.get() - point79) <= 1) {
                settled++;
            } else {
                misses.add("seed " + seed + ": " + th.map(String::valueOf).orElse("no threshold after 40 trials"));
            }
        }
        assertThat(settled).as("runs within one step (misses: %s)", misses).isGreaterThanOrEqualTo(19);
    }

    @Test
    void threeRightMakeItHarderOneWrongEasier() {
        Staircase s = new Staircase(Ladder.GAIN_DB);
        s.record(true);     // fast start: two steps at a time
        assertThat(s.index()).isEqualTo(2);
        s.record(false);    // the first miss ends the fast start
        assertThat(s.index()).isEqualTo(1);
        s.record(true);
        s.record(true);
        assertThat(s.index()).isEqualTo(1);
        s.record(true);
        assertThat(s.index()).isEqualTo(2);
        assertThat(s.reversalCount()).as("down after up").isEqualTo(1);
        s.record(false);
        assertThat(s.index()).isEqualTo(1);
        assertThat(s.reversalCount()).isEqualTo(2);
    }

    @Test
    void theThresholdIsTheMeanOfTheLastReversalsNotTheBestLevelReached() {
        Staircase s = new Staircase(Ladder.GAIN_DB);
        s.record(true);
        s.record(true);
        s.record(true);     // fast start reached index 6 (3 dB)
        s.record(false);    // index 5
        for (int i = 0; i < 6; i++) {     // right, right, right (down a step), wrong (up a step): a reversal each move
            s.record(true);
            s.record(true);
            s.record(true);
            s.record(false);
        }
        assertThat(s.reversalCount()).isGreaterThanOrEqualTo(6);
        // reversals alternate between 6 (3 dB, after the climb) and 5 (4 dB): the mean, not the best (3 dB)
        assertThat(s.threshold()).hasValueSatisfying(v -> assertThat(v).isBetween(3.0, 4.0).isNotEqualTo(3.0));
    }

    @Test
    void replayingTheStoredAnswersOfAFamilyRebuildsTheSameStaircase() {
        Staircase live = new Staircase(Ladder.STEP_DB);
        List<Trial> stored = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 30; i++) {
            boolean right = r.nextDouble() < 0.8;
            stored.add(new Trial("level", live.level(), 0, 0, right));
            stored.add(new Trial("pan", 0.1, 0, 0, false));   // another family: ignored
            live.record(right);
        }
        Staircase rebuilt = Staircase.replay(Ladder.STEP_DB, "level", stored);
        assertThat(rebuilt.index()).isEqualTo(live.index());
        assertThat(rebuilt.threshold()).isEqualTo(live.threshold());
    }
}
