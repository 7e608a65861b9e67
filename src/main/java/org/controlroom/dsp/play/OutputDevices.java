package org.controlroom.dsp.play;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;

/**
 * The computer's sound output devices (javax.sound.sampled mixers that can play a line), the one the
 * learner chose in the settings and the buffer size they chose; {@link JavaSoundOutput} opens its lines
 * through here, so every player in the app uses the choice. With no device chosen (or the chosen one
 * gone) the system's default output plays.
 */
public final class OutputDevices {

    /** A device the learner can choose: its name as Java Sound reports it, and a description. */
    public record Device(String name, String description) {
    }

    private static volatile String chosen = "";
    private static volatile int bufferFrames;

    private OutputDevices() {
    }

    /** Every mixer that offers an output line (may be empty: no sound card, or a server without audio). */
    public static List<Device> list() {
        List<Device> out = new ArrayList<>();
        try {
            for (Mixer.Info info : AudioSystem.getMixerInfo()) {
                Mixer m = AudioSystem.getMixer(info);
                if (m.getSourceLineInfo(new javax.sound.sampled.Line.Info(SourceDataLine.class)).length > 0) {
                    out.add(new Device(info.getName(), info.getDescription()));
                }
            }
        } catch (RuntimeException e) {
            // a broken sound system lists nothing; playing then says what is wrong
        }
        return out;
    }

    /** Chooses the output device by name ("" for the system default) for every line opened from now on. */
    public static void choose(String deviceName) {
        chosen = deviceName == null ? "" : deviceName;
    }

    public static String chosen() {
        return chosen;
    }

    /** The buffer size chosen in the settings, in frames (0: each player's own). */
    public static void bufferFrames(int frames) {
        bufferFrames = Math.max(0, frames);
    }

    /** The buffer a line is opened with: the chosen size when there is one, else the caller's. */
    static int bufferFor(int callersFrames) {
        int b = bufferFrames;
        return b > 0 ? b : callersFrames;
    }

    /** A line on the chosen device (or the default when none is chosen or it is gone). */
    static SourceDataLine line(AudioFormat format) throws LineUnavailableException {
        Optional<Mixer.Info> info = find(chosen);
        if (info.isPresent()) {
            return AudioSystem.getSourceDataLine(format, info.get());
        }
        return AudioSystem.getSourceDataLine(format);
    }

    private static Optional<Mixer.Info> find(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        for (Mixer.Info i : AudioSystem.getMixerInfo()) {
            if (i.getName().equals(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * Plays a test tone (1 kHz sine, {@code seconds} long at -20 dBFS, with 20 ms fades) on the named
     * device ("" = default) and waits until it has played. Blocks: call it off the UI thread.
     *
     * @throws PlaybackUnavailableException with a message for the user when no device can play it
     */
    public static void testTone(String deviceName, int buffer, double seconds) throws PlaybackUnavailableException {
        float rate = 48_000;
        AudioFormat format = new AudioFormat(rate, 16, 2, true, false);
        String name = deviceName == null ? "" : deviceName;
        Optional<Mixer.Info> info = find(name);
        if (!name.isEmpty() && info.isEmpty()) {
            throw new PlaybackUnavailableException("The output device '" + name
                    + "' is not there any more; choose another in the settings.", null);
        }
        SourceDataLine line;
        try {
            line = info.isPresent() ? AudioSystem.getSourceDataLine(format, info.get())
                    : AudioSystem.getSourceDataLine(format);
            line.open(format, Math.max(256, buffer) * format.getFrameSize());
        } catch (IllegalArgumentException e) {
            throw new PlaybackUnavailableException(name.isEmpty() ? JavaSoundOutput.NO_DEVICE
                    : "The output device '" + name + "' cannot play 48 kHz stereo (" + e.getMessage() + ").", e);
        } catch (LineUnavailableException e) {
            throw new PlaybackUnavailableException("The audio output device could not be opened"
                    + (e.getMessage() != null ? " (" + e.getMessage() + ")" : "")
                    + ". Check that it is connected and not in use by another program.", e);
        } catch (SecurityException e) {
            throw new PlaybackUnavailableException("Playing audio is not permitted here (" + e.getMessage() + ").", e);
        }
        try {
            line.start();
            int frames = (int) (rate * seconds);
            int fade = (int) (rate * 0.02);
            double amp = Math.pow(10, -20 / 20.0);
            byte[] data = new byte[frames * 4];
            for (int i = 0; i < frames; i++) {
                double env = Math.min(1, Math.min(i, frames - 1 - i) / (double) fade);
                short v = (short) Math.round(32767 * amp * env * Math.sin(2 * Math.PI * 1000 * i / rate));
                for (int ch = 0; ch < 2; ch++) {
                    data[4 * i + 2 * ch] = (byte) v;
                    data[4 * i + 2 * ch + 1] = (byte) (v >> 8);
                }
            }
            line.write(data, 0, data.length);
            line.drain();
        } finally {
            line.stop();
            line.close();
        }
    }
}
