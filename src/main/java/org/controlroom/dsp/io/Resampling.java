package org.controlroom.dsp.io;

import org.controlroom.dsp.AudioClip;

import be.tarsos.dsp.resample.Resampler;

/**
 * Changes a clip's sample rate once, with TarsosDSP's band-limited windowed-sinc resampler (a port of
 * libresample, high-quality setting: a Kaiser-windowed sinc 35 zero crossings long, cut off at 90 % of
 * the lower Nyquist frequency).
 */
public final class Resampling {

    private Resampling() {
    }

    /** The clip at {@code targetRate}; the clip itself when it is already at that rate. */
    public static AudioClip toRate(AudioClip clip, double targetRate) {
        if (!(targetRate > 0) || Double.isInfinite(targetRate)) {
            throw new IllegalArgumentException("target rate must be positive, was " + targetRate);
        }
        if (clip.sampleRate() == targetRate) {
            return clip;
        }
        double factor = targetRate / clip.sampleRate();
        int channels = clip.channels();
        int inFrames = clip.frames();
        int outFrames = (int) Math.round(inFrames * factor);
        float[][] outCh = new float[channels][];
        for (int c = 0; c < channels; c++) {
            float[] in = clip.channel(c);
            // room for the filter's tail; the result is cut to exactly round(frames * factor)
            float[] out = new float[outFrames + 64];
            Resampler r = new Resampler(true, factor, factor);
            int consumed = 0;
            int produced = 0;
            while (produced < outFrames) {
                Resampler.Result res = r.process(factor, in, consumed, inFrames - consumed, true,
                        out, produced, out.length - produced);
                consumed += res.inputSamplesConsumed;
                produced += res.outputSamplesGenerated;
                if (res.outputSamplesGenerated == 0 && res.inputSamplesConsumed == 0) {
                    break;
                }
            }
            outCh[c] = out;
        }
        float[] interleaved = new float[outFrames * channels];
        for (int c = 0; c < channels; c++) {
            float[] o = outCh[c];
            for (int i = 0, j = c; i < outFrames; i++, j += channels) {
                interleaved[j] = o[i];
            }
        }
        return new AudioClip(targetRate, channels, interleaved);
    }
}
