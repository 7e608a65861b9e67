package org.controlroom.lesson.script;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.controlroom.analysis.take.SungNote;

/**
 * One phrase and its takes (at least two).
 *
 * @param id     the phrase's id in plan files: given in the script, or a slug of its name
 * @param melody the notes the phrase should have, in take time (from the song's melody; empty for a
 *               set of recordings with no song)
 * @param songS  where the takes start in the song, when the lesson has one (for hearing them in the mix)
 */
public record Phrase(String id, String name, List<Take> takes, List<SungNote> melody, Optional<Double> songS) {
    public Phrase {
        takes = List.copyOf(takes);
        melody = List.copyOf(melody);
    }

    public Phrase(String id, String name, List<Take> takes) {
        this(id, name, takes, List.of(), Optional.empty());
    }

    public Optional<Take> take(String id) {
        return takes.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** "Hook, held A" → "hook-held-a": lower-case ASCII letters and digits joined by '-'. */
    public static String slug(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "phrase" : slug;
    }
}
