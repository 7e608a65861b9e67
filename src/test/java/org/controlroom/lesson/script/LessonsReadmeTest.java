package org.controlroom.lesson.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lessons/README.md documents every field, and its examples are valid lessons. */
class LessonsReadmeTest {

    private static final Path PROJECT = ShippedLessonsTest.projectDir();
    private static final Pattern EXAMPLE = Pattern.compile("```yaml\\n(# example: [^\\n]*\\n.*?)```", Pattern.DOTALL);

    private static String readme() throws IOException {
        return Files.readString(PROJECT.resolve("lessons/README.md"));
    }

    @Test
    void everyExampleInTheReadmeIsAValidLessonAndEveryKindHasOne(@TempDir Path tmp) throws IOException {
        Path lessons = Files.createDirectories(tmp.resolve("lessons"));
        Files.copy(PROJECT.resolve("lessons/career.yaml"), lessons.resolve("career.yaml"));
        Matcher m = EXAMPLE.matcher(readme());
        int n = 0;
        while (m.find()) {
            Files.writeString(lessons.resolve("example-" + (++n) + ".yaml"), m.group(1));
        }

        LessonCatalog catalog = new LessonLoader().load(lessons, PROJECT.resolve("audio-assets"));

        assertThat(catalog.problems()).isEmpty();
        assertThat(catalog.lessons()).hasSize(n);
        Map<LessonKind, Long> kinds = catalog.lessons().stream()
                .collect(Collectors.groupingBy(Lesson::kind, Collectors.counting()));
        assertThat(kinds).containsOnlyKeys(LessonKind.values());
    }

    @Test
    void everyFieldTheLoaderKnowsIsDocumented() throws IOException {
        String readme = readme();
        List<String> fields = new ArrayList<>();
        List.of(LessonReader.COMMON, LessonReader.SCORING, DrillReader.FIELDS, BudgetReader.FIELDS,
                BudgetReader.STUDIO, BudgetReader.MUSICIAN, BudgetReader.MIXER, BudgetReader.MASTERING,
                BudgetReader.EVENT, BudgetReader.RESPONSE, MixReader.FIELDS, MixReader.TRACK, MixReader.TARGET, ArrangeReader.FIELDS,
                ArrangeReader.STEM, ArrangeReader.SECTION, ArrangeReader.TARGET, TakesReader.FIELDS,
                TakesReader.PHRASE, TakesReader.TAKE, CareerLoader.TOP, CareerLoader.RANK).forEach(fields::addAll);
        for (LessonKind kind : LessonKind.values()) {
            fields.addAll(kind.criteria());
        }
        for (DrillExercise e : DrillExercise.values()) {
            fields.add(e.id());
        }
        assertThat(fields).allSatisfy(f -> assertThat(readme)
                .as("README documents `%s`", f)
                .containsPattern("`([a-z_\\[\\]]*\\.)?" + Pattern.quote(f) + "`"));
    }
}
