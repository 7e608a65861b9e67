package org.controlroom.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The compressor, the EQ and the channel strip allocate nothing per block, also while their settings
 * change and glide (the compressor used to build its curve every block, the EQ its coefficients every
 * 32 frames of a glide). Only the process calls are counted (HotSpot's per-thread allocation counter
 * read around each one); the settings are changed in between, on the same thread.
 */
class ProcessorsAllocateNothingTest {

    private static final int FRAMES = 256;

    @Test
    void compressorEqAndStripAllocateNothingWhileTheirSettingsChangeAndGlide() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isCurrentThreadCpuTimeSupported() && threads.isThreadAllocatedMemorySupported(),
                "this JVM cannot count a thread's allocations");
        threads.setThreadAllocatedMemoryEnabled(true);
        Compressor compressor = new Compressor(Compressor.Settings.defaults().withThresholdDb(-30));
        ParametricEq eq = new ParametricEq(4);
        ChannelStrip strip = new ChannelStrip();
        strip.compressor().setBypassed(false);
        BlockProcessor[] chain = {compressor, eq, strip};
        for (BlockProcessor p : chain) {
            p.prepare(48000, 2, FRAMES);
        }
        float[] noise = new float[2 * FRAMES];
        Random rnd = new Random(7);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (rnd.nextGaussian() * 0.2);
        }
        float[] buf = new float[2 * FRAMES];
        // warm-up until 20 000 blocks in a row allocated nothing (HotSpot's switch to optimised code
        // allocates a little on the thread now and then); then 10 000 blocks must allocate nothing
        long block = 0;
        long quietFrom = 0;
        while (block - quietFrom < 20_000) {
            assertThat(block).as("the processors keep allocating").isLessThan(400_000);
            if (run(threads, chain, compressor, eq, strip, noise, buf, block, 1000) != 0) {
                quietFrom = block + 1000;
            }
            block += 1000;
        }
        long allocated = 0;
        for (int k = 0; k < 10; k++) {
            allocated += run(threads, chain, compressor, eq, strip, noise, buf, block, 1000);
            block += 1000;
        }
        assertThat(allocated).as("bytes allocated in 10 000 blocks of each processor").isZero();
    }

    /** Processes {@code blocks} blocks, changing a setting every 16; returns the bytes the process calls allocated. */
    private static long run(com.sun.management.ThreadMXBean threads, BlockProcessor[] chain, Compressor compressor,
                            ParametricEq eq, ChannelStrip strip, float[] noise, float[] buf, long first, int blocks) {
        long allocated = 0;
        for (long b = first; b < first + blocks; b++) {
            if (b % 16 == 0) {
                int k = (int) (b / 16 % 8);
                switch (k) {
                    case 0 -> compressor.setThresholdDb(-40 + b % 30);
                    case 1 -> compressor.setDetection(b % 32 == 0 ? Compressor.Detection.RMS : Compressor.Detection.PEAK);
                    case 2 -> eq.setGain(1, b % 64 == 0 ? 0 : 6);
                    case 3 -> eq.setFrequency(2, 500 + b % 5000);
                    case 4 -> eq.setType(3, b % 128 == 0 ? FilterType.HIGH_SHELF : FilterType.PEAK);
                    case 5 -> strip.setFaderDb(-(b % 12));
                    case 6 -> strip.eq().setQ(0, 0.5 + b % 4);
                    default -> strip.compressor().setRatio(2 + b % 6);
                }
            }
            for (BlockProcessor p : chain) {
                System.arraycopy(noise, 0, buf, 0, buf.length);
                long before = threads.getCurrentThreadAllocatedBytes();
                p.process(buf, 0, buf.length);
                allocated += threads.getCurrentThreadAllocatedBytes() - before;
            }
        }
        return allocated;
    }
}
