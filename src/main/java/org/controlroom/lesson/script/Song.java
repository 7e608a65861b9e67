package org.controlroom.lesson.script;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A multitrack song of the library ({@code audio-assets/songs/<id>/song.yaml}): its form, its stems
 * with their suggested balance, the melody of the lead vocal and the licences of its sources.
 *
 * @param folder           the song's folder; stem files are inside it
 * @param beatsPerBar      the metre's upper figure (4 in 4/4)
 * @param beatUnit         the metre's lower figure
 * @param sampleRate       the rate every stem and the reference mix share
 * @param referenceMix     the shipped reference mix (stereo)
 * @param balanceReference the stem the balances are relative to (the lead vocal)
 */
public record Song(Path file, Path folder, String id, String title, String style, double tempoBpm, String key,
                   int beatsPerBar, int beatUnit, int sampleRate, Path referenceMix, String balanceReference,
                   List<SongMark> sections, List<SongStem> stems, String melodyStem, List<MelodyNote> melody,
                   Map<String, String> licence) {

    /** Seconds per bar. */
    public double barSeconds() {
        return beatsPerBar * 60.0 / tempoBpm * 4.0 / beatUnit;
    }

    /** Where a section starts, in seconds from the top of the song. */
    public double startSeconds(SongMark section) {
        return section.startBar() * barSeconds();
    }

    /** Bars of the whole form. */
    public int bars() {
        SongMark last = sections.get(sections.size() - 1);
        return last.startBar() + last.bars();
    }

    public Optional<SongStem> stem(String name) {
        return stems.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<SongMark> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
