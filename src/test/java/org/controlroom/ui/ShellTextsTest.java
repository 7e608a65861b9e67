package org.controlroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.controlroom.ui.text.Texts;

/** Every shell text is a valid MessageFormat, and the plurals read right for 1 and for many. */
class ShellTextsTest {

    @Test
    void everyShellTextFormatsAndPluralsAgree() {
        ResourceBundle b = ResourceBundle.getBundle("org.controlroom.ui.messages", Locale.ENGLISH);
        for (String key : Collections.list(b.getKeys())) {
            if (key.startsWith("shell.")) {
                assertThat(Texts.get(key, 1, 2, 3, 4)).as(key).isNotNull();
            }
        }
        assertThat(Texts.get("shell.home.subtitle")).contains("the producer's job");
        assertThat(Texts.get("shell.home.streak.days", 1)).isEqualTo("1 day in a row.");
        assertThat(Texts.get("shell.home.streak.days", 3)).isEqualTo("3 days in a row.");
        assertThat(Texts.get("shell.learners.exported", 1, "f.json")).isEqualTo("1 attempt exported to f.json.");
        assertThat(Texts.get("shell.learners.exported", 12, "f.json")).isEqualTo("12 attempts exported to f.json.");
        assertThat(Texts.get("shell.lessons.problems", 1, "x")).startsWith("1 problem in");
        assertThat(Texts.get("shell.lessons.problems", 2, "x")).startsWith("2 problems in");
    }
}
