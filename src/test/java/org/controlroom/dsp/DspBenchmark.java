package org.controlroom.dsp;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A quick, JMH-free microbenchmark of the engine's processors, in nanoseconds per stereo frame.
 * Not a test; run it by hand:
 * {@code mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt}, then
 * {@code java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) org.controlroom.dsp.DspBenchmark}
 * (TarsosDSP must be on the class path for {@link DspProcessor}).
 */
public final class DspBenchmark {

    private static final int FRAMES = 8192;
    private static final double RATE = 48000;

    private DspBenchmark() {
    }

    public static void main(String[] args) {
        float[] noise = new float[FRAMES * 2];
        Random rnd = new Random(1);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (rnd.nextGaussian() * 0.1);
        }
        List<EqBand> four = List.of(
                EqBand.of(FilterType.PEAK, 1000, 3, 1),
                EqBand.of(FilterType.LOW_SHELF, 100, 2, 1),
                EqBand.of(FilterType.HIGH_SHELF, 8000, -2, 1),
                EqBand.of(FilterType.PEAK, 300, -3, 2));
        measure("biquad, 1 band stereo (one loop per channel)", () -> new Biquad(four.get(0).coefficients(RATE)), noise);
        measure("EQ 4 bands stereo", () -> new ParametricEq(four), noise);
        measure("EQ 1 band stereo", () -> new ParametricEq(four.subList(0, 1)), noise);
        extras().forEach((name, make) -> measure(name, make, noise));
    }

    /** Further processors to time; extended as the engine grows. */
    static java.util.Map<String, Supplier<BlockProcessor>> extras() {
        return BenchmarkExtras.list();
    }

    static void measure(String name, Supplier<BlockProcessor> make, float[] signal) {
        BlockProcessor p = make.get();
        p.prepare(RATE, 2, FRAMES);
        float[] buf = signal.clone();
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 30; round++) {
            long t0 = System.nanoTime();
            for (int rep = 0; rep < 50; rep++) {
                System.arraycopy(signal, 0, buf, 0, buf.length);
                p.process(buf, 0, buf.length);
            }
            best = Math.min(best, System.nanoTime() - t0);
        }
        // copy cost measured separately and removed
        long copy = Long.MAX_VALUE;
        for (int round = 0; round < 30; round++) {
            long t0 = System.nanoTime();
            for (int rep = 0; rep < 50; rep++) {
                System.arraycopy(signal, 0, buf, 0, buf.length);
            }
            copy = Math.min(copy, System.nanoTime() - t0);
        }
        double ns = (best - copy) / 50.0 / FRAMES;
        System.out.printf(Locale.ROOT, "%-50s %6.2f ns/frame  (%.0fx realtime at 48 kHz, one core)%n",
                name, ns, 1e9 / RATE / ns);
    }
}
