package org.controlroom.dsp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The processors besides the EQ that {@link DspBenchmark} times. */
final class BenchmarkExtras {

    private BenchmarkExtras() {
    }

    static Map<String, Supplier<BlockProcessor>> list() {
        Map<String, Supplier<BlockProcessor>> m = new LinkedHashMap<>();
        m.put("compressor, peak, always compressing", () -> compressor(Compressor.Detection.PEAK));
        m.put("compressor, RMS, always compressing", () -> compressor(Compressor.Detection.RMS));
        m.put("compressor, peak, below threshold", () -> new Compressor(Compressor.Settings.defaults().withThresholdDb(0)));
        m.put("gain -3 dB", () -> new Gain(-3));
        m.put("channel strip: 4 bands + compressor + fader/pan", BenchmarkExtras::strip);
        return m;
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
