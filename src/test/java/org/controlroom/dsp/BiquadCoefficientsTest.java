package org.controlroom.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BiquadCoefficientsTest {

    private static final double[] RATES = {44100, 96000};
    private static final double[] PROBES_HZ = {40, 180, 700, 1000, 2500, 6000, 15000};

    private static BiquadCoefficients example(FilterType type, double fs) {
        return switch (type) {
            case PEAK -> BiquadCoefficients.peak(fs, 1000, 6, 1.4);
            case LOW_SHELF -> BiquadCoefficients.lowShelf(fs, 200, -5, 0.8);
            case HIGH_SHELF -> BiquadCoefficients.highShelf(fs, 5000, 4, 1);
            case LOW_PASS -> BiquadCoefficients.lowPass(fs, 3000, 0.7071);
            case HIGH_PASS -> BiquadCoefficients.highPass(fs, 300, 0.7071);
            case NOTCH -> BiquadCoefficients.notch(fs, 1200, 2);
            case BAND_PASS -> BiquadCoefficients.bandPass(fs, 1500, 0.7);
        };
    }

    @ParameterizedTest
    @EnumSource(FilterType.class)
    void measuredResponseOfEveryTypeMatchesTheAnalyticResponse(FilterType type) {
        for (double fs : RATES) {
            BiquadCoefficients c = example(type, fs);
            for (double hz : PROBES_HZ) {
                double expected = c.magnitudeDb(hz, fs);
                double measured = Signals.measuredGainDb(new Biquad(c), hz, fs, 1);
                assertThat(measured).as("%s at %.0f Hz, fs %.0f", type, hz, fs).isEqualTo(expected, within(0.05));
            }
        }
    }

    @Test
    void peakFilterBoostsCentreByItsGain() {
        assertThat(BiquadCoefficients.peak(48000, 1000, 6, 1).magnitudeDb(1000, 48000)).isEqualTo(6, within(1e-9));
        assertThat(BiquadCoefficients.peak(48000, 1000, -9, 4).magnitudeDb(1000, 48000)).isEqualTo(-9, within(1e-9));
        assertThat(BiquadCoefficients.peak(48000, 1000, 6, 1).magnitudeDb(20, 48000)).isEqualTo(0, within(0.01));
    }

    @Test
    void peakBandwidthFollowsQ() {
        // Cookbook: with gain G the response at the band edges (f0·2^(±BW/2)) is G/2 dB.
        double q = 2;
        double bw = 2 / Math.log(2) * asinh(1 / (2 * q)); // octaves, digital warping aside
        BiquadCoefficients c = BiquadCoefficients.peak(192000, 1000, 12, q);
        assertThat(c.magnitudeDb(1000 * Math.pow(2, bw / 2), 192000)).isEqualTo(6, within(0.05));
    }

    private static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1));
    }

    @Test
    void shelvesReachTheirGainFarFromTheCornerAndHalfAtIt() {
        BiquadCoefficients low = BiquadCoefficients.lowShelf(48000, 200, 8, 1);
        assertThat(low.magnitudeDb(5, 48000)).isEqualTo(8, within(0.01));
        assertThat(low.magnitudeDb(200, 48000)).isEqualTo(4, within(0.01));
        assertThat(low.magnitudeDb(15000, 48000)).isEqualTo(0, within(0.01));
        BiquadCoefficients high = BiquadCoefficients.highShelf(48000, 4000, -6, 1);
        assertThat(high.magnitudeDb(23999, 48000)).isEqualTo(-6, within(0.01));
        assertThat(high.magnitudeDb(4000, 48000)).isEqualTo(-3, within(0.01));
        assertThat(high.magnitudeDb(30, 48000)).isEqualTo(0, within(0.01));
    }

    @Test
    void passFiltersAndNotchHaveTheCookbookShape() {
        double fs = 48000;
        BiquadCoefficients lp = BiquadCoefficients.lowPass(fs, 1000, Math.sqrt(0.5));
        assertThat(lp.magnitudeDb(10, fs)).isEqualTo(0, within(0.01));
        assertThat(lp.magnitudeDb(1000, fs)).isEqualTo(-3.01, within(0.01));
        assertThat(lp.magnitudeDb(10000, fs) - lp.magnitudeDb(5000, fs)).isLessThan(-10);
        BiquadCoefficients hp = BiquadCoefficients.highPass(fs, 1000, 2);
        assertThat(hp.magnitudeDb(1000, fs)).isEqualTo(20 * Math.log10(2), within(0.01));
        assertThat(hp.magnitudeDb(20000, fs)).isEqualTo(0, within(0.05));
        BiquadCoefficients bp = BiquadCoefficients.bandPass(fs, 1000, 1);
        assertThat(bp.magnitudeDb(1000, fs)).isEqualTo(0, within(1e-9));
        assertThat(bp.magnitudeDb(100, fs)).isLessThan(-15);
        BiquadCoefficients notch = BiquadCoefficients.notch(fs, 1000, 1);
        assertThat(notch.magnitudeDb(1000, fs)).isLessThan(-100);
        assertThat(notch.magnitudeDb(20, fs)).isEqualTo(0, within(0.01));
    }

    @Test
    void everyTypeIsStableAcrossTheBand() {
        for (FilterType type : FilterType.values()) {
            for (double f : new double[] {10, 100, 1000, 10000, 23000}) {
                for (double q : new double[] {0.1, 0.707, 10, 100}) {
                    assertThat(BiquadCoefficients.of(type, 48000, f, 12, type.isShelf() ? Math.min(q, 1) : q)
                            .isStable()).as("%s %s Hz q %s", type, f, q).isTrue();
                }
            }
        }
    }

    @Test
    void badValuesAreRejectedNamingTheValue() {
        assertThatThrownBy(() -> BiquadCoefficients.peak(48000, 24000, 3, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("24000").hasMessageContaining("half");
        assertThatThrownBy(() -> BiquadCoefficients.peak(48000, 0, 3, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frequency");
        assertThatThrownBy(() -> BiquadCoefficients.peak(48000, 1000, 3, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Q must be above 0, was 0.0");
        assertThatThrownBy(() -> BiquadCoefficients.lowShelf(48000, 1000, 3, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slope S");
        assertThatThrownBy(() -> BiquadCoefficients.peak(48000, 1000, Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gain");
    }

    @Test
    void typesParseFromTheirCommandLineNames() {
        for (FilterType t : FilterType.values()) {
            assertThat(FilterType.fromCliName(t.cliName().toUpperCase())).isEqualTo(t);
        }
        assertThatThrownBy(() -> FilterType.fromCliName("bell")).hasMessageContaining("bell");
    }
}
