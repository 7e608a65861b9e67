package org.controlroom.dsp.meter;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.DspProcessor;

/**
 * The meters of a loudness report in one processor: {@link LoudnessMeter}, {@link TruePeakMeter}
 * and {@link SamplePeakMeter} fed the same blocks. Audio passes through unchanged; read
 * {@link #summary()} from any thread.
 */
public final class LoudnessAnalyzer extends DspProcessor {

    private final LoudnessMeter loudness = new LoudnessMeter();
    private final TruePeakMeter truePeak = new TruePeakMeter();
    private final SamplePeakMeter samplePeak = new SamplePeakMeter();

    /** Measures a whole clip. */
    public static LoudnessSummary measure(AudioClip clip) {
        LoudnessAnalyzer analyzer = new LoudnessAnalyzer();
        analyzer.prepare(clip.sampleRate(), clip.channels(), clip.frames());
        analyzer.process(clip.samples(), 0, clip.samples().length);
        return analyzer.summary();
    }

    @Override
    public void prepare(double sampleRate, int channels, int maxBlockFrames) {
        loudness.prepare(sampleRate, channels, maxBlockFrames);
        truePeak.prepare(sampleRate, channels, maxBlockFrames);
        samplePeak.prepare(sampleRate, channels, maxBlockFrames);
    }

    @Override
    public void process(float[] samples, int offset, int length) {
        loudness.process(samples, offset, length);
        truePeak.process(samples, offset, length);
        samplePeak.process(samples, offset, length);
    }

    @Override
    public void reset() {
        loudness.reset();
        truePeak.reset();
        samplePeak.reset();
    }

    /** The figures so far. */
    public LoudnessSummary summary() {
        return new LoudnessSummary(loudness.integratedLufs(), loudness.loudnessRangeLu(),
                truePeak.truePeakDbtp(), samplePeak.samplePeakDbfs(),
                loudness.momentaryMaxLufs(), loudness.shortTermMaxLufs());
    }
}
