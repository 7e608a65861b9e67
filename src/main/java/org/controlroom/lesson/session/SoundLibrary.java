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
    private double sampleRate;

    /** A library at the first clip's rate. */
    public SoundLibrary() {
        this.sampleRate = Double.NaN;
    }

    /** A library at a given rate: every clip is resampled to it (a song's stems to a live player's rate). */
    public SoundLibrary(double sampleRate) {
        if (!(sampleRate > 0) || Double.isInfinite(sampleRate)) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
        this.sampleRate = sampleRate;
    }

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
