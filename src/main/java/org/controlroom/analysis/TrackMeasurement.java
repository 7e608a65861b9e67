package org.controlroom.analysis;

import java.util.List;

import org.controlroom.dsp.meter.SpectrumBand;

/**
 * One track as it reaches the master bus (its strip, fader, pan, its bus's fader and the master fader;
 * before the limiter), measured in the same render as the mix.
 *
 * @param integratedLufs  BS.1770 integrated loudness of the track alone (−∞ when silent or muted)
 * @param loudnessRangeLu EBU Tech 3342 loudness range of the track alone (short-term values, 10th to
 *                        95th percentile after the −70 LUFS and −20 LU gates); 0 when too short or silent
 * @param shortTermMaxLufs the loudest 3 s of the track alone
 * @param panPosition     where the track sits, −100 (hard left) … +100 (hard right), read from its left
 *                        and right energy through the inverse of the constant-power pan law:
 *                        p = 4/π · atan(√(E<sub>R</sub>/E<sub>L</sub>)) − 1; NaN when silent
 * @param spectrum        its long-term 1/3-octave spectrum, when asked for (else empty)
 */
public record TrackMeasurement(String name, double integratedLufs, double loudnessRangeLu, double shortTermMaxLufs,
                               double panPosition, List<SpectrumBand> spectrum) {
    public TrackMeasurement {
        spectrum = List.copyOf(spectrum);
    }

    /** The pan position (−100 … 100) of a signal with these left and right energies. */
    public static double panFromEnergies(double left, double right) {
        if (!(left + right > 0)) {
            return Double.NaN;
        }
        return 100 * (4 / Math.PI * Math.atan2(Math.sqrt(right), Math.sqrt(left)) - 1);
    }
}
