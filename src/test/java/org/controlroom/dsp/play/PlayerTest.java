package org.controlroom.dsp.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.SourceDataLine;

import org.controlroom.dsp.AudioClip;
import org.junit.jupiter.api.Test;

class PlayerTest {

    private static PlaybackEngine engineWith(float level) {
        PlaybackEngine e = new PlaybackEngine(48000, 2, 4096, 10, clip -> -23.0);
        float[] s = new float[2 * 48000];
        Arrays.fill(s, level);
        e.load(PlaybackSource.A, new AudioClip(48000, 2, s));
        return e;
    }

    private static boolean machineHasAnOutputLine() {
        AudioFormat f = new AudioFormat(48000f, 16, 2, true, false);
        return AudioSystem.isLineSupported(new DataLine.Info(SourceDataLine.class, f));
    }

    @Test
    void withoutASoundDeviceOpeningTheRealOutputFailsGracefully() throws Exception {
        PlaybackEngine engine = engineWith(0.5f);
        if (machineHasAnOutputLine()) {
            // A machine with sound: the same real path must open and close cleanly.
            try (Player p = Player.open(engine, 2048)) {
                assertThat(p.isRunning()).isTrue();
            }
            return;
        }
        assertThat(AudioSystem.getMixerInfo()).isEmpty();

        assertThatThrownBy(() -> Player.open(engine, 2048))
                .isInstanceOf(PlaybackUnavailableException.class)
                .hasMessage("No audio output device was found. Check that speakers or headphones are "
                        + "connected and not in use by another program; you can still render to a WAV file.")
                .hasCauseInstanceOf(IllegalArgumentException.class);

        // Nothing else breaks: the engine still renders offline.
        engine.play();
        float[] block = new float[2 * 1024];
        engine.render(block, 1024);
        assertThat(block[2 * 1023]).isEqualTo(0.5f);
    }

    @Test
    void feedsTheOutputWithRenderedBlocksAsPcm() throws Exception {
        CapturingOutput out = new CapturingOutput(48000 * 4 / 10);   // 0.1 s of stereo 16-bit
        PlaybackEngine engine = engineWith(0.5f);
        engine.play();

        try (Player p = Player.open(engine, 1024, (rate, ch, frames) -> {
            assertThat(rate).isEqualTo(48000.0);
            assertThat(ch).isEqualTo(2);
            assertThat(frames).isEqualTo(1024);
            return out;
        })) {
            assertThat(p.blockFrames()).isEqualTo(512);
            assertThat(p.latencyMillis()).isEqualTo(1024 / 48.0);
            assertThat(out.enough.await(10, TimeUnit.SECONDS)).isTrue();
        }

        short[] pcm = out.samples();
        // After the 10 ms fade-in (480 frames), a steady 0.5 is 16384 (of 32767).
        assertThat(pcm[0]).isLessThan((short) 1000);
        assertThat(Arrays.copyOfRange(pcm, 2 * 480, 2 * 4000)).containsOnly((short) 16384);
        assertThat(out.closed).isTrue();
    }

    @Test
    void aFailingDeviceStopsPlaybackAndIsReported() throws Exception {
        PlaybackEngine engine = engineWith(0.5f);
        AudioOutput broken = new AudioOutput() {
            @Override
            public void write(byte[] data, int offset, int length) {
                throw new IllegalStateException("device unplugged");
            }

            @Override
            public void close() {
            }
        };
        Player p = Player.open(engine, 256, (rate, ch, frames) -> broken);
        for (int i = 0; i < 200 && p.isRunning(); i++) {
            Thread.sleep(10);
        }
        assertThat(p.isRunning()).isFalse();
        assertThat(p.failure()).get().extracting(Throwable::getMessage).isEqualTo("device unplugged");
        p.close();
    }

    @Test
    void convertsToPcmWithClippingAtFullScale() {
        byte[] out = new byte[8];
        Player.toPcm16(new float[] {1.5f, -1.5f, 0f, -0.5f}, out);
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new short[] {b.getShort(), b.getShort(), b.getShort(), b.getShort()})
                .containsExactly((short) 32767, (short) -32768, (short) 0, (short) -16383);
    }

    /** Records what the player writes; counts down once enough bytes arrived. */
    private static final class CapturingOutput implements AudioOutput {
        final CountDownLatch enough = new CountDownLatch(1);
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int wanted;
        volatile boolean closed;

        CapturingOutput(int wantedBytes) {
            this.wanted = wantedBytes;
        }

        @Override
        public synchronized void write(byte[] data, int offset, int length) {
            if (bytes.size() < wanted) {
                bytes.write(data, offset, length);
            }
            if (bytes.size() >= wanted) {
                enough.countDown();
                try {
                    wait(5);   // like a full device buffer
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        synchronized short[] samples() {
            byte[] b = bytes.toByteArray();
            short[] s = new short[b.length / 2];
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
            return s;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
