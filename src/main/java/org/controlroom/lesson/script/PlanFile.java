package org.controlroom.lesson.script;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Plan files (DESIGN.md "Sessions and plans"): a learner's work on a session lesson, written down.
 * Reading checks every name against the lesson (a track, section or take it does not have is a
 * {@code file:line:column} problem); writing gives the same shape back.
 */
public final class PlanFile {
    private final LessonFormats formats;

    public PlanFile(LessonFormats formats) {
        this.formats = formats;
    }

    /**
     * Reads a plan file for a lesson.
     *
     * @throws ScriptException with every problem found (file, line, column, field)
     */
    public LessonPlan read(Path file, Lesson lesson) {
        Problems problems = new Problems(file);
        if (!java.nio.file.Files.isRegularFile(file)) {
            problems.atStart(java.nio.file.Files.exists(file) ? "a plan must be a regular file" : "plan file not found");
            throw new ScriptException(problems.list());
        }
        Optional<Node> root = SafeYaml.read(problems);
        return read(root, problems, lesson);
    }

    /** Reads a plan held as text (a saved session); {@code origin} names it in problems. */
    public LessonPlan parse(String yaml, Path origin, Lesson lesson) {
        Problems problems = new Problems(origin);
        return read(SafeYaml.parse(yaml, problems), problems, lesson);
    }

    private LessonPlan read(Optional<Node> root, Problems problems, Lesson lesson) {
        LessonPlan plan = LessonPlan.NONE;
        if (root.isPresent()) {
            String kind = lesson.kind().id();
            Optional<Fields> top = Fields.of(root.get(), "", List.of(kind), problems);
            if (top.isPresent()) {
                Optional<Node> section = top.get().required(kind);
                SectionFormat format = formats.format(kind).orElseThrow(() -> new IllegalArgumentException(
                        "no format registered for kind " + kind));
                if (section.isPresent()) {
                    plan = format.readPlan(new SectionInput(section.get(), kind, problems), lesson.section());
                }
            }
        }
        if (problems.count() > 0) {
            throw new ScriptException(problems.list());
        }
        return plan;
    }

    /** The plan as plan-file YAML. */
    public static String write(Lesson lesson, LessonPlan plan) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put(lesson.kind().id(), plan.toTree());
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(100);
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options);
        return "# plan for lesson " + lesson.id() + " (" + lesson.kind().id() + ")\n" + yaml.dump(root);
    }
}
