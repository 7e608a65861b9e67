package org.controlroom.lesson.script;

/** Reads one shipped kind's section of a lesson; problems go to the section's {@link Fields}. */
interface SectionReader {
    /** The field names the section allows. */
    java.util.List<String> fields();

    LessonSection read(Fields section, AssetResolver assets);
}
