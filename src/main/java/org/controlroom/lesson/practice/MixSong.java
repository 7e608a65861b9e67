package org.controlroom.lesson.practice;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.controlroom.lesson.script.AssetSource;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.MixSection;
import org.controlroom.lesson.script.MixTrack;
import org.controlroom.lesson.script.ScriptException;
import org.controlroom.lesson.script.Song;
import org.controlroom.lesson.script.SongLoader;
import org.controlroom.lesson.script.SongMark;

/**
 * What a mix lesson's song gives the console's transport: its sections (to loop and jump to) and the
 * reference mix to A/B against. The song is the one whose folder holds the lesson's stems (a
 * {@code song.yaml} beside the first track's file); a lesson on loose files has no sections. The
 * reference is the lesson's own {@code reference}, else the song's reference mix.
 */
public record MixSong(Optional<Song> song, List<Section> sections, Optional<AssetSource> reference) {

    /** A section of the song, in seconds from its top. */
    public record Section(String id, String name, double startSeconds, double endSeconds) {
    }

    public MixSong {
        sections = List.copyOf(sections);
    }

    /** The song of a mix lesson (none for other kinds, or a lesson whose stems are not a song's). */
    public static MixSong of(Lesson lesson) {
        if (!(lesson.section() instanceof MixSection mix)) {
            return new MixSong(Optional.empty(), List.of(), Optional.empty());
        }
        Optional<Song> song = Optional.empty();
        for (MixTrack t : mix.tracks()) {
            Path folder = t.asset().resolved().toAbsolutePath().getParent();
            Path manifest = folder == null ? null : folder.resolve(SongLoader.FILE_NAME);
            if (manifest != null && Files.isRegularFile(manifest)) {
                try {
                    song = Optional.of(SongLoader.load(manifest));
                } catch (ScriptException e) {
                    song = Optional.empty();   // a broken manifest: 'songs validate' says why; no sections here
                }
                break;
            }
        }
        List<Section> sections = new ArrayList<>();
        song.ifPresent(s -> {
            for (SongMark m : s.sections()) {
                double start = s.startSeconds(m);
                sections.add(new Section(m.id(), m.name(), start, start + m.bars() * s.barSeconds()));
            }
        });
        Optional<Song> found = song;
        Optional<AssetSource> reference = mix.reference()
                .or(() -> found.map(s -> new AssetSource(String.valueOf(s.referenceMix().getFileName()),
                        s.referenceMix())));
        return new MixSong(song, sections, reference);
    }
}
