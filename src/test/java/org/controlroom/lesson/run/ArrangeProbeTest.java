package org.controlroom.lesson.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonFormats;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.script.PlanFile;
import org.controlroom.lesson.session.LessonSession;
import org.junit.jupiter.api.Test;

class ArrangeProbeTest {
    @Test
    void probe() throws Exception {
        Path root = Path.of(System.getProperty("controlroom.project.dir", "."));
        LessonCatalog catalog = new LessonLoader().load(root.resolve("lessons"), root.resolve("audio-assets"));
        for (String id : System.getProperty("probe", "").split(",")) {
            Lesson lesson = catalog.lesson(id).orElseThrow();
            for (boolean solved : new boolean[] {false, true}) {
                LessonRunner r = LessonRunner.start(LessonKinds.builtIn(), lesson, "ana", LessonKindPlugin.PlayContext.of(1),
                        AttemptListener.NONE, Clock.systemUTC());
                LessonSession s = r.beginSession();
                if (solved) {
                    Path plan = root.resolve("src/test/resources/arrange/" + id + ".plan.yaml");
                    s.load(new PlanFile(LessonFormats.builtIn()).parse(Files.readString(plan), plan, lesson));
                }
                r.submit();
                AttemptFinished f = r.result().orElseThrow();
                System.out.println("== " + id + (solved ? " solved " : " start ") + f.score() + " " + f.passed());
                f.criteria().forEach(c -> System.out.println("   " + c.name() + " " + c.score() + " " + c.detail() + " " + c.measured()));
            }
        }
    }
}
