package org.controlroom.lesson.career;

import java.util.List;

/**
 * The learner's sound: the consistent differences of their mixes against the references, and the
 * sentence that says it ("your mixes sit 1.5 dB brighter and 2.0 LU louder than the references").
 */
public record Signature(List<SignatureTrait> traits, String summary) {
    public Signature {
        traits = List.copyOf(traits);
    }
}
