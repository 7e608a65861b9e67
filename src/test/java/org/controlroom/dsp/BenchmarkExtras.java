package org.controlroom.dsp;

import java.util.List;
import java.util.function.Supplier;

/** The processors besides the EQ that {@link DspBenchmark} times. */
final class BenchmarkExtras {

    private BenchmarkExtras() {
    }

    static List<Supplier<BlockProcessor>> list() {
        return List.of(
                () -> compressor(Compressor.Detection.PEAK),
                () -> compressor(Compressor.Detection.RMS),
                () -> new Gain(-3),
                () -> new Compressor(Compressor.Settings.defaults().withThresholdDb(0)),
                BenchmarkExtras::strip);
    }

    private static Compressor compressor(Compressor.Detection d) {
        // Threshold low enough that the gain moves all the time (the costly case).
        return new Compressor(Compressor.Settings.defaults().withThresholdDb(-40).withDetection(d));
    }

    /** The mixer's per-track load: 4 EQ bands, compressor, fader and pan. */
    private static ChannelStrip strip() {
        ChannelStrip s = new ChannelStrip();
        s.eq().setBand(0, EqBand.of(FilterType.PEAK, 1000, 3, 1));
        s.eq().setBand(1, EqBand.of(FilterType.LOW_SHELF, 100, 2, 1));
        s.eq().setBand(2, EqBand.of(FilterType.HIGH_SHELF, 8000, -2, 1));
        s.eq().setBand(3, EqBand.of(FilterType.PEAK, 300, -3, 2));
        s.compressor().setSettings(Compressor.Settings.defaults().withThresholdDb(-40));
        s.compressor().setBypassed(false);
        s.setFaderDb(-2);
        s.setPan(0.3);
        return s;
    }
}
