package org.controlroom.cli;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.ChannelStrip;
import org.controlroom.dsp.EqBand;
import org.controlroom.dsp.FilterType;
import org.controlroom.dsp.mix.LoopFeed;
import org.controlroom.dsp.mix.Mixer;
import org.controlroom.dsp.source.PinkNoise;
import org.controlroom.dsp.source.WhiteNoise;

/** The session the mix benches play: tracks of noise, every strip with a 4-band EQ, a compressor and pan. */
final class BenchSession {
    private BenchSession() {
    }

    static Mixer build(int tracks, int rate, int block) {
        Mixer mixer = new Mixer(rate, block);
        addTracks(mixer, tracks, rate, 1);
        mixer.limiter().setBypassed(false);
        mixer.limiter().setCeilingDb(-1);
        mixer.setMasterFaderDb(6);
        return mixer;
    }

    /** Adds the benches' tracks: looping pink and white noise of {@code channels}, each through a full strip. */
    static void addTracks(Mixer mixer, int tracks, int rate, int channels) {
        for (int i = 0; i < tracks; i++) {
            int loopFrames = rate * 7 + 1013 * i;
            AudioClip noise = i % 2 == 0
                    ? new PinkNoise(1000 + i, -26).render(loopFrames / (double) rate, rate, channels)
                    : new WhiteNoise(1000 + i, -30).render(loopFrames / (double) rate, rate, channels);
            ChannelStrip strip = new ChannelStrip();
            strip.eq().setBand(0, EqBand.of(FilterType.LOW_SHELF, 80 + 10 * i, 2, 0.7));
            strip.eq().setBand(1, EqBand.of(FilterType.PEAK, 300 + 20 * i, -3, 1.2));
            strip.eq().setBand(2, EqBand.of(FilterType.PEAK, 2500 + 50 * i, 2.5, 1.5));
            strip.eq().setBand(3, EqBand.of(FilterType.HIGH_SHELF, 9000, -1.5, 0.7));
            strip.compressor().setBypassed(false);
            strip.compressor().setThresholdDb(-24);
            strip.compressor().setRatio(4);
            strip.compressor().setAttackMs(10);
            strip.compressor().setReleaseMs(120);
            strip.setPan(tracks == 1 ? 0 : -0.8 + 1.6 * i / (tracks - 1));
            strip.setFaderDb(-6);
            mixer.addTrack("track-" + (i + 1), new LoopFeed(noise), strip);
        }
    }
}
