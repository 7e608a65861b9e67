package org.controlroom.lesson.script;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A stem of a library song.
 *
 * @param role      what it is: kick, snare, hats, overheads, toms, drums, bass, keys, guitar, strings, pad,
 *                  lead-vocal, backing-vocals, percussion, fx, other
 * @param file      the audio file (inside the song's folder)
 * @param pan       where the reference mix places it, -1 left to 1 right (constant-power law)
 * @param balanceDb its loudness in the reference mix relative to the balance reference stem, in LU (dB)
 * @param source    what made it (instrument and sound source)
 */
public record SongStem(String name, String role, Path file, double pan, double balanceDb, String source,
                       Optional<String> note) {
}
