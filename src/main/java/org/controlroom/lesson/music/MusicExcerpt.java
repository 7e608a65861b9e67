package org.controlroom.lesson.music;

import java.nio.file.Path;

import org.controlroom.dsp.AudioClip;

/**
 * A stretch of the learner's own music, ready to drill on: already loudness-normalised.
 *
 * @param file         where it came from
 * @param startSeconds where in the file it starts
 * @param gainDb       the gain that normalised it
 * @param clip         the audio (the file's rate and channels), normalised
 */
public record MusicExcerpt(Path file, double startSeconds, double gainDb, AudioClip clip) {

    public double seconds() {
        return clip.seconds();
    }
}
