package org.controlroom.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /** The example's parameters: f0, gain dB, Q (or S for shelves). */
    private static double[] exampleParameters(FilterType type) {
        return switch (type) {
            case PEAK -> new double[] {1000, 6, 1.4};
            case LOW_SHELF -> new double[] {200, -5, 0.8};
            case HIGH_SHELF -> new double[] {5000, 4, 1};
            case LOW_PASS -> new double[] {3000, 0, 0.7071};
            case HIGH_PASS -> new double[] {300, 0, 0.7071};
            case NOTCH -> new double[] {1200, 0, 2};
            case BAND_PASS -> new double[] {1500, 0, 0.7};
        };
    }

    @ParameterizedTest
    @EnumSource(FilterType.class)
    void measuredResponseOfEveryTypeMatchesTheCookbooksClosedForm(FilterType type) {
        double[] p = exampleParameters(type);
        for (double fs : RATES) {
            BiquadCoefficients c = example(type, fs);
            for (double hz : PROBES_HZ) {
                double expected = CookbookMagnitude.db(type, fs, p[0], p[1], p[2], hz);
                double measured = Signals.measuredGainDb(new Biquad(c), hz, fs, 1);
                assertThat(measured).as("%s at %.0f Hz, fs %.0f", type, hz, fs).isEqualTo(expected, within(0.05));
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} Hz {2} dB q/S {3} at {4} Hz")
    @CsvSource({"PEAK,100,-12,4,48000", "PEAK,12000,9,0.5,44100", "PEAK,60,3,10,96000",
            "LOW_SHELF,80,10,0.5,48000", "LOW_SHELF,1000,-8,1,96000",
            "HIGH_SHELF,10000,-9,0.6,44100", "HIGH_SHELF,2000,6,1,48000",
            "LOW_PASS,200,0,3,48000", "LOW_PASS,15000,0,0.5,44100",
            "HIGH_PASS,40,0,0.5,96000", "HIGH_PASS,8000,0,4,48000",
            "NOTCH,60,0,10,48000", "BAND_PASS,5000,0,3,44100"})
    void measuredResponseMatchesTheClosedFormAcrossSettings(FilterType type, double f0, double gain, double q,
                                                           double fs) {
        BiquadCoefficients c = BiquadCoefficients.of(type, fs, f0, gain, q);
        for (double hz : new double[] {30, 0.5 * f0, 0.9 * f0, f0, 1.1 * f0, 2 * f0, 0.4 * fs}) {
            if (hz < 20 || hz >= fs / 2 || (type == FilterType.NOTCH && Math.abs(hz - f0) < 0.2 * f0)) {
                continue;   // the notch's depth at f0 is below what a sine measurement resolves
            }
            double expected = CookbookMagnitude.db(type, fs, f0, gain, q, hz);
            double measured = Signals.measuredGainDb(new Biquad(c), hz, fs, 1);
            assertThat(measured).as("%s at %.0f Hz", type, hz).isEqualTo(expected, within(0.05));
        }
    }

    @Test
    void theClosedFormItselfHasTheCookbooksLandmarks() {
        // the truth used above, checked against what the cookbook says in words
        double fs = 48000;
        assertThat(CookbookMagnitude.db(FilterType.PEAK, fs, 1000, 6, 1, 1000)).isEqualTo(6, within(1e-9));
        assertThat(CookbookMagnitude.db(FilterType.LOW_SHELF, fs, 200, 8, 1, 200)).isEqualTo(4, within(1e-9));
        assertThat(CookbookMagnitude.db(FilterType.HIGH_SHELF, fs, 4000, -6, 1, 4000)).isEqualTo(-3, within(1e-9));
        assertThat(CookbookMagnitude.db(FilterType.LOW_PASS, fs, 1000, 0, 2, 1000)).isEqualTo(20 * Math.log10(2),
                within(1e-9));
        assertThat(CookbookMagnitude.db(FilterType.BAND_PASS, fs, 1000, 0, 3, 1000)).isEqualTo(0, within(1e-9));
        assertThat(CookbookMagnitude.db(FilterType.NOTCH, fs, 1000, 0, 3, 1000)).isLessThan(-200);
        assertThat(CookbookMagnitude.db(FilterType.HIGH_PASS, fs, 1000, 0, 0.7071, 23999)).isEqualTo(0, within(1e-6));
    }

    @ParameterizedTest
    @EnumSource(FilterType.class)
    void theResponseTheAppPlotsIsTheClosedForm(FilterType type) {
        double[] p = exampleParameters(type);
        for (double fs : RATES) {
            BiquadCoefficients c = example(type, fs);
            for (double hz = 20; hz < fs / 2; hz *= 1.1) {
                double expected = CookbookMagnitude.db(type, fs, p[0], p[1], p[2], hz);
                assertThat(c.magnitudeDb(hz, fs)).as("%s at %.0f Hz", type, hz).isEqualTo(expected, within(1e-6));
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
