package org.controlroom.lesson.script;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads the career economy's data files from {@code lessons/career/}: {@code economy.yaml} (the figures),
 * {@code clients.yaml} (client types and clients) and {@code jobs.yaml} (the kinds of job). Every problem
 * of every file is reported (file:line:column: message) in one {@link ScriptException}.
 */
public final class CareerDataLoader {
    /** The folder inside the lessons folder. */
    public static final String FOLDER = "career";
    static final Set<String> SCENARIO_KINDS = Set.of("mix", "takes", "arrange", "budget");

    static final List<String> ECONOMY_TOP = List.of("start", "salaries", "day_rate", "switch_cost", "dry_week_cost",
            "capacity", "offers_per_week", "offer_weeks", "grace_weeks", "lost_below", "referral_from", "royalties",
            "signature");
    static final List<String> START = List.of("cash", "satisfaction", "reputation");
    static final List<String> RANGE = List.of("min", "max");
    static final List<String> ROYALTIES = List.of("producer_points", "executive_points", "quarter_weeks",
            "pence_per_stream", "first_week_streams", "half_life_weeks");
    static final List<String> SIGNATURE = List.of("mixes", "bonus");
    static final List<String> CLIENTS_TOP = List.of("types", "clients");
    static final List<String> TYPE = List.of("id", "name", "streams");
    static final List<String> CLIENT = List.of("id", "name", "type");
    static final List<String> JOBS_TOP = List.of("jobs");
    static final List<String> JOB = List.of("id", "title", "brief", "clients", "lessons", "rank", "reputation", "days",
            "fee", "deadline_weeks", "speed_weight", "signature", "release", "xp");

    private CareerDataLoader() {
    }

    /**
     * Loads and checks the three files.
     *
     * @param careerDir   {@code lessons/career}
     * @param rankIds     the ladder's rank ids (salaries name each; a job's rank must be one)
     * @param lessonKinds lesson id → kind id of the lessons there are (a job's lessons must be scenarios)
     * @throws ScriptException with every problem found
     */
    public static CareerData.Files load(Path careerDir, List<String> rankIds, Map<String, String> lessonKinds) {
        List<ScriptProblem> all = new ArrayList<>();
        Problems ep = new Problems(careerDir.resolve("economy.yaml"));
        Optional<CareerData.Economy> economy = economy(ep, rankIds);
        all.addAll(ep.list());
        Problems cp = new Problems(careerDir.resolve("clients.yaml"));
        List<CareerData.ClientType> types = new ArrayList<>();
        List<CareerData.Client> clients = new ArrayList<>();
        clients(cp, types, clients);
        all.addAll(cp.list());
        Problems jp = new Problems(careerDir.resolve("jobs.yaml"));
        Set<String> typeIds = new java.util.HashSet<>();
        types.forEach(t -> typeIds.add(t.id()));
        List<CareerData.JobTemplate> jobs = jobs(jp, typeIds, rankIds, lessonKinds);
        all.addAll(jp.list());
        if (!all.isEmpty() || economy.isEmpty()) {
            if (all.isEmpty()) {
                all.add(new ScriptProblem(ep.file(), 1, 1, "economy.yaml has no figures"));
            }
            throw new ScriptException(all);
        }
        return new CareerData.Files(economy.get(), types, clients, jobs);
    }

    private static Optional<Fields> top(Problems problems, List<String> known) {
        if (!java.nio.file.Files.isRegularFile(problems.file())) {
            problems.atStart("career data file not found: " + problems.file());
            return Optional.empty();
        }
        return SafeYaml.read(problems).flatMap(root -> Fields.of(root, "", known, problems));
    }

    private static long pounds(double v) {
        return Math.round(v * 100);
    }

    private static Optional<CareerData.Span> span(Fields f, String key, NumberRange range) {
        return f.section(key, RANGE, true).map(r -> {
            double min = r.number("min", range);
            double max = r.number("max", range);
            if (max < min) {
                r.value("max").ifPresent(n -> f.problems().at(n, r.name("max") + " must be at least "
                        + r.name("min") + " (" + NumberRange.format(min) + "), found " + NumberRange.format(max)));
            }
            return new CareerData.Span(min, max);
        });
    }

    static Optional<CareerData.Economy> economy(Problems problems, List<String> rankIds) {
        Optional<Fields> top = top(problems, ECONOMY_TOP);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        int before = problems.count();
        Fields f = top.get();
        NumberRange money = NumberRange.atLeast(0);
        NumberRange percent = NumberRange.between(0, 100);
        Fields start = f.section("start", START, true).orElse(Fields.empty(f.node(), "start", problems));
        long cash = pounds(start.number("cash", money));
        double satisfaction = start.number("satisfaction", percent);
        double reputation = start.number("reputation", percent);
        Map<String, Long> salaries = new LinkedHashMap<>();
        f.section("salaries", rankIds, true).ifPresent(s -> {
            for (String rank : rankIds) {
                double v = s.number(rank, NumberRange.above(0));
                salaries.put(rank, pounds(v));
            }
        });
        CareerData.Span dayRate = span(f, "day_rate", NumberRange.above(0)).orElse(new CareerData.Span(0, 0));
        long switchCost = pounds(f.number("switch_cost", money));
        long dryWeek = pounds(f.number("dry_week_cost", money));
        int capacity = f.whole("capacity", NumberRange.between(1, 10));
        int offersPerWeek = f.whole("offers_per_week", NumberRange.between(1, 20));
        int offerWeeks = f.whole("offer_weeks", NumberRange.between(1, 10));
        int graceWeeks = f.whole("grace_weeks", NumberRange.between(0, 10));
        double lostBelow = f.number("lost_below", percent);
        double referralFrom = f.number("referral_from", percent);
        Fields roy = f.section("royalties", ROYALTIES, true).orElse(Fields.empty(f.node(), "royalties", problems));
        NumberRange points = NumberRange.between(0.5, 5);
        CareerData.Span producer = span(roy, "producer_points", points).orElse(new CareerData.Span(0.5, 0.5));
        CareerData.Span executive = span(roy, "executive_points", points).orElse(new CareerData.Span(0.5, 0.5));
        int quarter = roy.whole("quarter_weeks", NumberRange.between(1, 52));
        double perStream = roy.number("pence_per_stream", NumberRange.above(0));
        CareerData.Span streams = span(roy, "first_week_streams", NumberRange.atLeast(0)).orElse(new CareerData.Span(0, 0));
        double halfLife = roy.number("half_life_weeks", NumberRange.above(0));
        Fields sig = f.section("signature", SIGNATURE, true).orElse(Fields.empty(f.node(), "signature", problems));
        int mixes = sig.whole("mixes", NumberRange.between(1, 100));
        double bonus = sig.number("bonus", percent);
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new CareerData.Economy(cash, satisfaction, reputation, salaries,
                new CareerData.Money(pounds(dayRate.min()), pounds(dayRate.max())), switchCost, dryWeek, capacity,
                offersPerWeek, offerWeeks, graceWeeks, lostBelow, referralFrom, producer, executive, quarter,
                perStream, streams, halfLife, mixes, bonus));
    }

    static void clients(Problems problems, List<CareerData.ClientType> types, List<CareerData.Client> clients) {
        Optional<Fields> top = top(problems, CLIENTS_TOP);
        if (top.isEmpty()) {
            return;
        }
        UniqueNames typeIds = new UniqueNames("client type id", problems);
        types.addAll(top.get().list("types", 1, Fields.mapping(TYPE, problems, t -> {
            String id = typeIds.take(t, "id");
            t.value("id").ifPresent(n -> LessonReader.checkId(id, n, t.name("id"), problems));
            return new CareerData.ClientType(id, t.text("name"), t.number("streams", NumberRange.above(0)));
        })));
        UniqueNames clientIds = new UniqueNames("client id", problems);
        clients.addAll(top.get().list("clients", 1, Fields.mapping(CLIENT, problems, c -> {
            String id = clientIds.take(c, "id");
            c.value("id").ifPresent(n -> LessonReader.checkId(id, n, c.name("id"), problems));
            String type = c.text("type");
            c.value("type").ifPresent(n -> {
                if (!type.isEmpty() && !typeIds.contains(type)) {
                    problems.at(n, c.name("type") + " '" + type + "' is not one of the client types listed in types");
                }
            });
            return new CareerData.Client(id, c.text("name"), type);
        })));
        for (CareerData.ClientType t : types) {
            if (clients.stream().noneMatch(c -> c.type().equals(t.id()))) {
                problems.atStart("client type '" + t.id() + "' has no client in clients");
            }
        }
    }

    private static List<String> texts(Fields f, String key) {
        return f.list(key, 1, (node, path) -> Values.text(node, path, f.problems()));
    }

    private static boolean flag(Fields f, String key) {
        Optional<Node> n = f.value(key);
        if (n.isEmpty()) {
            return false;
        }
        Optional<String> v = Values.text(n.get(), f.name(key), f.problems());
        if (v.isPresent() && !v.get().equals("true") && !v.get().equals("false")) {
            f.problems().at(n.get(), f.name(key) + " must be true or false, found '" + v.get() + "'");
        }
        return v.map("true"::equals).orElse(false);
    }

    static List<CareerData.JobTemplate> jobs(Problems problems, Set<String> typeIds, List<String> rankIds,
                                             Map<String, String> lessonKinds) {
        Optional<Fields> top = top(problems, JOBS_TOP);
        if (top.isEmpty()) {
            return List.of();
        }
        UniqueNames ids = new UniqueNames("job id", problems);
        return top.get().list("jobs", 1, Fields.mapping(JOB, problems, j -> {
            String id = ids.take(j, "id");
            j.value("id").ifPresent(n -> LessonReader.checkId(id, n, j.name("id"), problems));
            List<String> types = texts(j, "clients");
            j.value("clients").ifPresent(n -> types.stream().filter(t -> !typeIds.isEmpty() && !typeIds.contains(t))
                    .forEach(t -> problems.at(n, j.name("clients") + " names '" + t + "', not a client type of clients.yaml")));
            List<String> lessons = texts(j, "lessons");
            j.value("lessons").ifPresent(n -> {
                for (String l : lessons) {
                    String kind = lessonKinds.get(l);
                    if (kind == null) {
                        problems.at(n, j.name("lessons") + " names '" + l + "', which is no lesson (see 'lessons list')");
                    } else if (!SCENARIO_KINDS.contains(kind)) {
                        problems.at(n, j.name("lessons") + " names '" + l + "', a " + kind
                                + " lesson; a job is scenarios: mix, takes, arrange or budget");
                    }
                }
            });
            String rank = j.text("rank");
            j.value("rank").ifPresent(n -> {
                if (!rank.isEmpty() && !rankIds.contains(rank)) {
                    problems.at(n, j.name("rank") + " '" + rank + "' is no rank of career.yaml " + rankIds);
                }
            });
            CareerData.Span fee = span(j, "fee", NumberRange.above(0)).orElse(new CareerData.Span(0, 0));
            return new CareerData.JobTemplate(id, j.text("title"), j.text("brief"), types, lessons, rank,
                    j.number("reputation", 0, NumberRange.between(0, 100)), j.whole("days", 0, NumberRange.between(0, 30)),
                    new CareerData.Money(pounds(fee.min()), pounds(fee.max())),
                    j.whole("deadline_weeks", NumberRange.between(1, 26)),
                    j.number("speed_weight", NumberRange.between(0, 1)), flag(j, "signature"), flag(j, "release"),
                    j.whole("xp", NumberRange.between(0, 1000)));
        }));
    }
}
