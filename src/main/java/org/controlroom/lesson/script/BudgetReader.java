package org.controlroom.lesson.script;

import java.util.List;
import java.util.regex.Pattern;

/** Reads a {@code budget:} section. */
final class BudgetReader implements SectionReader {
    static final List<String> FIELDS = List.of("currency", "money", "deadline_days", "songs", "studios",
            "musicians", "mixing", "mastering", "events");
    static final List<String> STUDIO = List.of("id", "name", "day_rate", "songs_per_day", "quality");
    static final List<String> MUSICIAN = List.of("id", "name", "day_rate", "quality");
    static final List<String> MIXER = List.of("id", "name", "fee_per_song", "days_per_song", "quality");
    static final List<String> MASTERING = List.of("id", "name", "fee_per_song", "days", "quality");
    static final List<String> EVENT = List.of("id", "name", "probability", "delay_days", "cost");

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
        UniqueNames studioIds = new UniqueNames("id", p);
        List<Studio> studios = f.list("studios", 1, Fields.mapping(STUDIO, p, s -> new Studio(
                studioIds.take(s, "id"), s.text("name"), s.number("day_rate", MONEY),
                s.number("songs_per_day", NumberRange.above(0)), s.number("quality", UNIT))));
        UniqueNames musicianIds = new UniqueNames("id", p);
        List<Musician> musicians = f.optionalList("musicians", Fields.mapping(MUSICIAN, p, m -> new Musician(
                musicianIds.take(m, "id"), m.text("name"), m.number("day_rate", MONEY),
                m.number("quality", UNIT))));
        UniqueNames mixerIds = new UniqueNames("id", p);
        List<MixEngineer> mixing = f.list("mixing", 1, Fields.mapping(MIXER, p, m -> new MixEngineer(
                mixerIds.take(m, "id"), m.text("name"), m.number("fee_per_song", MONEY),
                m.number("days_per_song", NumberRange.atLeast(0)), m.number("quality", UNIT))));
        UniqueNames masteringIds = new UniqueNames("id", p);
        List<MasteringEngineer> mastering = f.list("mastering", 1, Fields.mapping(MASTERING, p,
                m -> new MasteringEngineer(masteringIds.take(m, "id"), m.text("name"),
                        m.number("fee_per_song", MONEY), m.number("days", NumberRange.atLeast(0)),
                        m.number("quality", UNIT))));
        UniqueNames eventIds = new UniqueNames("id", p);
        List<BudgetEvent> events = f.optionalList("events", Fields.mapping(EVENT, p, e -> new BudgetEvent(
                eventIds.take(e, "id"), e.text("name"), e.number("probability", UNIT),
                e.whole("delay_days", 0, NumberRange.atLeast(0)), e.number("cost", 0, MONEY))));
        return new BudgetSection(currency, money, deadline, songs, studios, musicians, mixing, mastering, events);
    }
}
