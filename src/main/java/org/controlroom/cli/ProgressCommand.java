package org.controlroom.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.controlroom.lesson.practice.LessonService;
import org.controlroom.lesson.run.DrillProgress;
import org.controlroom.lesson.run.LessonKinds;
import org.controlroom.lesson.script.CareerLadder;
import org.controlroom.lesson.script.CareerLoader;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.lesson.script.Rank;
import org.controlroom.lesson.script.ScriptException;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerProgress;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.LessonHashes;
import org.controlroom.store.LessonResult;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code progress [LEARNER] [--json]}: XP, rank and what the next rank needs, lessons passed, accuracy. */
@Command(name = "progress", mixinStandardHelpOptions = true,
        description = "Shows a learner's progress (all learners without LEARNER).")
public final class ProgressCommand extends UsesLessonKinds implements Callable<Integer> {


    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Mixin
    LessonsDirOption lessons;

    @Parameters(index = "0", arity = "0..1", paramLabel = "LEARNER", description = "The learner (default: everyone).")
    String learner;

    @Option(names = "--json", description = "Print JSON: an object for one learner, an array for everyone.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        Optional<org.controlroom.lesson.pack.LessonLibrary> library = library();
        Optional<LessonCatalog> catalog = library.map(org.controlroom.lesson.pack.LessonLibrary::catalog);
        try (LearnerStore store = db.open(spec.commandLine().getErr())) {
            List<Learner> who;
            if (learner != null) {
                who = List.of(store.learners().findByName(learner).orElseThrow(() -> new UserInputException(
                        "no learner called '" + learner + "' in " + store.where() + " (see 'learner list')")));
            } else {
                who = store.learners().list();
            }
            // results count the catalogue's content; XP was only ever credited for shipped, tutor and pack content
            LessonHashes hashes = catalog.map(c -> LessonHashes.of(c.lessons(), Lesson::id, Lesson::contentHash))
                    .orElse(LessonHashes.none());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Learner l : who) {
                Map<String, Object> r = row(store.progress().progress(l, hashes), catalog, kinds);
                r.put("thresholds", thresholds(DrillProgress.of(store.attempts().drillTrials(l.id()))));
                rows.add(r);
            }
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                out.println(mapper.writeValueAsString(learner != null ? rows.get(0) : rows));
            } else if (rows.isEmpty()) {
                out.println("No learners yet. Add one with: control-room learner add NAME");
            } else {
                rows.forEach(r -> print(out, r));
            }
            return ExitCodes.OK;
        }
    }

    private Optional<org.controlroom.lesson.pack.LessonLibrary> library() {
        try {
            org.controlroom.lesson.pack.LessonLibrary lib = lessons.library(kinds, db.dataFolder());
            LessonCatalog c = lib.catalog();
            if (c.career().isEmpty()) {
                spec.commandLine().getErr().println("control-room: ranks are not shown: "
                        + CareerLoader.FILE_NAME + " did not load (see 'lessons validate')");
                return Optional.empty();
            }
            return Optional.of(lib);
        } catch (ScriptException | UserInputException e) {
            spec.commandLine().getErr().println("control-room: ranks are not shown: " + e.getMessage().lines().findFirst().orElse(""));
            return Optional.empty();
        }
    }

    /** The progress of one learner as the JSON object {@code progress --json} prints. */
    static Map<String, Object> row(LearnerProgress p, Optional<LessonCatalog> catalog) {
        return row(p, catalog, LessonKinds.builtIn());
    }

    static Map<String, Object> row(LearnerProgress p, Optional<LessonCatalog> catalog, LessonKinds kinds) {
        Optional<CareerLadder> career = catalog.flatMap(LessonCatalog::career);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("learner", p.learner().name());
        m.put("xp", p.xp());
        career.ifPresent(c -> {
            Rank rank = c.rankFor((int) Math.min(Integer.MAX_VALUE, p.xp()));
            m.put("rank", rank.name());
            Optional<Rank> next = c.nextRank((int) Math.min(Integer.MAX_VALUE, p.xp()));
            m.put("next_rank", next.map(Rank::name).orElse(null));
            m.put("xp_to_next_rank", next.map(n -> n.xp() - p.xp()).orElse(null));
            m.put("next_rank_opens", new LessonService(catalog.get(), kinds).nextRankOpens(p.xp()));
        });
        m.put("lessons_passed", p.lessonsPassed());
        m.put("answers", p.answers());
        m.put("accuracy", Math.round(p.accuracy() * 1000) / 1000.0);
        List<Map<String, Object>> lessons = new ArrayList<>();
        for (LessonResult r : p.lessons()) {
            Map<String, Object> lm = new LinkedHashMap<>();
            lm.put("lesson_id", r.lessonId());
            lm.put("best_score", r.bestScore());
            lm.put("passed", r.passed());
            lm.put("attempts", r.attempts());
            lessons.add(lm);
        }
        m.put("lessons", lessons);
        Map<String, Object> errors = new LinkedHashMap<>();
        p.meanError().forEach((unit, v) -> errors.put(unit, Math.round(v * 1000) / 1000.0));
        m.put("mean_error", errors);
        return m;
    }

    /** Per adaptive drill family: the threshold (mean of the last 6-8 reversals) in words and over time. */
    static List<Map<String, Object>> thresholds(DrillProgress progress) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DrillProgress.FamilyProgress f : progress.families()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("family", f.family().id());
            m.put("unit", f.family().ladder().unit());
            m.put("trials", f.trials());
            m.put("reversals", f.reversals());
            m.put("level_now", f.levelNow());
            m.put("threshold", f.threshold().map(t -> Math.round(t * 100) / 100.0).orElse(null));
            m.put("saying", f.saying().orElse(null));
            m.put("over_time", f.overTime().stream().map(pt -> {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("at", pt.at().toString());
                pm.put("level", pt.level());
                pm.put("threshold", pt.threshold().map(t -> Math.round(t * 100) / 100.0).orElse(null));
                return pm;
            }).toList());
            out.add(m);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void print(PrintWriter out, Map<String, Object> r) {
        out.printf(Locale.ROOT, "%s: %s XP", r.get("learner"), r.get("xp"));
        if (r.containsKey("rank")) {
            out.printf(Locale.ROOT, ", %s", r.get("rank"));
            if (r.get("next_rank") != null) {
                out.printf(Locale.ROOT, " (%s XP to %s, which opens %s)", r.get("xp_to_next_rank"),
                        r.get("next_rank"), Words.count(((List<?>) r.get("next_rank_opens")).size(), "more lesson"));
            }
        }
        out.printf(Locale.ROOT, "; %s passed; %s, %.0f %% right%n",
                Words.count(((Number) r.get("lessons_passed")).longValue(), "lesson"),
                Words.count(((Number) r.get("answers")).longValue(), "answer"), 100 * (double) r.get("accuracy"));
        for (Map<String, Object> l : (List<Map<String, Object>>) r.get("lessons")) {
            out.printf(Locale.ROOT, "  %-28s best %5.1f  %-10s %s%n", l.get("lesson_id"), l.get("best_score"),
                    Boolean.TRUE.equals(l.get("passed")) ? "passed" : "not passed",
                    Words.count(((Number) l.get("attempts")).longValue(), "attempt"));
        }
        ((Map<String, Object>) r.get("mean_error")).forEach((unit, v) ->
                out.printf(Locale.ROOT, "  mean error: %s %s%n", v, unit));
        for (Map<String, Object> t : (List<Map<String, Object>>) r.getOrDefault("thresholds", List.of())) {
            out.printf(Locale.ROOT, "  %-34s %s%n", t.get("family"), t.get("saying") != null ? t.get("saying")
                    : String.format(Locale.ROOT, "no threshold yet (%s of 6 reversals in %s answers; asking at %s %s)",
                            t.get("reversals"), t.get("trials"), t.get("level_now"), t.get("unit")));
        }
    }
}
