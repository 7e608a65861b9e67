package org.controlroom.lesson.music;

import java.nio.file.Path;

/**
 * One file of "My music" as last checked.
 *
 * @param detail  for people: the format and length when OK, else what is wrong (one line)
 * @param seconds the file's length, 0 unless it could be read
 */
public record MusicEntry(Path file, MusicStatus status, String detail, double seconds) {

    public boolean usable() {
        return status == MusicStatus.OK;
    }
}
