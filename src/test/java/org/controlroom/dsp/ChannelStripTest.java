package org.controlroom.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class ChannelStripTest {

    private static final double FS = 48000;
    private static final double IN_DB = 20 * Math.log10(0.25 / Math.sqrt(2));

    @Test
    void aNewStripWithPanSwitchedOutIsTransparent() {
        ChannelStrip strip = new ChannelStrip();
        strip.setPanBypassed(true);
        float[] in = ParametricEqTest.noise(4800, 2, 9);
        float[] s = in.clone();
        strip.prepare(FS, 2, 4800);
        strip.process(s, 0, s.length);
        assertThat(s).containsExactly(in);
    }

    @Test
    void trimEqFaderAndPanAddUp() {
        ChannelStrip strip = new ChannelStrip();
        strip.setTrimDb(-2);
        strip.eq().setBand(0, EqBand.of(FilterType.PEAK, 1000, 6, 1));
        strip.setFaderDb(-4);
        strip.setPan(1);
        float[] s = Signals.sine(1000, 0.25, FS, 48000, 2);
        strip.prepare(FS, 2, 48000);
        strip.process(s, 0, s.length);
        assertThat(Signals.rmsDb(s, 2, 1, 24000, 48000) - IN_DB).isEqualTo(-2 + 6 - 4, within(0.05));
        assertThat(Signals.rmsDb(s, 2, 0, 24000, 48000)).isLessThan(-120);
    }

    @Test
    void monoSourceBecomesACentredStereoPairAtMinusThreeDecibels() {
        ChannelStrip strip = new ChannelStrip();
        strip.prepare(FS, 2, 48000);
        float[] mono = Signals.sine(500, 0.25, FS, 48000, 1);
        float[] stereo = new float[2 * 48000];
        strip.processMonoToStereo(mono, 0, stereo, 0, 48000);
        assertThat(Signals.rmsDb(stereo, 2, 0, 0, 48000) - IN_DB).isEqualTo(-3.01, within(0.01));
        assertThat(Signals.rmsDb(stereo, 2, 1, 0, 48000) - IN_DB).isEqualTo(-3.01, within(0.01));
    }

    @Test
    void aMonoPreparedStripStaysMonoAndIgnoresPan() {
        ChannelStrip strip = new ChannelStrip();
        strip.setPan(-1);
        strip.setFaderDb(-6);
        float[] s = Signals.sine(500, 0.25, FS, 48000, 1);
        strip.prepare(FS, 1, 48000);
        strip.process(s, 0, s.length);
        assertThat(Signals.rmsDb(s, 1, 0, 0, 48000) - IN_DB).isEqualTo(-6, within(0.01));
    }

    @Test
    void muteFadesOutWithoutAClick() {
        ChannelStrip strip = new ChannelStrip();
        strip.setPanBypassed(true);
        strip.prepare(FS, 2, 9600);
        float[] s = Signals.sine(200, 0.9, FS, 9600, 2);
        strip.process(s, 0, 2 * 2400);
        strip.setMuted(true);
        strip.process(s, 2 * 2400, s.length - 2 * 2400);
        double maxJump = 0;
        for (int i = 2; i < s.length; i += 2) {
            maxJump = Math.max(maxJump, Math.abs(s[i] - s[i - 2]));
        }
        assertThat(maxJump).isLessThan(0.9 * 2 * Math.PI * 200 / FS * 1.05);
        assertThat(s[s.length - 1]).isZero();
    }

    @Test
    void compressorInTheStripTurnsLoudSignalsDown() {
        ChannelStrip strip = new ChannelStrip();
        strip.setPanBypassed(true);
        strip.compressor().setSettings(Compressor.Settings.defaults().withThresholdDb(-30).withKneeDb(0));
        strip.compressor().setBypassed(false);
        float[] s = Signals.sine(500, 0.25, FS, 48000, 2);
        strip.prepare(FS, 2, 48000);
        strip.process(s, 0, s.length);
        assertThat(strip.compressor().gainReductionDb()).isGreaterThan(5);
        assertThat(Signals.rmsDb(s, 2, 0, 24000, 48000)).isLessThan(IN_DB - 5);
    }

    @Test
    void controlsTurnedFromAnotherThreadKeepTheOutputFinite() throws Exception {
        ChannelStrip strip = new ChannelStrip();
        strip.compressor().setBypassed(false);
        strip.prepare(FS, 2, 256);
        AtomicBoolean stop = new AtomicBoolean();
        Thread hands = new Thread(() -> {
            Random r = new Random(3);
            while (!stop.get()) {
                switch (r.nextInt(7)) {
                    case 0 -> strip.setFaderDb(r.nextDouble() * 30 - 24);
                    case 1 -> strip.setPan(r.nextDouble() * 2 - 1);
                    case 2 -> strip.setMuted(r.nextBoolean());
                    case 3 -> strip.eq().setGain(r.nextInt(4), r.nextDouble() * 30 - 15);
                    case 4 -> strip.eq().setFrequency(r.nextInt(4), 20 + r.nextDouble() * 20000);
                    case 5 -> strip.compressor().setRatio(1 + r.nextDouble() * 20);
                    default -> strip.compressor().setStereoLink(r.nextBoolean());
                }
            }
        });
        hands.start();
        try {
            float[] block = new float[512];
            for (int i = 0; i < 3000; i++) {
                System.arraycopy(ParametricEqTest.noise(256, 2, i), 0, block, 0, 512);
                strip.process(block, 0, block.length);
                for (float v : block) {
                    assertThat(Float.isFinite(v)).isTrue();
                }
            }
        } finally {
            stop.set(true);
            hands.join();
        }
    }

    /** Two strips set alike, one per run (the settings are changed on both at the same blocks). */
    private static ChannelStrip[] twoStrips(int bands, Compressor.Detection detection, boolean linked) {
        ChannelStrip[] strips = new ChannelStrip[2];
        for (int k = 0; k < 2; k++) {
            ChannelStrip strip = new ChannelStrip();
            FilterType[] types = {FilterType.LOW_SHELF, FilterType.PEAK, FilterType.PEAK, FilterType.HIGH_SHELF};
            for (int b = 0; b < bands; b++) {
                strip.eq().setBand(b, EqBand.of(types[b], 100 * Math.pow(5, b), b % 2 == 0 ? 3 : -4, 0.9));
            }
            strip.compressor().setBypassed(false);
            strip.compressor().setThresholdDb(-30);
            strip.compressor().setRatio(4);
            strip.compressor().setAttackMs(5);
            strip.compressor().setReleaseMs(80);
            strip.compressor().setMakeupDb(2);
            strip.compressor().setDetection(detection);
            strip.compressor().setStereoLink(linked);
            strip.setPan(-0.4);
            strip.setFaderDb(-3);
            strip.prepare(FS, 2, 1024);
            strips[k] = strip;
        }
        return strips;
    }

    /**
     * A mono track's strip processed once on the mono signal ({@link ChannelStrip#processMono}) gives
     * exactly, sample for sample, what processing the stereo block of two equal sides gives: for 1 to
     * 4 EQ bands (each grouping of the bands), peak and RMS detection, linked and unlinked, through
     * moves of EQ, compressor, fader and pan, uneven blocks, and a stereo block in between.
     */
    @Test
    void monoProcessingOfAMonoTrackEqualsTheStereoProcessingExactly() {
        Random random = new Random(3);
        for (int bands = 1; bands <= 4; bands++) {
            for (Compressor.Detection detection : Compressor.Detection.values()) {
                for (boolean linked : new boolean[] {true, false}) {
                    ChannelStrip[] s = twoStrips(bands, detection, linked);
                    int frames = 0;
                    for (int block = 0; block < 200; block++) {
                        int n = 1 + random.nextInt(1024);
                        float[] mono = new float[n];
                        double level = block % 20 < 10 ? 0.05 : 0.6;
                        for (int i = 0; i < n; i++) {
                            mono[i] = (float) (level * random.nextGaussian());
                        }
                        float[] viaStereo = new float[2 * n];
                        float[] viaMono = new float[2 * n];
                        if (block == 60) {
                            for (ChannelStrip strip : s) {
                                strip.eq().setGain(0, 9);
                                strip.compressor().setThresholdDb(-20);
                                strip.setFaderDb(-8);
                                strip.setPan(0.7);
                            }
                        }
                        if (block == 120) {
                            // a stereo block: the sides' memories differ afterwards, and the mono path must notice
                            float[] a = new float[2 * n];
                            for (int i = 0; i < 2 * n; i++) {
                                a[i] = (float) (0.3 * random.nextGaussian());
                            }
                            float[] b = a.clone();
                            s[0].process(a, 0, 2 * n);
                            s[1].process(b, 0, 2 * n);
                            assertThat(b).containsExactly(a);
                            continue;
                        }
                        s[0].processMonoToStereo(mono.clone(), 0, viaStereo, 0, n);
                        s[1].processMono(mono.clone(), 0, viaMono, 0, n);
                        assertThat(viaMono).as("%d bands, %s, linked %s, block %d", bands, detection, linked, block)
                                .containsExactly(viaStereo);
                        frames += n;
                    }
                    assertThat(frames).isGreaterThan(50_000);
                    assertThat(s[1].compressor().gainReductionDb()).isEqualTo(s[0].compressor().gainReductionDb());
                }
            }
        }
    }
}
