package org.controlroom.dsp.play;

import org.controlroom.dsp.AudioClip;

/**
 * Measures a clip's integrated loudness in LUFS, for loudness-matched A/B listening.
 * Returns a non-finite value (e.g. negative infinity) for a clip too quiet to measure.
 */
@FunctionalInterface
public interface LoudnessMeasure {

    double integratedLufs(AudioClip clip);
}
