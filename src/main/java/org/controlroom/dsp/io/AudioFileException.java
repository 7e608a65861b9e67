package org.controlroom.dsp.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An audio file could not be read or written. The message names the file and says what is wrong
 * in words a producer understands, e.g. {@code kick.wav: not a WAV file (no RIFF/WAVE header)}.
 */
public class AudioFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public AudioFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public AudioFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file the problem is about. */
    public Path file() {
        return file;
    }
}
