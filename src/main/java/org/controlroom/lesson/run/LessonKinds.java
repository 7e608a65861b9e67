package org.controlroom.lesson.run;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonFormats;
import org.controlroom.lesson.script.LessonKind;

/**
 * The one registry of lesson kinds: the window, the command line, the runner and the practice layer
 * ask it for a kind's format, its play and whether this build can play it. Immutable; {@link #with}
 * adds a kind (a test registers one this way).
 */
public final class LessonKinds {
    private final Map<String, LessonKindPlugin> byId;
    private final LessonFormats formats;

    private LessonKinds(Map<String, LessonKindPlugin> byId, LessonFormats formats) {
        this.byId = byId;
        this.formats = formats;
    }

    /** The kinds Control Room ships. */
    public static LessonKinds builtIn() {
        return builtIn(Clock.systemUTC());
    }

    /** The shipped kinds; sessions time their undo merging with {@code clock}. */
    public static LessonKinds builtIn(Clock clock) {
        LessonFormats formats = LessonFormats.builtIn();
        Map<String, LessonKindPlugin> m = new LinkedHashMap<>();
        for (LessonKindPlugin k : List.of(
                new BuiltInKinds.Drill(formats.format("drill").orElseThrow()),
                new ArrangeKind(formats.format("arrange").orElseThrow(), clock),
                new TakesKind(formats.format("takes").orElseThrow(), clock),
                new BuiltInKinds.Mix(formats.format("mix").orElseThrow(), clock),
                new BudgetKind(formats.format("budget").orElseThrow(), clock))) {
            m.put(k.format().kind().id(), k);
        }
        return new LessonKinds(m, formats);
    }

    /** This registry and one more kind. */
    public LessonKinds with(LessonKindPlugin kind) {
        String id = kind.format().kind().id();
        if (byId.containsKey(id)) {
            throw new IllegalArgumentException("a kind '" + id + "' is already registered");
        }
        Map<String, LessonKindPlugin> m = new LinkedHashMap<>(byId);
        m.put(id, kind);
        return new LessonKinds(m, formats.with(kind.format()));
    }

    /** The script formats of every kind, for the lesson loader. */
    public LessonFormats formats() {
        return formats;
    }

    public Optional<LessonKindPlugin> kind(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public LessonKindPlugin kind(LessonKind kind) {
        return kind(kind.id()).orElseThrow(() -> new IllegalArgumentException("no lesson kind '" + kind.id()
                + "' is registered"));
    }

    /** Empty when the lesson can be played in this build; else why not. */
    public Optional<String> notPlayable(Lesson lesson) {
        return kind(lesson.kind().id()).map(LessonKindPlugin::notPlayable)
                .orElse(Optional.of("no lesson kind '" + lesson.kind().id() + "' in this build"));
    }

    public boolean playable(Lesson lesson) {
        return notPlayable(lesson).isEmpty();
    }

    /** Whether the kind's lessons are worked on as a session (and so take a plan file). */
    public boolean hasSession(Lesson lesson) {
        return kind(lesson.kind()).sessionKind();
    }

    public List<LessonKindPlugin> all() {
        return List.copyOf(byId.values());
    }
}
