package org.controlroom.lesson.script;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * One phrase and its recorded takes (at least two).
 *
 * @param id the phrase's id in plan files: given in the script, or a slug of its name
 */
public record Phrase(String id, String name, List<Take> takes) {
    public Phrase {
        takes = List.copyOf(takes);
    }

    /** "Hook, held A" → "hook-held-a": lower-case ASCII letters and digits joined by '-'. */
    public static String slug(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "phrase" : slug;
    }
}
