package org.controlroom.dsp.play;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/** The computer's audio output (the device chosen in the settings, else the default), through javax.sound.sampled. */
public final class JavaSoundOutput implements AudioOutput {

    static final String NO_DEVICE = "No audio output device was found. Check that speakers or headphones "
            + "are connected and not in use by another program; you can still render to a WAV file.";

    private final SourceDataLine line;

    private JavaSoundOutput(SourceDataLine line) {
        this.line = line;
    }

    /** Opens the default output line as 16-bit PCM; fails with a message a user can act on. */
    public static AudioOutput open(double sampleRate, int channels, int bufferFrames)
            throws PlaybackUnavailableException {
        AudioFormat format = new AudioFormat((float) sampleRate, 16, channels, true, false);
        SourceDataLine line;
        try {
            line = OutputDevices.line(format);
        } catch (IllegalArgumentException e) {
            // No mixer offers a line for this format: usually no sound device at all.
            throw new PlaybackUnavailableException(NO_DEVICE, e);
        } catch (LineUnavailableException e) {
            throw busy(e);
        } catch (SecurityException e) {
            throw notAllowed(e);
        }
        try {
            line.open(format, OutputDevices.bufferFor(bufferFrames) * format.getFrameSize());
            line.start();
            return new JavaSoundOutput(line);
        } catch (LineUnavailableException e) {
            throw busy(e);
        } catch (IllegalArgumentException e) {
            line.close();
            throw new PlaybackUnavailableException("The audio output device cannot play "
                    + (int) sampleRate + " Hz " + channels + "-channel audio (" + e.getMessage()
                    + "). Try another output device; you can still render to a WAV file.", e);
        } catch (SecurityException e) {
            throw notAllowed(e);
        }
    }

    private static PlaybackUnavailableException busy(LineUnavailableException e) {
        return new PlaybackUnavailableException("The audio output device could not be opened"
                + (e.getMessage() != null ? " (" + e.getMessage() + ")" : "")
                + ". Check that speakers or headphones are connected and not in use by another program; "
                + "you can still render to a WAV file.", e);
    }

    private static PlaybackUnavailableException notAllowed(SecurityException e) {
        return new PlaybackUnavailableException("Playing audio is not permitted here ("
                + e.getMessage() + "); you can still render to a WAV file.", e);
    }

    @Override
    public void write(byte[] data, int offset, int length) {
        line.write(data, offset, length);
    }

    @Override
    public void close() {
        line.stop();
        line.flush();
        line.close();
    }
}
