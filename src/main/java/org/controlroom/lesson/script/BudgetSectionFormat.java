package org.controlroom.lesson.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The budget kind's script format: the {@code budget:} section ({@link BudgetReader}) and its plan
 * file, a calendar of bookings:
 * <pre>
 * budget:
 *   days:                       # day → the studio booked and the people beside it
 *     1: {studio: project-studio, people: [session-drummer]}
 *     2: {studio: project-studio}
 *   mixing: freelance-mix
 *   mastering: mastering-house
 *   responses: {singer-ill: reschedule}   # event → response (its id, or its number in the list)
 * </pre>
 * Instead of {@code days}, the old decisions may be given — {@code studio} and {@code players} — and
 * are booked from day 1 on the days they are free until every song is tracked.
 */
public final class BudgetSectionFormat implements SectionFormat {
    static final List<String> PLAN = List.of("days", "studio", "players", "mixing", "mastering", "responses", "seed",
            "days_run");
    static final List<String> DAY = List.of("studio", "people");

    private final BudgetReader reader = new BudgetReader();

    @Override
    public LessonKind kind() {
        return LessonKind.BUDGET;
    }

    @Override
    public List<String> fields() {
        return reader.fields();
    }

    @Override
    public LessonSection read(SectionInput in) {
        return reader.read(in.fields(), in.assets());
    }

    @Override
    public LessonPlan readPlan(SectionInput in, LessonSection section) {
        BudgetSection s = (BudgetSection) section;
        Problems p = in.problems();
        Optional<Fields> of = Fields.of(in.node(), in.path(), PLAN, p);
        if (of.isEmpty()) {
            return LessonPlan.NONE;
        }
        Fields f = of.get();
        List<String> studioIds = s.studios().stream().map(Studio::id).toList();
        List<String> peopleIds = s.musicians().stream().map(Musician::id).toList();
        TreeMap<Integer, BudgetPlan.DayBooking> days = new TreeMap<>();
        if (f.has("days") && (f.has("studio") || f.has("players"))) {
            p.at(f.keyNode("studio").or(() -> f.keyNode("players")).orElseThrow(), f.name("studio")
                    + " and " + f.name("players") + " book from day 1; give either them or " + f.name("days") + ", not both");
        }
        f.value("days").ifPresent(n -> readDays(n, f.name("days"), s, studioIds, peopleIds, p, days));
        Optional<String> studio = f.optionalText("studio");
        studio.ifPresent(id -> known(f.value("studio").orElseThrow(), f.name("studio"), "studio", id, studioIds, p));
        List<String> players = f.optionalList("players", (n, w) -> Values.text(n, w, p).map(id -> {
            known(n, w, "person", id, peopleIds, p);
            return id;
        }));
        if (!f.has("days") && studio.isPresent() && studioIds.contains(studio.get())
                && players.stream().allMatch(peopleIds::contains)) {
            firstDays(s, studio.get(), players, days);
        } else if (!players.isEmpty() && studio.isEmpty() && !f.has("days")) {
            p.at(f.value("players").orElseThrow(), f.name("players") + " are booked beside a studio: give "
                    + f.name("studio") + " too");
        }
        Optional<String> mixing = f.optionalText("mixing");
        mixing.ifPresent(id -> known(f.value("mixing").orElseThrow(), f.name("mixing"), "mix engineer", id,
                s.mixing().stream().map(MixEngineer::id).toList(), p));
        Optional<String> mastering = f.optionalText("mastering");
        mastering.ifPresent(id -> known(f.value("mastering").orElseThrow(), f.name("mastering"), "mastering engineer",
                id, s.mastering().stream().map(MasteringEngineer::id).toList(), p));
        Map<String, String> responses = new LinkedHashMap<>();
        f.value("responses").ifPresent(n -> readResponses(n, f.name("responses"), s, p, responses));
        Optional<Long> seed = f.value("seed").flatMap(n -> {
            if (n instanceof ScalarNode sc) {
                try {
                    return Optional.of(Long.parseLong(sc.getValue().strip()));
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            p.at(n, f.name("seed") + " must be a whole number, found " + Values.describe(n));
            return Optional.empty();
        });
        int daysRun = f.whole("days_run", 0, NumberRange.between(0, s.deadlineDays() * 4.0));
        return new BudgetPlan(days, mixing, mastering, responses, seed, daysRun);
    }

    /** The old decisions as bookings: the studio (and players) on the first days they are all free. */
    static void firstDays(BudgetSection s, String studioId, List<String> players, Map<Integer, BudgetPlan.DayBooking> days) {
        Studio studio = s.studio(studioId);
        double tracked = 0;
        for (int day = 1; day <= s.deadlineDays() && tracked < s.songs() - 1e-9; day++) {
            if (!studio.available().isFree(day)) {
                continue;
            }
            int d = day;
            List<String> free = players.stream().filter(id -> s.person(id).available().isFree(d)).toList();
            days.put(day, new BudgetPlan.DayBooking(Optional.of(studioId), free));
            tracked += studio.songsPerDay();
        }
    }

    private static void readDays(Node n, String path, BudgetSection s, List<String> studioIds, List<String> peopleIds,
                                 Problems p, Map<Integer, BudgetPlan.DayBooking> days) {
        if (!(n instanceof MappingNode map)) {
            p.at(n, path + " must be a mapping of day number to bookings, e.g. 1: {studio: "
                    + studioIds.get(0) + "}, found " + Values.describe(n));
            return;
        }
        for (NodeTuple t : map.getValue()) {
            String where = path + "." + (t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?");
            Optional<Integer> day = Values.whole(t.getKeyNode(), path + " day", NumberRange.between(1, s.deadlineDays()), p);
            if (day.isEmpty()) {
                continue;
            }
            if (days.containsKey(day.get())) {
                p.at(t.getKeyNode(), "day " + day.get() + " is given twice in " + path);
                continue;
            }
            int d = day.get();
            Fields.of(t.getValueNode(), where, DAY, p).ifPresent(df -> {
                Optional<String> studio = df.optionalText("studio");
                studio.ifPresent(id -> {
                    Node at = df.value("studio").orElseThrow();
                    if (known(at, df.name("studio"), "studio", id, studioIds, p) && !s.studio(id).available().isFree(d)) {
                        p.at(at, s.studio(id).name() + " is not free on day " + d + " (free "
                                + s.studio(id).available().describe() + ")");
                    }
                });
                Set<String> people = new LinkedHashSet<>();
                df.optionalList("people", (pn, w) -> Values.text(pn, w, p).map(id -> {
                    if (known(pn, w, "person", id, peopleIds, p)) {
                        if (!s.person(id).available().isFree(d)) {
                            p.at(pn, s.person(id).name() + " is not free on day " + d + " (free "
                                    + s.person(id).available().describe() + ")");
                        } else if (!people.add(id)) {
                            p.at(pn, "'" + id + "' is booked twice on day " + d);
                        }
                    }
                    return id;
                }));
                days.put(d, new BudgetPlan.DayBooking(studio.filter(studioIds::contains), new ArrayList<>(people)));
            });
        }
    }

    private static void readResponses(Node n, String path, BudgetSection s, Problems p, Map<String, String> out) {
        if (!(n instanceof MappingNode map)) {
            p.at(n, path + " must be a mapping of event id to response, found " + Values.describe(n));
            return;
        }
        List<String> eventIds = s.events().stream().map(BudgetEvent::id).toList();
        for (NodeTuple t : map.getValue()) {
            Optional<String> id = Values.text(t.getKeyNode(), path + " event", p);
            if (id.isEmpty() || !known(t.getKeyNode(), path, "event", id.get(), eventIds, p)) {
                continue;
            }
            if (out.containsKey(id.get())) {
                p.at(t.getKeyNode(), "duplicate key '" + id.get() + "' in " + path);
                continue;
            }
            BudgetEvent e = s.event(id.get());
            List<String> responseIds = e.responses().stream().map(EventResponse::id).toList();
            String where = path + "." + id.get();
            Values.text(t.getValueNode(), where, p).ifPresent(r -> {
                String chosen = r.strip();
                if (chosen.matches("\\d+")) {
                    int k = Integer.parseInt(chosen);
                    if (k >= 1 && k <= responseIds.size()) {
                        chosen = responseIds.get(k - 1);
                    }
                }
                if (known(t.getValueNode(), where, "response", chosen, responseIds, p)) {
                    out.put(id.get(), chosen);
                }
            });
        }
    }

    private static boolean known(Node at, String path, String what, String name, List<String> known, Problems p) {
        if (known.contains(name)) {
            return true;
        }
        p.at(at, "unknown " + what + " '" + name + "' in " + path
                + ClosestName.to(name, known).map(x -> "; did you mean '" + x + "'?").orElse("")
                + (known.isEmpty() ? " (this lesson has none)" : " (this lesson has: " + String.join(", ", known) + ")"));
        return false;
    }

    static Optional<SequenceNode> seq(Node n) {
        return n instanceof SequenceNode s ? Optional.of(s) : Optional.empty();
    }
}
