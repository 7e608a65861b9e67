package org.controlroom.lesson.career;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.controlroom.lesson.script.CareerData;
import org.controlroom.lesson.script.CareerDataLoader;
import org.controlroom.lesson.script.CareerLadder;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.Rank;

/**
 * The career economy: the figures of {@code lessons/career/economy.yaml}, the client types and clients of
 * {@code clients.yaml}, the kinds of job of {@code jobs.yaml}, and the ladder of {@code lessons/career.yaml}
 * with each rank's track record. Everything the simulation reads that is not the learner's doing.
 *
 * @param figures     the money and the rules (salaries per rank, day rates, costs, royalty points, streams)
 * @param clientTypes band, solo-artist, label, media, content
 * @param clients     every client
 * @param jobs        the kinds of job clients offer
 * @param ladder      the ranks, each with XP and the credits and reputation it needs
 */
public record CareerEconomy(CareerData.Economy figures, List<CareerData.ClientType> clientTypes,
                            List<CareerData.Client> clients, List<CareerData.JobTemplate> jobs, CareerLadder ladder) {

    public CareerEconomy {
        clientTypes = List.copyOf(clientTypes);
        clients = List.copyOf(clients);
        jobs = List.copyOf(jobs);
    }

    /**
     * Loads the economy from a lessons folder ({@code <lessons>/career/*.yaml}), the ladder from the
     * catalogue, and checks each job's lessons are scenario lessons the catalogue holds.
     *
     * @throws org.controlroom.lesson.script.ScriptException naming file, line and column of every problem
     * @throws CareerException when the catalogue has no career ladder
     */
    public static CareerEconomy load(Path lessonsDir, LessonCatalog catalog) {
        CareerLadder ladder = catalog.career().orElseThrow(() -> new CareerException(
                "the lessons folder " + lessonsDir + " has no career.yaml: career mode needs the ladder"));
        Map<String, String> kinds = new LinkedHashMap<>();
        for (Lesson l : catalog.lessons()) {
            kinds.put(l.id(), l.kind().id());
        }
        List<String> rankIds = ladder.ranks().stream().map(Rank::id).toList();
        CareerData.Files files = CareerDataLoader.load(lessonsDir.resolve(CareerDataLoader.FOLDER), rankIds, kinds);
        return new CareerEconomy(files.economy(), files.clientTypes(), files.clients(), files.jobs(), ladder);
    }

    public Optional<CareerData.Client> client(String id) {
        return clients.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<CareerData.ClientType> clientType(String id) {
        return clientTypes.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<CareerData.JobTemplate> job(String id) {
        return jobs.stream().filter(j -> j.id().equals(id)).findFirst();
    }

    /** A year's salary at a rank (employed), in pence. */
    public long salaryPence(String rankId) {
        return figures.salaryPence().getOrDefault(rankId, 0L);
    }

    /** The freelance day rate at a reputation (0–100), in pence: the economy's range, rising linearly. */
    public long dayRatePence(double reputation) {
        return figures.dayRate().at(reputation / 100.0);
    }
}
