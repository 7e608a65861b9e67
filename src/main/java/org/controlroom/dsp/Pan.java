package org.controlroom.dsp;

/**
 * Constant-power pan of a stereo signal: position p from −1 (left) to +1 (right),
 * θ = (p + 1)·π/4, left gain cos θ, right gain sin θ. At the centre each side is −3.01 dB, so a
 * mono source keeps its loudness wherever it sits; hard left silences the right side.
 *
 * <p>Pan needs two channels: prepared for any other layout it leaves the audio as it is. (A
 * {@link ChannelStrip} in a mixer is fed stereo, so a mono track is copied to both sides first.)
 * Moves ramp over {@value GainRamp#RAMP_MS} ms; the setter may be called from any thread.
 */
public final class Pan extends DspProcessor {

    private volatile double position;
    private final GainRamp ramp = new GainRamp();
    private final double[] wanted = new double[2];
    private int channels = 2;

    public Pan() {
        this(0);
    }

    public Pan(double position) {
        setPosition(position);
        prepare(48000, 2, 0);
    }

    /** Sets the position, −1 (hard left) to +1 (hard right). */
    public void setPosition(double position) {
        if (!(position >= -1 && position <= 1)) {
            throw new IllegalArgumentException("pan must be between -1 (left) and 1 (right), was " + position);
        }
        this.position = position;
    }

    public double position() {
        return position;
    }

    /** Left gain for a position (linear); exactly 0 at hard right. */
    public static double leftGain(double position) {
        return position == 1 ? 0 : Math.cos((position + 1) * Math.PI / 4);
    }

    /** Right gain for a position (linear); exactly 0 at hard left. */
    public static double rightGain(double position) {
        return position == -1 ? 0 : Math.sin((position + 1) * Math.PI / 4);
    }

    @Override
    public void prepare(double sampleRate, int channels, int maxBlockFrames) {
        this.channels = channels;
        fill(position);
        ramp.prepare(sampleRate, 2, wanted);
    }

    private void fill(double p) {
        wanted[0] = leftGain(p);
        wanted[1] = rightGain(p);
    }

    @Override
    public void process(float[] samples, int offset, int length) {
        if (channels != 2) {
            return;
        }
        fill(position);
        ramp.apply(samples, offset, length / 2, wanted);
    }
}
