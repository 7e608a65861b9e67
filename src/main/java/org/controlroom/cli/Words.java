package org.controlroom.cli;

import java.util.Locale;

/** Small English helpers for the command line's sentences: plurals and "a"/"an". */
final class Words {

    private Words() {
    }

    /** "1 lesson", "2 lessons" (regular plurals only). */
    static String count(long n, String singular) {
        return n + " " + (n == 1 ? singular : singular + "s");
    }

    /** "a mix", "an arrange": the article before {@code word} (by its first letter, a vowel or not). */
    static String withArticle(String word) {
        boolean vowel = !word.isEmpty() && "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0;
        return (vowel ? "an " : "a ") + word;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
