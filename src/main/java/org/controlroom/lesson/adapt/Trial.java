package org.controlroom.lesson.adapt;

/**
 * One answered drill question as the adaptive layer sees it.
 *
 * @param family     the drill family whose staircase it moved (e.g. "eq-frequency/third-octave/boost")
 * @param difficulty the value on the family's axis it was asked at (dB, pan step, ratio factor)
 * @param truth      the right answer (Hz for a band, dB, pan position, ratio)
 * @param response   what the learner answered, in the same unit
 * @param correct    whether it was right
 */
public record Trial(String family, double difficulty, double truth, double response, boolean correct) {
}
