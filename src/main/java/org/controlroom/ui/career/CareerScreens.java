package org.controlroom.ui.career;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.swing.JComponent;
import javax.swing.SwingUtilities;

import org.controlroom.lesson.career.CalendarWeek;
import org.controlroom.lesson.career.CareerException;
import org.controlroom.lesson.career.CareerPath;
import org.controlroom.lesson.career.CareerService;
import org.controlroom.lesson.career.CareerState;
import org.controlroom.lesson.career.ClientStanding;
import org.controlroom.lesson.career.Job;
import org.controlroom.lesson.career.JobStatus;
import org.controlroom.lesson.career.LedgerKind;
import org.controlroom.lesson.career.Offer;
import org.controlroom.lesson.career.Signature;
import org.controlroom.lesson.career.WeekIncome;
import org.controlroom.lesson.script.CareerLadder;
import org.controlroom.lesson.script.Lesson;
import org.controlroom.lesson.script.LessonCatalog;
import org.controlroom.lesson.script.Rank;
import org.controlroom.store.StoreException;
import org.controlroom.ui.text.Texts;

/**
 * The career dashboard's controller: every call to the career service runs on the window's worker, the
 * dashboard is redrawn on the event thread with the state it returned (or what went wrong, in words).
 */
public final class CareerScreens {

    /** What the dashboard works on, handed over on the worker; empty when no learner is chosen. */
    public record Context(CareerService service, long learnerId, String learnerName, LessonCatalog catalog,
            Optional<CareerLadder> ladder) {
        long switchCostPence() {
            return service.economy().figures().switchCostPence();
        }

        /** A client type's name from the economy ("solo artist"), else its id. */
        String typeName(String id) {
            return service.economy().clientType(id).map(t -> t.name()).orElse(id);
        }
    }

    /** Weeks the calendar shows from the current one. */
    static final int CALENDAR_WEEKS = 8;

    private final Consumer<Runnable> work;
    private final Supplier<Optional<Context>> context;
    private final CareerPanel panel;

    /**
     * @param play asked on the event thread to open a lesson of a booked job in the practice screen
     */
    public CareerScreens(Consumer<Runnable> work, Supplier<Optional<Context>> context, Runnable back,
            BiConsumer<String, String> play) {
        this.work = work;
        this.context = context;
        this.panel = new CareerPanel(new CareerPanel.Actions() {
            @Override
            public void start(OptionalLong seed, boolean freelance) {
                long s = seed.orElseGet(() -> new java.util.Random().nextLong() & 0xffff_ffffL);
                CareerPath path = freelance ? CareerPath.FREELANCE : CareerPath.EMPLOYED;
                change(c -> {
                    c.service().start(c.learnerId(), s, path);
                    return Texts.get("career.started", Long.toString(s), pathName(path));
                });
            }

            @Override
            public void take(String offerId) {
                change(c -> {
                    String title = offerTitle(c, offerId);
                    CareerState st = c.service().take(c.learnerId(), offerId);
                    int due = st.jobs().stream().filter(j -> j.offer().id().equals(offerId))
                            .mapToInt(Job::dueWeek).max().orElse(st.week());
                    return Texts.get("career.taken", title, due);
                });
            }

            @Override
            public void decline(String offerId) {
                change(c -> {
                    String title = offerTitle(c, offerId);
                    c.service().decline(c.learnerId(), offerId);
                    return Texts.get("career.declined", title);
                });
            }

            @Override
            public void nextWeek() {
                change(c -> Texts.get("career.advanced", c.service().week(c.learnerId()).week()));
            }

            @Override
            public void switchPath() {
                change(c -> {
                    CareerState now = c.service().state(c.learnerId())
                            .orElseThrow(() -> new CareerException(Texts.get("career.empty.none", c.learnerName())));
                    CareerPath to = other(now.path());
                    c.service().switchPath(c.learnerId(), to);
                    return Texts.get("career.switched", pathName(to));
                });
            }

            @Override
            public void play(String jobId, String lessonId) {
                play.accept(jobId, lessonId);
            }

            @Override
            public void back() {
                back.run();
            }
        });
    }

    public JComponent screen() {
        return panel;
    }

    /** The dashboard (tests). */
    public CareerPanel panel() {
        return panel;
    }

    @FunctionalInterface
    private interface Change {
        String run(Context c);
    }

    /** A career action on the worker; then the dashboard read again with what it said. */
    private void change(Change action) {
        work.accept(() -> {
            Optional<Context> c = context();
            if (c == null) {
                return;
            }
            if (c.isEmpty()) {
                ui(() -> panel.showEmpty(Texts.get("career.empty.noLearner")));
                return;
            }
            String said;
            try {
                said = action.run(c.get());
            } catch (CareerException | StoreException e) {
                said = e.getMessage();
            } catch (RuntimeException e) {
                said = Texts.get("career.error", String.valueOf(e.getMessage()));
            }
            show(c.get(), said);
        });
    }

    /** Reads the learner's career (syncing delivered jobs) and redraws the dashboard (on the worker). */
    public void load(String status) {
        work.accept(() -> {
            Optional<Context> c = context();
            if (c == null) {
                return;
            }
            if (c.isEmpty()) {
                ui(() -> panel.showEmpty(Texts.get("career.empty.noLearner")));
                return;
            }
            show(c.get(), status);
        });
    }

    /** The context, or null when it could not be made (the economy's files wrong): then said on the dashboard. */
    private Optional<Context> context() {
        try {
            return context.get();
        } catch (RuntimeException e) {
            String said = Texts.get("career.error", String.valueOf(e.getMessage()));
            ui(() -> panel.showEmpty(said));
            return null;
        }
    }

    private void show(Context c, String status) {
        try {
            Optional<CareerState> st = c.service().state(c.learnerId());
            if (st.isEmpty()) {
                ui(() -> panel.showEmpty(status.isEmpty() ? Texts.get("career.empty.none", c.learnerName()) : status));
                return;
            }
            CareerPanel.View v = view(c, st.get());
            ui(() -> {
                panel.show(v);
                panel.showStatus(status);
            });
        } catch (CareerException | StoreException e) {
            String said = e.getMessage();
            ui(() -> panel.showStatus(said));
        }
    }

    /** The home card's line for the learner's career, or null when there is none (on the worker). */
    public static String homeLine(Context c) {
        Optional<CareerState> st = c.service().state(c.learnerId());
        if (st.isEmpty()) {
            return null;
        }
        CareerState s = st.get();
        long booked = s.jobs().stream().filter(j -> j.status() == JobStatus.BOOKED).count();
        return Texts.get("career.home.body", s.week(), pathName(s.path()), money(s.cashPence()),
                s.offers().size(), booked);
    }

    // ---- the state as the dashboard shows it ----

    static CareerPanel.View view(Context c, CareerState s) {
        CareerPath to = other(s.path());
        CareerPanel.Summary summary = new CareerPanel.Summary(s.week(), pathName(s.path()), money(s.cashPence()),
                rankName(c, s.rank()), pathName(to).toLowerCase(Locale.ROOT), money(c.switchCostPence()),
                s.path() == CareerPath.FREELANCE);
        Optional<CareerPanel.NextRank> next = s.nextRank().map(n -> new CareerPanel.NextRank(rankName(c, n.rankId()),
                n.xpHave(), n.xpNeeded(), n.creditsHave(), n.creditsNeeded(), n.reputationHave(), n.reputationNeeded()));
        List<CareerPanel.Reputation> rep = s.reputation().entrySet().stream()
                .map(e -> new CareerPanel.Reputation(c.typeName(e.getKey()), e.getValue())).toList();
        List<CareerPanel.OfferRow> offers = new ArrayList<>();
        for (Offer o : s.offers()) {
            Optional<ClientStanding> client = client(s, o.clientId());
            offers.add(new CareerPanel.OfferRow(o.id(), client.map(ClientStanding::name).orElse(o.clientId()),
                    client.map(k -> c.typeName(k.type())).orElse(""), o.title(), o.brief(), money(o.feePence()),
                    Texts.get("career.offers.weeks", o.deadlineWeeks()), cares(o),
                    Texts.get("career.offers.expiresWeek", o.expiresWeek())));
        }
        List<CareerPanel.JobRow> jobs = new ArrayList<>();
        List<Job> all = new ArrayList<>(s.jobs());
        // booked work first (soonest due), then the rest newest first
        all.sort(Comparator.comparing((Job j) -> j.status() != JobStatus.BOOKED)
                .thenComparing(j -> j.status() == JobStatus.BOOKED ? j.dueWeek() : -j.dueWeek()));
        for (Job j : all) {
            Offer o = j.offer();
            List<CareerPanel.LessonRef> lessons = o.lessonIds().stream()
                    .map(id -> new CareerPanel.LessonRef(id, c.catalog().lesson(id).map(Lesson::title).orElse(id)))
                    .toList();
            jobs.add(new CareerPanel.JobRow(j.id(), client(s, o.clientId()).map(ClientStanding::name)
                    .orElse(o.clientId()), o.title(), lessons, Texts.get("career.jobs.due", j.dueWeek()),
                    statusName(j.status()), j.score() == null ? "" : String.format(Locale.ROOT, "%.0f", j.score()),
                    j.status() == JobStatus.BOOKED ? "" : money(j.paidPence()),
                    j.status() == JobStatus.BOOKED && !lessons.isEmpty()));
        }
        List<CareerPanel.CalendarWeek> calendar = new ArrayList<>();
        for (CalendarWeek w : s.calendar(s.week(), CALENDAR_WEEKS)) {
            List<String> lines = new ArrayList<>();
            for (String id : w.jobIds()) {
                s.job(id).ifPresent(j -> lines.add(Texts.get(j.dueWeek() == w.week() ? "career.calendar.due"
                        : "career.calendar.booked", j.offer().title())));
            }
            calendar.add(new CareerPanel.CalendarWeek(w.week(), lines));
        }
        List<CareerPanel.LedgerRow> ledger = s.ledger().stream().map(l -> new CareerPanel.LedgerRow(l.week(),
                kindName(l.kind()), money(l.amountPence()), l.memo())).toList();
        List<CareerPanel.IncomeWeek> income = income(s);
        List<CareerPanel.ReleaseRow> catalogue = s.catalogue().stream().map(r -> new CareerPanel.ReleaseRow(r.title(),
                client(s, r.clientId()).map(ClientStanding::name).orElse(r.clientId()), r.releasedWeek(),
                String.format(Locale.ROOT, "%.1f %%", r.points()), money(r.royaltiesPence()))).toList();
        List<String> signature = s.signature().map(sig -> sig.traits().stream().map(t -> "\u2022 " + t.words())
                .toList()).orElse(List.of());
        String signatureSummary = s.signature().map(Signature::summary).orElse("");
        return new CareerPanel.View(summary, next, rep, offers, jobs, calendar, ledger, income, catalogue, signature,
                signatureSummary);
    }

    /** Money per week (the state's own sums): salary; fees and day rates; royalties; costs (negative), in pounds. */
    static List<CareerPanel.IncomeWeek> income(CareerState s) {
        List<CareerPanel.IncomeWeek> out = new ArrayList<>();
        for (WeekIncome w : s.incomeByWeek()) {
            out.add(new CareerPanel.IncomeWeek(w.week(), w.salaryPence() / 100.0, w.feesPence() / 100.0,
                    w.royaltiesPence() / 100.0, w.costsPence() / 100.0));
        }
        return out;
    }

    private static Optional<ClientStanding> client(CareerState s, String id) {
        return s.client(id);
    }

    private static String offerTitle(Context c, String offerId) {
        return c.service().state(c.learnerId()).flatMap(s -> s.offers().stream().filter(o -> o.id().equals(offerId))
                .findFirst()).map(Offer::title).orElse(offerId);
    }

    private static String cares(Offer o) {
        int speed = (int) Math.round(o.speedWeight() * 100);
        String text = speed >= 50 ? Texts.get("career.offers.cares.speed", speed)
                : Texts.get("career.offers.cares.polish", 100 - speed);
        return o.wantsSignature() ? text + Texts.get("career.offers.cares.signature") : text;
    }

    private static String rankName(Context c, String id) {
        return c.ladder().flatMap(l -> l.ranks().stream().filter(r -> r.id().equals(id)).map(Rank::name).findFirst())
                .orElse(id);
    }

    static CareerPath other(CareerPath p) {
        return p == CareerPath.EMPLOYED ? CareerPath.FREELANCE : CareerPath.EMPLOYED;
    }

    static String pathName(CareerPath p) {
        return Texts.get(p == CareerPath.EMPLOYED ? "career.path.employed" : "career.path.freelance");
    }

    private static String statusName(JobStatus s) {
        return s.name().charAt(0) + s.name().substring(1).toLowerCase(Locale.ROOT);
    }

    private static String kindName(LedgerKind k) {
        return k.name().replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    /** Pence as pounds: £1,234.50, −£250.00. */
    public static String money(long pence) {
        NumberFormat f = NumberFormat.getCurrencyInstance(Locale.UK);
        String s = f.format(java.math.BigDecimal.valueOf(Math.abs(pence), 2));
        return pence < 0 ? "\u2212" + s : s;
    }

    private static void ui(Runnable r) {
        SwingUtilities.invokeLater(r);
    }
}
