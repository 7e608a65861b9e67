package org.controlroom.lesson.session;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.io.WavReader;
import org.controlroom.lesson.script.AssetSource;

/**
 * The sounds of a session, decoded once and kept: a mixer rebuilt after an edit (an arrangement, a
 * comp) reuses them. Every clip is at the session's rate (the first clip's).
 */
public final class SoundLibrary {
    private final Map<Path, AudioClip> clips = new HashMap<>();
    private double sampleRate = Double.NaN;

    /** The clip of an asset, decoded on first use. */
    public synchronized AudioClip clip(AssetSource asset) throws AudioFileException {
        AudioClip c = clips.get(asset.resolved());
        if (c == null) {
            c = WavReader.read(asset.resolved());
            if (Double.isNaN(sampleRate)) {
                sampleRate = c.sampleRate();
            } else if (c.sampleRate() != sampleRate) {
                throw new AudioFileException(asset.resolved(), "is at " + (int) c.sampleRate()
                        + " Hz but the session runs at " + (int) sampleRate + " Hz");
            }
            clips.put(asset.resolved(), c);
        }
        return c;
    }

    /** The session's sample rate (48 kHz before any clip is read). */
    public synchronized double sampleRate() {
        return Double.isNaN(sampleRate) ? 48000 : sampleRate;
    }
}
