package org.controlroom.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParametricEqTest {

    private static final double[] PROBES_HZ = {50, 250, 900, 2000, 7000, 16000};

    private static EqBand example(FilterType type) {
        return switch (type) {
            case PEAK -> EqBand.of(type, 900, -7, 2);
            case LOW_SHELF -> EqBand.of(type, 150, 6, 1);
            case HIGH_SHELF -> EqBand.of(type, 6000, -4, 0.7);
            case LOW_PASS -> EqBand.of(type, 5000, 0, 0.7071);
            case HIGH_PASS -> EqBand.of(type, 120, 0, 1.2);
            case NOTCH -> EqBand.of(type, 3000, 0, 4);
            case BAND_PASS -> EqBand.of(type, 1000, 0, 0.5);
        };
    }

    @ParameterizedTest
    @EnumSource(FilterType.class)
    void everyBandTypeMeasuresAsTheCookbookSaysInStereo(FilterType type) {
        for (double fs : new double[] {44100, 96000}) {
            EqBand band = example(type);
            for (double hz : PROBES_HZ) {
                double measured = Signals.measuredGainDb(new ParametricEq(List.of(band)), hz, fs, 2);
                assertThat(measured).as("%s at %.0f Hz, fs %.0f", type, hz, fs)
                        .isEqualTo(CookbookMagnitude.db(band, fs, hz), within(0.05));
            }
        }
    }

    private static List<EqBand> bands(int n) {
        List<EqBand> all = List.of(
                EqBand.of(FilterType.PEAK, 1000, 3, 1),
                EqBand.of(FilterType.LOW_SHELF, 100, 2, 1),
                EqBand.of(FilterType.HIGH_SHELF, 8000, -2, 1),
                EqBand.of(FilterType.PEAK, 300, -3, 2),
                EqBand.of(FilterType.HIGH_PASS, 40, 0, 0.7071),
                EqBand.of(FilterType.PEAK, 3000, 5, 3),
                EqBand.of(FilterType.LOW_PASS, 15000, 0, 0.7071));
        return all.subList(0, n);
    }

    @Test
    void bandsInSeriesAddUpInDecibelsForEveryBandCountAndLayout() {
        double fs = 48000;
        for (int n = 1; n <= 7; n++) {
            for (int channels = 1; channels <= 3; channels++) {
                ParametricEq eq = new ParametricEq(bands(n));
                for (double hz : new double[] {60, 300, 1000, 3000, 9000}) {
                    double measured = Signals.measuredGainDb(eq, hz, fs, channels);
                    assertThat(measured).as("%d bands, %d channels, %.0f Hz", n, channels, hz)
                            .isEqualTo(cookbookDb(bands(n), fs, hz), within(0.05));
                }
            }
        }
    }

    /** Bands in series multiply, so their closed-form responses add in dB. */
    private static double cookbookDb(List<EqBand> bands, double fs, double hz) {
        double sum = 0;
        for (EqBand b : bands) {
            sum += CookbookMagnitude.db(b, fs, hz);
        }
        return sum;
    }

    @Test
    void theEqResponseTheAppPlotsIsTheSumOfTheClosedForms() {
        ParametricEq eq = new ParametricEq(bands(7));
        for (double hz = 20; hz < 24000; hz *= 1.07) {
            assertThat(eq.magnitudeDb(hz, 48000)).as("%.0f Hz", hz).isEqualTo(cookbookDb(bands(7), 48000, hz),
                    within(1e-6));
        }
    }

    @Test
    void everyChannelIsFiltered() {
        ParametricEq eq = new ParametricEq(bands(5));
        double fs = 48000;
        int frames = 48000;
        float[] s = Signals.sine(1000, 0.25, fs, frames, 2);
        eq.prepare(fs, 2, frames);
        eq.process(s, 0, s.length);
        double left = Signals.rmsDb(s, 2, 0, frames / 2, frames);
        double right = Signals.rmsDb(s, 2, 1, frames / 2, frames);
        assertThat(right).isEqualTo(left, within(1e-4));
        assertThat(left - 20 * Math.log10(0.25 / Math.sqrt(2))).isEqualTo(cookbookDb(bands(5), fs, 1000),
                within(0.05));
    }

    @Test
    void bypassedOrSwitchedOutBandsLeaveTheSignalUntouched() {
        ParametricEq eq = new ParametricEq(bands(4));
        eq.setBypassed(true);
        float[] in = noise(4800, 2, 3);
        float[] s = in.clone();
        eq.prepare(48000, 2, 4800);
        eq.process(s, 0, s.length);
        assertThat(s).containsExactly(in);

        ParametricEq off = new ParametricEq(bands(2));
        off.setEnabled(0, false);
        off.setEnabled(1, false);
        s = in.clone();
        off.prepare(48000, 2, 4800);
        off.process(s, 0, s.length);
        assertThat(s).containsExactly(in);
    }

    @Test
    void changingGainGlidesInsteadOfJumping() {
        double fs = 48000;
        ParametricEq eq = new ParametricEq(List.of(EqBand.of(FilterType.PEAK, 1000, 0, 1)));
        eq.prepare(fs, 1, 4800);
        int period = 48;
        float[] s = Signals.sine(1000, 0.25, fs, 48000, 1);
        eq.process(s, 0, 4800);
        eq.setGain(0, 12);
        eq.process(s, 4800, s.length - 4800);
        List<Double> perPeriod = new ArrayList<>();
        for (int p = 4800; p + period <= s.length; p += period) {
            perPeriod.add(Signals.rmsDb(s, 1, 0, p, p + period) - 20 * Math.log10(0.25 / Math.sqrt(2)));
        }
        // The first period after the change is only part-way up; the level rises steadily to +12 dB.
        assertThat(perPeriod.get(0)).isBetween(0.0, 3.0);
        for (int i = 1; i < perPeriod.size(); i++) {
            assertThat(perPeriod.get(i)).as("period %d", i).isGreaterThanOrEqualTo(perPeriod.get(i - 1) - 0.01);
        }
        assertThat(perPeriod.get(perPeriod.size() - 1)).isEqualTo(12, within(0.01));
    }

    @Test
    void changingFrequencyOrTypeWhilePlayingProducesNoClick() {
        double fs = 48000;
        ParametricEq eq = new ParametricEq(List.of(EqBand.of(FilterType.PEAK, 200, 12, 2)));
        eq.prepare(fs, 1, 4800);
        float[] s = Signals.sine(300, 0.25, fs, 48000, 1);
        eq.process(s, 0, 9600);
        eq.setFrequency(0, 8000);
        eq.process(s, 9600, 9600);
        eq.setType(0, FilterType.HIGH_PASS);
        eq.process(s, 19200, 9600);
        eq.setEnabled(0, false);
        eq.process(s, 28800, s.length - 28800);
        // A 300 Hz sine of amplitude ≤ 1 moves at most 2π·300/48000 ≈ 0.04 per sample; a click would jump far more.
        double maxJump = 0;
        for (int i = 4800; i < s.length; i++) {
            maxJump = Math.max(maxJump, Math.abs(s[i] - s[i - 1]));
        }
        assertThat(maxJump).isLessThan(0.05);
    }

    @Test
    void parametersChangedFromAnotherThreadKeepTheOutputFinite() throws Exception {
        ParametricEq eq = new ParametricEq(4);
        eq.prepare(48000, 2, 512);
        AtomicBoolean stop = new AtomicBoolean();
        Thread knobs = new Thread(() -> {
            Random r = new Random(7);
            FilterType[] types = FilterType.values();
            while (!stop.get()) {
                int b = r.nextInt(4);
                switch (r.nextInt(5)) {
                    case 0 -> eq.setFrequency(b, 20 + r.nextDouble() * 30000);
                    case 1 -> eq.setGain(b, r.nextDouble() * 48 - 24);
                    case 2 -> eq.setQ(b, 0.1 + r.nextDouble() * 20);
                    case 3 -> eq.setType(b, types[r.nextInt(types.length)]);
                    default -> eq.setEnabled(b, r.nextBoolean());
                }
            }
        });
        knobs.start();
        float[] block = new float[1024];
        try {
            for (int i = 0; i < 2000; i++) {
                float[] n = noise(512, 2, i);
                System.arraycopy(n, 0, block, 0, n.length);
                eq.process(block, 0, block.length);
                for (float v : block) {
                    assertThat(Float.isFinite(v)).isTrue();
                }
            }
        } finally {
            stop.set(true);
            knobs.join();
        }
    }

    @Test
    void settingsAreReadBackAndBadBandNumbersAreNamed() {
        ParametricEq eq = new ParametricEq(2);
        eq.setType(1, FilterType.LOW_SHELF);
        eq.setFrequency(1, 120);
        eq.setGain(1, 4);
        eq.setQ(1, 0.8);
        assertThat(eq.band(1)).isEqualTo(new EqBand(FilterType.LOW_SHELF, 120, 4, 0.8, true));
        assertThat(eq.bands()).hasSize(2);
        assertThatThrownBy(() -> eq.setGain(2, 3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("band 2").hasMessageContaining("2 bands");
        assertThatThrownBy(() -> eq.setQ(0, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Q");
    }

    @Test
    void silenceAfterSoundDecaysToExactZero() {
        ParametricEq eq = new ParametricEq(bands(4));
        eq.prepare(48000, 2, 48000);
        float[] s = noise(4800, 2, 1);
        eq.process(s, 0, s.length);
        float[] quiet = new float[2 * 96000];
        eq.process(quiet, 0, quiet.length);
        assertThat(quiet[quiet.length - 1]).isZero();
    }

    static float[] noise(int frames, int channels, long seed) {
        Random r = new Random(seed);
        float[] s = new float[frames * channels];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (r.nextGaussian() * 0.1);
        }
        return s;
    }
}
