package org.controlroom.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import be.tarsos.dsp.AudioDispatcher;
import be.tarsos.dsp.AudioEvent;
import be.tarsos.dsp.AudioProcessor;
import be.tarsos.dsp.io.jvm.AudioDispatcherFactory;
import org.junit.jupiter.api.Test;

/** The processors join a TarsosDSP dispatcher chain and sound the same there as in the block loop. */
class TarsosChainTest {

    private static ChannelStrip strip() {
        ChannelStrip s = new ChannelStrip(new ParametricEq(List.of(EqBand.of(FilterType.PEAK, 1000, 6, 1),
                EqBand.of(FilterType.HIGH_PASS, 80, 0, 0.7071))), new Compressor());
        s.setFaderDb(-3);
        return s;
    }

    @Test
    void stripOnADispatcherMatchesTheBlockCall() throws Exception {
        int rate = 44100;
        int block = 1024;
        float[] signal = ParametricEqTest.noise(block * 20, 1, 11);

        float[] expected = signal.clone();
        ChannelStrip direct = strip();
        direct.prepare(rate, 1, block);
        for (int i = 0; i < expected.length; i += block) {
            direct.process(expected, i, block);
        }

        ChannelStrip chained = strip();
        chained.prepare(rate, 1, block);
        float[] collected = new float[signal.length];
        AudioDispatcher dispatcher = AudioDispatcherFactory.fromFloatArray(signal.clone(), rate, block, 0);
        dispatcher.addAudioProcessor(chained);
        dispatcher.addAudioProcessor(new AudioProcessor() {
            int at;

            @Override
            public boolean process(AudioEvent e) {
                float[] b = e.getFloatBuffer();
                int n = Math.min(b.length, collected.length - at);
                System.arraycopy(b, 0, collected, at, n);
                at += n;
                return true;
            }

            @Override
            public void processingFinished() {
            }
        });
        dispatcher.run();

        // The dispatcher carries the samples as 16-bit PCM, so allow for that rounding (1/32768).
        assertThat(collected).containsExactly(expected, within(4f / 32768));
    }
}
