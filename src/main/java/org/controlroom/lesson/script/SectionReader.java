package org.controlroom.lesson.script;

/** Reads one kind's section of a lesson; problems go to the section's {@link Fields}. */
interface SectionReader {
    /** The field names the section allows. */
    java.util.List<String> fields();

    LessonSection read(Fields section, AssetResolver assets);

    static SectionReader forKind(LessonKind kind) {
        return switch (kind) {
            case DRILL -> new DrillReader();
            case BUDGET -> new BudgetReader();
            case MIX -> new MixReader();
            case ARRANGE -> new ArrangeReader();
            case TAKES -> new TakesReader();
        };
    }
}
