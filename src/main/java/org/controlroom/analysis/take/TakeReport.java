package org.controlroom.analysis.take;

import java.util.List;

/**
 * What take analysis measured on one recording.
 *
 * @param pitchHz        median pitch of the voiced frames (NaN when nothing is voiced)
 * @param centsOff       median deviation of the voiced frames from the nearest equal-tempered note
 * @param onsetsS        every detected onset, seconds
 * @param clippedSamples samples at or over full scale (any channel)
 * @param noiseFloorDbfs the level of the quietest stretches (10th percentile of 20 ms RMS windows)
 * @param notes          the detected (voiced) notes
 * @param timingMs       each note's onset offset from the nearest grid position or melody note (same
 *                       order as {@code notes}; NaN when there is neither)
 * @param voicedRatio    the share of frames with a pitch
 * @param noiseEventsS   onsets with no pitch after them (a cough, a knock, a breath): seconds
 * @param pitchTrack     pitch per frame in Hz (NaN where unvoiced), one frame every {@code hopS}
 */
public record TakeReport(double seconds, double pitchHz, double centsOff, List<Double> onsetsS, long clippedSamples,
                         double noiseFloorDbfs, List<Note> notes, List<Double> timingMs, double voicedRatio,
                         List<Double> noiseEventsS, float[] pitchTrack, double hopS) {

    public TakeReport {
        onsetsS = List.copyOf(onsetsS);
        notes = List.copyOf(notes);
        timingMs = List.copyOf(timingMs);
        noiseEventsS = List.copyOf(noiseEventsS);
    }

    /**
     * A detected note.
     *
     * @param stabilityCents the spread of its pitch (standard deviation, cents) around its median
     * @param midi           the nearest equal-tempered note
     */
    public record Note(double onsetS, double seconds, double pitchHz, double centsOff, double stabilityCents, int midi) {
    }
}
