package org.controlroom.lesson.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The arrangement's edits: duplicate, cut, move, shorten by bars, each undone and redone; the long version's start. */
class ArrangeSessionTest {
    static LessonCatalog catalog;

    @BeforeAll
    static void load() {
        Path root = Path.of(System.getProperty("controlroom.project.dir", "."));
        catalog = new LessonLoader().load(root.resolve("lessons"), root.resolve("audio-assets"));
    }

    static List<String> order(ArrangeSession s) {
        return s.entries().stream().map(e -> e.section() + ":" + e.bars()).toList();
    }

    @Test
    void duplicateCutMoveAndShortenAreUndoable() {
        Lesson l = catalog.lesson("arrange-radio-edit").orElseThrow();
        ArrangeSession s = new ArrangeSession(l, Clock.systemUTC());
        List<String> start = order(s);
        assertThat(start).containsExactly("intro:4", "verse-1:8", "chorus-1:8", "verse-2:8", "chorus-2:8", "bridge:8",
                "outro:4");
        s.duplicate(2);
        assertThat(order(s)).containsSubsequence("chorus-1:8", "chorus-1:8", "verse-2:8").hasSize(8);
        s.remove(0);
        s.move(0, 3);
        s.shorten(0, 3);
        assertThat(order(s)).startsWith("chorus-1:5", "chorus-1:8", "verse-2:8", "verse-1:8");
        assertThat(s.seconds()).isEqualTo((5 + 8 + 8 + 8 + 8 + 8 + 4) * 2.0);
        assertThat(s.startSeconds(3)).isEqualTo(42.0);
        assertThat(s.indexAt(42.0)).isEqualTo(3);
        assertThatThrownBy(() -> s.shorten(0, 5)).hasMessageContaining("1 to 8 bars");
        for (int i = 0; i < 4; i++) {
            s.history().undo();
        }
        assertThat(order(s)).isEqualTo(start);
        for (int i = 0; i < 4; i++) {
            s.history().redo();
        }
        assertThat(order(s)).startsWith("chorus-1:5", "chorus-1:8", "verse-2:8", "verse-1:8");
    }

    @Test
    void aLongVersionStartsAsTheLessonWritesIt() {
        ArrangeSession s = new ArrangeSession(catalog.lesson("arrange-radio-edit-long-version").orElseThrow(),
                Clock.systemUTC());
        assertThat(s.size()).isEqualTo(14);
        assertThat(s.entries().get(0).section()).isEqualTo("intro");
        assertThat(s.entries().get(1).section()).isEqualTo("intro");
        assertThat(s.bars()).isEqualTo(80);
        // the plan of the starting state reads back the same
        ArrangeSession copy = new ArrangeSession(s.lesson(), Clock.systemUTC());
        copy.load(s.plan());
        assertThat(order(copy)).isEqualTo(order(s));
    }
}
