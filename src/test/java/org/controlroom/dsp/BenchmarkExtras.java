package org.controlroom.dsp;

import java.util.List;
import java.util.function.Supplier;

/** The processors besides the EQ that {@link DspBenchmark} times. */
final class BenchmarkExtras {

    private BenchmarkExtras() {
    }

    static List<Supplier<BlockProcessor>> list() {
        return List.of();
    }
}
