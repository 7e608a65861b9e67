package org.controlroom.dsp.source;

/**
 * A metronome click track: a short decaying tone burst on every beat, higher and louder on beat 1
 * of each bar. Beat {@code k} starts exactly at frame {@link #clickFrame(long, double)} =
 * round(k · 60 / bpm · sampleRate) (computed from k, so it never drifts), and that frame holds the
 * burst's first and largest sample.
 */
public final class ClickTrack implements SignalSource {

    private static final double ACCENT_HZ = 2000;
    private static final double BEAT_HZ = 1000;
    private static final double CLICK_SECONDS = 0.03;
    private static final double DECAY_SECONDS = 0.006;
    private static final double BEAT_GAIN_DB = -6;

    private final double bpm;
    private final int beatsPerBar;
    private final double accentAmplitude;
    private double sampleRate;
    private long frame;

    /** A click track with the accent at {@code peakDbfs} and the other beats 6 dB lower. */
    public ClickTrack(double bpm, int beatsPerBar, double peakDbfs) {
        if (!(bpm >= 20 && bpm <= 400)) {
            throw new IllegalArgumentException("tempo must be 20 to 400 bpm, was " + bpm);
        }
        if (beatsPerBar < 1 || beatsPerBar > 32) {
            throw new IllegalArgumentException("beats per bar must be 1 to 32, was " + beatsPerBar);
        }
        if (Double.isNaN(peakDbfs) || peakDbfs > 0) {
            throw new IllegalArgumentException("click level must be at most 0 dBFS, was " + peakDbfs);
        }
        this.bpm = bpm;
        this.beatsPerBar = beatsPerBar;
        this.accentAmplitude = Math.pow(10, peakDbfs / 20);
    }

    /** First frame of beat {@code beat} (0-based) at {@code sampleRate}. */
    public long clickFrame(long beat, double sampleRate) {
        return Math.round(beat * 60.0 / bpm * sampleRate);
    }

    /** Whether beat {@code beat} (0-based) is the accented first beat of a bar. */
    public boolean isAccent(long beat) {
        return beat % beatsPerBar == 0;
    }

    public double bpm() {
        return bpm;
    }

    @Override
    public void start(double sampleRate) {
        if (!(sampleRate > 4 * ACCENT_HZ)) {
            throw new IllegalArgumentException("a click track needs a sample rate above "
                    + (int) (4 * ACCENT_HZ) + " Hz, was " + sampleRate);
        }
        this.sampleRate = sampleRate;
        frame = 0;
    }

    @Override
    public void fill(float[] out, int offset, int frames) {
        SineSource.requireStarted(sampleRate);
        int clickFrames = (int) Math.round(CLICK_SECONDS * sampleRate);
        double framesPerBeat = 60.0 / bpm * sampleRate;
        for (int i = 0; i < frames; i++, frame++) {
            // the beat whose click may be sounding now: the latest one that started at or before this frame
            long beat = (long) Math.floor(frame / framesPerBeat);
            if (clickFrame(beat + 1, sampleRate) <= frame) {
                beat++;
            } else if (clickFrame(beat, sampleRate) > frame) {
                beat--;
            }
            long since = beat < 0 ? Long.MAX_VALUE : frame - clickFrame(beat, sampleRate);
            float v = 0;
            if (since < clickFrames) {
                double t = since / sampleRate;
                boolean accent = isAccent(beat);
                double amp = accent ? accentAmplitude : accentAmplitude * Math.pow(10, BEAT_GAIN_DB / 20);
                double hz = accent ? ACCENT_HZ : BEAT_HZ;
                v = (float) (amp * Math.exp(-t / DECAY_SECONDS) * Math.cos(2 * Math.PI * hz * t));
            }
            out[offset + i] = v;
        }
    }
}
