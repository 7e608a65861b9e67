package org.controlroom.lesson.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of lesson kinds the loader knows: each kind's {@link SectionFormat}. Immutable;
 * {@link #with} gives a registry with one more kind (a test, a later package), so nothing that loads
 * lessons changes when a kind is added.
 */
public final class LessonFormats {
    private final Map<String, SectionFormat> byId;

    private LessonFormats(Map<String, SectionFormat> byId) {
        this.byId = byId;
    }

    /** The kinds Control Room ships: drill, arrange, takes, mix, budget. */
    public static LessonFormats builtIn() {
        Map<String, SectionFormat> m = new LinkedHashMap<>();
        for (SectionFormat f : List.of(
                new BuiltInFormat(LessonKind.DRILL, new DrillReader(), null),
                new BuiltInFormat(LessonKind.ARRANGE, new ArrangeReader(), new PlanReaders.Arrange()),
                new BuiltInFormat(LessonKind.TAKES, new TakesReader(), new PlanReaders.Takes()),
                new BuiltInFormat(LessonKind.MIX, new MixReader(), new PlanReaders.Mix()),
                new BudgetSectionFormat())) {
            m.put(f.kind().id(), f);
        }
        return new LessonFormats(m);
    }

    /** This registry and one more kind. */
    public LessonFormats with(SectionFormat format) {
        if (byId.containsKey(format.kind().id())) {
            throw new IllegalArgumentException("a kind '" + format.kind().id() + "' is already registered");
        }
        Map<String, SectionFormat> m = new LinkedHashMap<>(byId);
        m.put(format.kind().id(), format);
        return new LessonFormats(m);
    }

    public Optional<SectionFormat> format(String kindId) {
        return Optional.ofNullable(byId.get(kindId));
    }

    public Optional<LessonKind> kind(String kindId) {
        return format(kindId).map(SectionFormat::kind);
    }

    /** The kind ids, in registration order. */
    public List<String> ids() {
        return new ArrayList<>(byId.keySet());
    }

    public List<LessonKind> kinds() {
        return byId.values().stream().map(SectionFormat::kind).toList();
    }

    /** A shipped kind: its reader works on {@link Fields} directly. */
    private record BuiltInFormat(LessonKind kind, SectionReader reader, PlanReaders.PlanSectionReader plan)
            implements SectionFormat {
        @Override
        public List<String> fields() {
            return reader.fields();
        }

        @Override
        public LessonSection read(SectionInput in) {
            return reader.read(in.fields(), in.assets());
        }

        @Override
        public LessonPlan readPlan(SectionInput in, LessonSection section) {
            if (plan == null) {
                return SectionFormat.super.readPlan(in, section);
            }
            return plan.read(in.node(), in.path(), in.problems(), section);
        }
    }
}
