package org.controlroom.lesson.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CareerLadderTest {

    private final CareerLadder ladder = new CareerLadder(List.of(
            new Rank("runner", "Runner", 0, "a"),
            new Rank("engineer", "Engineer", 300, "b"),
            new Rank("producer", "Producer", 700, "c")));

    @Test
    void rankForXpIsTheHighestRankReached() {
        assertThat(ladder.rankFor(0).id()).isEqualTo("runner");
        assertThat(ladder.rankFor(299).id()).isEqualTo("runner");
        assertThat(ladder.rankFor(300).id()).isEqualTo("engineer");
        assertThat(ladder.rankFor(5000).id()).isEqualTo("producer");
    }

    @Test
    void nextRankSaysWhatTheLearnerWorksTowards() {
        assertThat(ladder.nextRank(120)).map(Rank::id).contains("engineer");
        assertThat(ladder.nextRank(300)).map(Rank::id).contains("producer");
        assertThat(ladder.nextRank(700)).isEmpty();
    }

    @Test
    void ranksAreFoundByIdAndOrdered() {
        assertThat(ladder.indexOf("engineer")).isEqualTo(1);
        assertThat(ladder.indexOf("tea-maker")).isEqualTo(-1);
        assertThat(ladder.rank("producer")).map(Rank::xp).contains(700);
    }
}
