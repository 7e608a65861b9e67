package org.controlroom.lesson.session;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.controlroom.dsp.AudioClip;
import org.controlroom.dsp.io.AudioFileException;
import org.controlroom.dsp.io.AudioFiles;
import org.controlroom.lesson.script.AssetSource;

/**
 * The sounds of a session (WAV, AIFF, FLAC, MP3, Ogg Vorbis), decoded once and kept. Every clip is
 * at the session's rate: the first clip's; the others are resampled to it once, at load.
 */
public final class SoundLibrary {
    private final Map<Path, AudioClip> clips = new HashMap<>();
    private double sampleRate = Double.NaN;

    /** The clip of an asset, decoded on first use. */
    public synchronized AudioClip clip(AssetSource asset) throws AudioFileException {
        AudioClip c = clips.get(asset.resolved());
        if (c == null) {
            if (Double.isNaN(sampleRate)) {
                c = AudioFiles.read(asset.resolved());
                sampleRate = c.sampleRate();
            } else {
                // any other rate is resampled once, here, to the session's
                c = AudioFiles.read(asset.resolved(), sampleRate);
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
