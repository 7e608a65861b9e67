package org.controlroom.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.controlroom.dsp.ChannelStrip;
import org.controlroom.dsp.Compressor;
import org.controlroom.dsp.EqBand;
import org.controlroom.dsp.FilterType;
import org.controlroom.dsp.ParametricEq;
import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.io.ClipFileRenderer;
import org.controlroom.dsp.io.WavFileRenderer;

/** Builds the channel strip that {@link RenderSettings} describe and renders a file through it. */
final class StripRenderer {

    private StripRenderer() {
    }

    static WavFileRenderer.Result render(Path input, Path output, RenderSettings settings) throws AudioFileException {
        return ClipFileRenderer.render(input, output, strip(settings));
    }

    /**
     * A strip with the settings' EQ bands (in order), the compressor if one was asked for
     * (peak detection, stereo-linked), the gain on the fader, and pan only if {@code --pan} was given.
     * Without any settings the strip passes the audio through unchanged.
     */
    static ChannelStrip strip(RenderSettings settings) {
        List<EqBand> bands = new ArrayList<>();
        for (EqBandSpec b : settings.bands()) {
            bands.add(EqBand.of(FilterType.fromCliName(b.type()), b.frequencyHz(), b.gainDb(), b.q()));
        }
        Compressor compressor = new Compressor();
        settings.compressor().ifPresentOrElse(
                c -> compressor.setSettings(Compressor.Settings.defaults()
                        .withThresholdDb(c.thresholdDb())
                        .withRatio(c.ratio())
                        .withAttackMs(c.attackMs())
                        .withReleaseMs(c.releaseMs())
                        .withKneeDb(c.kneeDb())
                        .withMakeupDb(c.makeupDb())),
                () -> compressor.setBypassed(true));
        ChannelStrip strip = new ChannelStrip(new ParametricEq(bands), compressor);
        strip.setFaderDb(settings.gainDb());
        settings.pan().ifPresentOrElse(strip::setPan, () -> strip.setPanBypassed(true));
        return strip;
    }
}
