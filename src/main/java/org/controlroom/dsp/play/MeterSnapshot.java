package org.controlroom.dsp.play;

import java.util.List;

/**
 * What the meters of a {@link MixerPlayback} read at one moment, all from the same block: a value
 * the UI thread takes with {@link MixerPlayback#meters()} (30 times a second is cheap) and keeps.
 *
 * <p>Levels are in dBFS (peaks), dBTP (true peak) and LUFS; "nothing yet" or silence reads negative
 * infinity. Gain reductions are in dB, 0 or more (how far the gain is turned down).
 *
 * @param positionFrame      the session frame the block after these readings starts at
 * @param tracks             one per track, in the mixer's order, after strip, fader and mute/solo
 * @param masterLeft         the master's left side, after the limiter
 * @param masterRight        the master's right side, after the limiter
 * @param truePeakDbtp       the master's highest true peak (4× oversampled, both sides) since play or
 *                           {@link MixerPlayback#resetMeters()}
 * @param momentaryLufs      the master's loudness over the last 400 ms
 * @param shortTermLufs      the master's loudness over the last 3 s
 * @param integratedLufs     the master's gated loudness since play (from stop) or the last meter reset
 * @param compressors        gain reduction of every compressor in the session: tracks', then buses'
 * @param limiterReductionDb gain reduction of the master limiter in the last block
 */
public record MeterSnapshot(long positionFrame, List<PeakLevel> tracks, PeakLevel masterLeft, PeakLevel masterRight,
                            double truePeakDbtp, double momentaryLufs, double shortTermLufs, double integratedLufs,
                            List<GainReduction> compressors, double limiterReductionDb) {

    public MeterSnapshot {
        tracks = List.copyOf(tracks);
        compressors = List.copyOf(compressors);
    }

    /** A track's reading by name. */
    public PeakLevel track(String name) {
        for (PeakLevel p : tracks) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no track called " + name + " is metered; tracks: "
                + tracks.stream().map(PeakLevel::name).toList());
    }

    /**
     * A peak meter's reading.
     *
     * @param name    the track (or "L" / "R" for the master)
     * @param peakDb  the peak level, dBFS: rises at once, falls back at {@value MixerPlayback#PEAK_FALL_DB_PER_SECOND} dB/s
     * @param holdDb  the highest peak of the last {@value MixerPlayback#PEAK_HOLD_SECONDS} s, dBFS
     * @param clipped a sample reached full scale (±1.0) since play or the last clip reset
     */
    public record PeakLevel(String name, double peakDb, double holdDb, boolean clipped) {
    }

    /**
     * A compressor's gain reduction.
     *
     * @param name        the track or bus whose compressor it is
     * @param reductionDb how far the gain is turned down now, dB (0 or more)
     */
    public record GainReduction(String name, double reductionDb) {
    }
}
