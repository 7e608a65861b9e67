package org.controlroom.cli;

import org.controlroom.dsp.AudioClip;

/** Runs a clip through the channel strip that {@link RenderSettings} describe. */
final class StripRenderer {

    private StripRenderer() {
    }

    static AudioClip render(AudioClip clip, RenderSettings settings) {
        if (settings.isEmpty()) {
            return clip;
        }
        // Waiting for the dsp branch's ChannelStrip (EQ, compressor, gain, pan).
        throw new UserInputException("render: processing is not available in this build yet");
    }
}
