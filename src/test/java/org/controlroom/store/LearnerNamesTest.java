package org.controlroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The name rules every database implementation shares. */
class LearnerNamesTest {

    @Test
    void aNameIsStoredComposedAndTrimmedOfSpacesAndInvisibleCharacters() {
        assertThat(LearnerNames.clean("  E\u0301mile\u200B\t")).isEqualTo("\u00C9mile");
        assertThat(LearnerNames.clean("\u3000Ana\u00A0")).isEqualTo("Ana");
    }

    @Test
    void invisibleCharactersInsideANameAreKept() {
        // a zero-width joiner inside an emoji sequence or a script is part of the name
        assertThat(LearnerNames.clean("👩\u200D🎤 Ana")).isEqualTo("👩\u200D🎤 Ana");
    }

    @Test
    void namesInEitherFormAndAnyCaseHaveOneKey() {
        assertThat(LearnerNames.key("\u00C9mile")).isEqualTo(LearnerNames.key("e\u0301MILE"));
        assertThat(LearnerNames.key("Ana")).isNotEqualTo(LearnerNames.key("Anna"));
    }

    @Test
    void theLengthLimitCountsCharactersNotUtf16Units() {
        assertThat(LearnerNames.clean("🎧".repeat(80))).hasSize(160);
        assertThatThrownBy(() -> LearnerNames.clean("🎧".repeat(81))).isInstanceOf(StoreException.class)
                .hasMessageContaining("at most 80");
    }

    @Test
    void anEmptyNameAndABlankOneAreRefusedEachWithItsReason() {
        assertThatThrownBy(() -> LearnerNames.clean("")).hasMessage("a learner needs a name");
        assertThatThrownBy(() -> LearnerNames.clean(null)).hasMessage("a learner needs a name");
        assertThatThrownBy(() -> LearnerNames.clean("\u200B \u2800")).hasMessageContaining("at least one visible character");
    }
}
