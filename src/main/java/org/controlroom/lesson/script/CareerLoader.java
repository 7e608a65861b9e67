package org.controlroom.lesson.script;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads {@code lessons/career.yaml}: the ranks in order, the first at 0 XP, XP strictly increasing; each
 * may ask a track record for career mode ({@code credits}: released credits, {@code reputation}: 0–100 with
 * the learner's best client type; both 0 when absent).
 */
public final class CareerLoader {
    /** The career file's name inside the lessons folder. */
    public static final String FILE_NAME = "career.yaml";
    static final List<String> TOP = List.of("ranks");
    static final List<String> RANK = List.of("id", "name", "xp", "role", "credits", "reputation");

    private CareerLoader() {
    }

    /**
     * Loads and validates a career file.
     *
     * @throws ScriptException with every problem found (file:line:column: message)
     */
    public static CareerLadder load(Path careerYaml) {
        Problems problems = new Problems(careerYaml);
        Optional<CareerLadder> ladder = read(problems);
        if (ladder.isEmpty() || problems.any()) {
            if (!problems.any()) {
                problems.atStart("career.yaml has no ranks");
            }
            throw new ScriptException(problems.list());
        }
        return ladder.get();
    }

    static Optional<CareerLadder> read(Problems problems) {
        if (!Files.isRegularFile(problems.file())) {
            problems.atStart("career file not found: " + problems.file()
                    + " (it lists the ranks lessons may name)");
            return Optional.empty();
        }
        Optional<Node> root = SafeYaml.read(problems);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        int before = problems.count();
        Optional<Fields> top = Fields.of(root.get(), "", TOP, problems);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        UniqueNames ids = new UniqueNames("rank id", problems);
        int[] previousXp = {-1};
        List<Rank> ranks = top.get().list("ranks", 1, Fields.mapping(RANK, problems, r -> {
            String id = ids.take(r, "id");
            r.value("id").ifPresent(n -> LessonReader.checkId(id, n, r.name("id"), problems));
            String name = r.text("name");
            int xp = r.whole("xp", NumberRange.atLeast(0));
            r.value("xp").ifPresent(n -> {
                if (previousXp[0] < 0 && xp != 0) {
                    problems.at(n, r.name("xp") + " of the first rank must be 0, found " + xp);
                } else if (previousXp[0] >= 0 && xp <= previousXp[0]) {
                    problems.at(n, r.name("xp") + " must be more than the previous rank's " + previousXp[0]
                            + " (ranks are listed from first to last), found " + xp);
                }
            });
            previousXp[0] = Math.max(previousXp[0], xp);
            int credits = r.whole("credits", 0, NumberRange.atLeast(0));
            double reputation = r.number("reputation", 0, NumberRange.between(0, 100));
            return new Rank(id, name, xp, r.text("role"), credits, reputation);
        }));
        if (problems.count() > before || ranks.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CareerLadder(ranks));
    }
}
