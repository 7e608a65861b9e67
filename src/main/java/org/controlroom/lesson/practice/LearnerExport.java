package org.controlroom.lesson.practice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.controlroom.store.AnswerRecord;
import org.controlroom.store.AttemptSummary;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;
import org.controlroom.store.StoreException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes everything stored about a learner's attempts to a JSON file (before the learner is removed, or
 * to keep a record): the learner, each attempt with its lesson, dates, score and every answer. The file
 * is written whole to a temporary name and then moved into place, so a failed export leaves no half file.
 */
public final class LearnerExport {

    private LearnerExport() {
    }

    /** Exports the learner's attempts to {@code file}; returns how many attempts were written. */
    public static int write(LearnerStore store, String learnerName, Path file) {
        Learner who = store.learners().findByName(learnerName)
                .orElseThrow(() -> new StoreException("no learner called '" + learnerName + "'"));
        List<AttemptSummary> attempts = store.attempts().history(who.id(), Integer.MAX_VALUE);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "control-room-learner-export/1");
        root.put("learner", who.name());
        root.put("created_at", who.createdAt().map(Object::toString).orElse(null));
        List<Map<String, Object>> list = new ArrayList<>();
        for (AttemptSummary a : attempts) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lesson_id", a.lessonId());
            m.put("started_at", a.startedAt().toString());
            m.put("finished_at", a.finishedAt().map(Object::toString).orElse(null));
            m.put("score", a.score().orElse(null));
            m.put("passed", a.passed());
            m.put("xp_earned", a.xpEarned());
            m.put("lesson_hash", store.attempts().lessonHash(a.id()).orElse(null));
            List<Map<String, Object>> answers = new ArrayList<>();
            for (AnswerRecord r : store.attempts().answers(a.id())) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("step", r.step());
                x.put("question", r.questionJson());
                x.put("response", r.responseJson());
                x.put("correct", r.correct().orElse(null));
                x.put("error", r.error().orElse(null));
                x.put("error_unit", r.errorUnit().orElse(null));
                x.put("response_ms", r.responseMillis());
                x.put("plays_a", r.playsA());
                x.put("plays_b", r.playsB());
                x.put("points", r.points());
                x.put("max_points", r.maxPoints());
                x.put("answered_at", r.answeredAt().toString());
                answers.add(x);
            }
            m.put("answers", answers);
            list.add(m);
        }
        root.put("attempts", list);
        Path target = file.toAbsolutePath();
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.write(tmp, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root));
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more to do
            }
            throw new StoreException("could not write the export " + file + ": " + e.getMessage()
                    + "; the learner was not changed");
        }
        return attempts.size();
    }
}
