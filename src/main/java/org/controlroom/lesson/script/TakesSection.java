package org.controlroom.lesson.script;

import java.util.List;
import java.util.Optional;

/**
 * Picking and comping takes.
 *
 * @param referenceHz A4 for pitch measurement
 * @param bpm         the grid timing is measured against when a phrase has no melody
 * @param song        the song the phrases come from, if any (its melody, and its other stems to hear the
 *                    takes in the mix)
 * @param questions   direction questions asked after the session
 */
public record TakesSection(double referenceHz, double bpm, List<Phrase> phrases, Optional<Song> song,
                           List<DirectionQuestion> questions) implements LessonSection {
    public TakesSection {
        phrases = List.copyOf(phrases);
        questions = List.copyOf(questions);
    }

    public TakesSection(double referenceHz, double bpm, List<Phrase> phrases) {
        this(referenceHz, bpm, phrases, Optional.empty(), List.of());
    }

    /**
     * A question with options, one of them right ("what do you tell the singer before the next take?").
     *
     * @param explain what the feedback says after the answer
     */
    public record DirectionQuestion(String id, String prompt, List<Option> options, String answer, String explain) {
        public DirectionQuestion {
            options = List.copyOf(options);
        }
    }

    public record Option(String id, String label) {
    }
}
