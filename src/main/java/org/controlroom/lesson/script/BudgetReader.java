package org.controlroom.lesson.script;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a {@code budget:} section. */
final class BudgetReader implements SectionReader {
    static final List<String> FIELDS = List.of("currency", "money", "deadline_days", "songs", "studios",
            "musicians", "mixing", "mastering", "events", "contingency", "min_quality");
    static final List<String> STUDIO = List.of("id", "name", "day_rate", "songs_per_day", "quality", "available");
    static final List<String> MUSICIAN = List.of("id", "name", "day_rate", "quality", "role", "available");
    static final List<String> MIXER = List.of("id", "name", "fee_per_song", "days_per_song", "quality", "from_day");
    static final List<String> MASTERING = List.of("id", "name", "fee_per_song", "days", "quality", "from_day");
    static final List<String> EVENT = List.of("id", "name", "probability", "delay_days", "cost", "day", "responses");
    static final List<String> RESPONSE = List.of("id", "name", "cost", "delay_days", "quality", "drop_songs");
    static final List<String> ROLES = List.of("player", "engineer");

    private static final Pattern RANGE = Pattern.compile("(\\d{1,4})(?:\\s*-\\s*(\\d{1,4}))?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final NumberRange MONEY = NumberRange.atLeast(0);
    private static final NumberRange UNIT = NumberRange.between(0, 1);

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public LessonSection read(Fields f, AssetResolver assets) {
        Problems p = f.problems();
        String currency = f.optionalText("currency").orElse("GBP");
        if (!CURRENCY.matcher(currency).matches()) {
            p.at(f.value("currency").orElseThrow(), f.name("currency")
                    + " must be a 3-letter currency code in capitals (e.g. GBP), found '" + currency + "'");
        }
        double money = f.number("money", NumberRange.above(0));
        int deadline = f.whole("deadline_days", NumberRange.above(0));
        int songs = f.whole("songs", NumberRange.atLeast(1));
        double contingency = f.number("contingency", 0, MONEY);
        double minQuality = f.number("min_quality", 0, UNIT);
        NumberRange dayRange = NumberRange.between(1, Math.max(1, deadline));
        UniqueNames studioIds = new UniqueNames("id", p);
        List<Studio> studios = f.list("studios", 1, Fields.mapping(STUDIO, p, s -> new Studio(
                studioIds.take(s, "id"), s.text("name"), s.number("day_rate", MONEY),
                s.number("songs_per_day", NumberRange.above(0)), s.number("quality", UNIT), available(s, deadline))));
        UniqueNames musicianIds = new UniqueNames("id", p);
        List<Musician> musicians = f.optionalList("musicians", Fields.mapping(MUSICIAN, p, m -> new Musician(
                musicianIds.take(m, "id"), m.text("name"), m.number("day_rate", MONEY),
                m.number("quality", UNIT), role(m), available(m, deadline))));
        UniqueNames mixerIds = new UniqueNames("id", p);
        List<MixEngineer> mixing = f.list("mixing", 1, Fields.mapping(MIXER, p, m -> new MixEngineer(
                mixerIds.take(m, "id"), m.text("name"), m.number("fee_per_song", MONEY),
                m.number("days_per_song", NumberRange.atLeast(0)), m.number("quality", UNIT),
                m.whole("from_day", 1, dayRange))));
        UniqueNames masteringIds = new UniqueNames("id", p);
        List<MasteringEngineer> mastering = f.list("mastering", 1, Fields.mapping(MASTERING, p,
                m -> new MasteringEngineer(masteringIds.take(m, "id"), m.text("name"),
                        m.number("fee_per_song", MONEY), m.number("days", NumberRange.atLeast(0)),
                        m.number("quality", UNIT), m.whole("from_day", 1, dayRange))));
        UniqueNames eventIds = new UniqueNames("id", p);
        int[] order = {0};
        List<BudgetEvent> events = f.optionalList("events", Fields.mapping(EVENT, p, e -> {
            order[0]++;
            UniqueNames responseIds = new UniqueNames("id", p);
            List<EventResponse> responses = e.optionalList("responses", Fields.mapping(RESPONSE, p, r -> new EventResponse(
                    responseIds.take(r, "id"), r.text("name"), r.number("cost", 0, NumberRange.between(-1e9, 1e9)),
                    r.whole("delay_days", 0, NumberRange.between(-365, 365)),
                    r.number("quality", 0, NumberRange.between(-1, 1)), r.whole("drop_songs", 0, NumberRange.between(0, songs)))));
            return new BudgetEvent(eventIds.take(e, "id"), e.text("name"), e.number("probability", UNIT),
                    e.whole("delay_days", 0, NumberRange.atLeast(0)), e.number("cost", 0, MONEY),
                    e.whole("day", Math.min(order[0] + 1, Math.max(1, deadline)), dayRange), responses);
        }));
        return new BudgetSection(currency, money, deadline, songs, studios, musicians, mixing, mastering, events,
                contingency, minQuality);
    }

    private static String role(Fields m) {
        String role = m.optionalText("role").orElse("player");
        if (!ROLES.contains(role)) {
            m.problems().at(m.value("role").orElseThrow(), m.name("role") + " must be player or engineer, found '" + role + "'");
        }
        return role;
    }

    /** {@code available: [1, 2, "5-9"]}: days (1 to the deadline) or ranges of days; absent = every day. */
    private static Availability available(Fields f, int deadline) {
        Optional<Node> n = f.value("available");
        if (n.isEmpty()) {
            return Availability.ALWAYS;
        }
        Problems p = f.problems();
        String where = f.name("available");
        if (!(n.get() instanceof SequenceNode seq)) {
            p.at(n.get(), where + " must be a list of days and ranges, e.g. [1, 2, \"5-9\"], found " + Values.describe(n.get()));
            return Availability.ALWAYS;
        }
        Set<Integer> days = new TreeSet<>();
        for (Node item : seq.getValue()) {
            String text = item instanceof ScalarNode sc ? sc.getValue().strip() : "";
            Matcher m = RANGE.matcher(text);
            if (!m.matches()) {
                p.at(item, where + " holds '" + text + "': give a day number or a range such as \"5-9\"");
                continue;
            }
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (from < 1 || to > deadline || to < from) {
                p.at(item, where + " holds '" + text + "': days run from 1 to the deadline, day " + deadline);
                continue;
            }
            for (int d = from; d <= to; d++) {
                days.add(d);
            }
        }
        return Availability.only(days);
    }
}
