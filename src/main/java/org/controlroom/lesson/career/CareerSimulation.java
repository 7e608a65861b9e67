package org.controlroom.lesson.career;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.controlroom.lesson.script.CareerData;
import org.controlroom.lesson.script.Rank;

/**
 * The pure career simulation: a {@link CareerEvent.Start} and the actions after it, replayed over the
 * {@link CareerEconomy}, give the {@link CareerState}. Deterministic: no clock, no I/O, every draw from a
 * random generator seeded by the career's seed and what is drawn (the week, the release); the same
 * economy, seed and actions give equal states.
 *
 * <p>The rules, with the figures from the economy's files:
 * <ul>
 * <li>Each week brings {@code offers_per_week} offers, plus one per referral, from clients not lost, of jobs
 *     whose rank the learner has reached and whose reputation the client's type has; a job of a higher rank is
 *     drawn more often (weight: its rank's place in the ladder, from 1), clients pleased before (satisfaction 70+)
 *     three times as often (repeat business), a kind of job already drawn that week a quarter as often. A freelancer picks; an employee's
 *     studio assigns the first offers up to the capacity and the rest go to colleagues.</li>
 * <li>A delivery's satisfaction is the score, less {@code 40 × speed weight} per week late, plus
 *     {@code 5 × speed weight} per week early, plus (minus) the signature bonus for a client who wants one and
 *     gets (misses) it. The client's satisfaction moves 70 % of the way to it; below {@code lost_below} the
 *     client is lost. The client type's reputation moves 20 % of the way to it.</li>
 * <li>Pay (freelance): the fee (or days × the day rate) × quality × lateness. Quality is 0 below a score of
 *     50, then rises linearly from 0.4 at 50 to 1 at 85 and above; lateness is 1 − 0.25 per week late
 *     (0 from four weeks). Both only rise with the score and fall with lateness: a lower score never pays more.</li>
 * <li>A job not delivered {@code grace_weeks} after its due week fails: no pay, the client lost, the type's
 *     reputation down 10.</li>
 * <li>XP: the job's XP × score / 100 for a delivery scoring 50 or more. A release-job delivered with 60 or more
 *     is a credit in the catalogue; a producer's credit carries points from {@code producer_points}, an
 *     executive producer's from {@code executive_points} (by reputation), below them none.</li>
 * <li>At each quarter's end the catalogue's releases with points pay royalties: streams that start at a seeded
 *     point of {@code first_week_streams} (times the client type's factor) and halve every
 *     {@code half_life_weeks}, × {@code pence_per_stream} × points.</li>
 * <li>Ranks: the next rank once its XP, credits and reputation (the best client type's) are all met; never down.</li>
 * </ul>
 */
public final class CareerSimulation {

    /** Repeat business: a client pleased before (this satisfaction or more) is drawn three times as often. */
    static final double REPEAT_FROM = 70;
    static final double LATE_PENALTY = 40;
    static final double EARLY_BONUS = 5;
    static final double CLIENT_MOVE = 0.7;
    static final double REPUTATION_MOVE = 0.2;
    static final double FAIL_REPUTATION = 10;
    static final double PAID_FROM = 50;
    static final double FULL_PAY_FROM = 85;
    static final double RELEASE_FROM = 60;

    private final CareerEconomy economy;
    private final CareerData.Economy fig;

    private long seed;
    private int week;
    private CareerPath path;
    private long cash;
    private final Map<String, Double> reputation = new LinkedHashMap<>();
    private final Map<String, ClientStanding> clients = new LinkedHashMap<>();
    private final List<Offer> offers = new ArrayList<>();
    private final List<Job> jobs = new ArrayList<>();
    private final List<LedgerEntry> ledger = new ArrayList<>();
    private final List<Release> catalogue = new ArrayList<>();
    private final List<String> referrals = new ArrayList<>();
    private int rankIndex;
    private double xp;
    private int drawn;
    private boolean started;
    private int actions;
    private final Map<String, Integer> bookedAt = new LinkedHashMap<>();

    public CareerSimulation(CareerEconomy economy) {
        this.economy = economy;
        this.fig = economy.figures();
    }

    /** Replays a whole log (its first event a Start). */
    public static CareerState replay(CareerEconomy economy, List<CareerEvent> events) {
        CareerSimulation sim = new CareerSimulation(economy);
        for (CareerEvent e : events) {
            sim.apply(e);
        }
        return sim.state();
    }

    /**
     * Applies one action.
     *
     * @throws CareerException when it cannot be done now (nothing changed then)
     */
    public void apply(CareerEvent event) {
        if (event instanceof CareerEvent.Start s) {
            start(s.seed(), s.path());
        } else if (!started) {
            throw new CareerException("no career yet: run career start");
        } else if (event instanceof CareerEvent.Take t) {
            take(t.offerId());
        } else if (event instanceof CareerEvent.Decline d) {
            decline(d.offerId());
        } else if (event instanceof CareerEvent.Deliver d) {
            deliver(d.jobId(), d.score(), d.signature());
        } else if (event instanceof CareerEvent.Week) {
            endWeek();
        } else if (event instanceof CareerEvent.Switch s) {
            switchPath(s.path());
        }
        actions++;
    }

    /** Whether a Start has been applied. */
    public boolean started() {
        return started;
    }

    /**
     * For each job, the index (0-based, in the order applied) of the action that booked it: its Take, or for a
     * studio's job the Start, Week or Switch that assigned it.
     */
    public Map<String, Integer> bookedAtAction() {
        return Map.copyOf(bookedAt);
    }

    // ---- the actions ----

    private void start(long seed, CareerPath path) {
        if (started) {
            throw new CareerException("a career has started already");
        }
        this.seed = seed;
        this.path = path;
        this.week = 0;
        this.cash = 0;
        for (CareerData.ClientType t : economy.clientTypes()) {
            reputation.put(t.id(), fig.startReputation());
        }
        for (CareerData.Client c : economy.clients()) {
            clients.put(c.id(), new ClientStanding(c.id(), c.name(), c.type(), fig.startSatisfaction(), 0, false));
        }
        started = true;
        if (fig.startCashPence() != 0) {
            cash += fig.startCashPence();
        }
        drawOffers();
    }

    private Offer openOffer(String offerId) {
        if (path == CareerPath.EMPLOYED) {
            throw new CareerException("the studio assigns your jobs while you are employed: run career switch freelance"
                    + " to pick your own");
        }
        return offers.stream().filter(o -> o.id().equals(offerId)).findFirst().orElseThrow(() -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("w(\\d{1,6})-\\d+b*").matcher(offerId);
            boolean wasOffered = m.matches() && Integer.parseInt(m.group(1)) < week;
            if (jobs.stream().anyMatch(j -> j.id().equals(offerId))) {
                return new CareerException("offer " + offerId + " is taken already (see career status)");
            }
            return new CareerException(wasOffered ? "offer " + offerId + " expired or is not open (see career offers)"
                    : "no offer " + offerId + " (see career offers)");
        });
    }

    private void take(String offerId) {
        Offer o = openOffer(offerId);
        int booked = (int) jobs.stream().filter(j -> j.status() == JobStatus.BOOKED).count();
        if (booked >= fig.capacity()) {
            throw new CareerException("your calendar is full: " + booked + " job" + (booked == 1 ? "" : "s")
                    + " booked (at most " + fig.capacity() + "); deliver first (play its lessons), then take more");
        }
        book(o);
    }

    private void book(Offer o) {
        offers.remove(o);
        jobs.add(new Job(o.id(), o, week, week + o.deadlineWeeks(), JobStatus.BOOKED, null, null, 0));
        bookedAt.put(o.id(), actions);
    }

    private void decline(String offerId) {
        offers.remove(openOffer(offerId));
    }

    private void switchPath(CareerPath to) {
        if (to == path) {
            throw new CareerException("you are " + to.word() + " already");
        }
        path = to;
        pay(LedgerKind.PATH_SWITCH, -fig.switchCostPence(), "switched to " + to.word());
        offers.clear();
        if (to == CareerPath.FREELANCE) {
            drawOffers();
        }
    }

    /** Pay at a score: the fee × quality × lateness (monotonic: never more for a lower score or a later week). */
    public static long pay(long feePence, double score, int weeksLate) {
        double quality = score < PAID_FROM ? 0
                : Math.min(1, 0.4 + 0.6 * (score - PAID_FROM) / (FULL_PAY_FROM - PAID_FROM));
        double lateness = Math.max(0, 1 - 0.25 * Math.max(0, weeksLate));
        return Math.round(feePence * quality * lateness);
    }

    private void deliver(String jobId, double score, boolean signature) {
        int i = indexOfJob(jobId);
        if (i < 0) {
            throw new CareerException("no job " + jobId + " (see career status)");
        }
        Job j = jobs.get(i);
        if (j.status() != JobStatus.BOOKED) {
            throw new CareerException("job " + jobId + " is " + j.status().name().toLowerCase(Locale.ROOT) + " already");
        }
        if (!(score >= 0 && score <= 100)) {
            throw new CareerException("a score is 0-100, not " + score);
        }
        Offer o = j.offer();
        int late = Math.max(0, week - j.dueWeek());
        int early = Math.max(0, j.dueWeek() - week);
        double sat = score - LATE_PENALTY * o.speedWeight() * late + EARLY_BONUS * o.speedWeight() * early;
        if (o.wantsSignature()) {
            sat += signature ? fig.signatureBonus() : -fig.signatureBonus();
        }
        final double jobSat = clamp(sat);
        long paid = path == CareerPath.FREELANCE ? pay(o.feePence(), score, late) : 0;
        JobStatus status = late > 0 ? JobStatus.LATE : JobStatus.DELIVERED;
        jobs.set(i, new Job(j.id(), o, j.takenWeek(), j.dueWeek(), status, score, week, paid));
        ClientStanding c = clients.get(o.clientId());
        if (c != null) {
            double s = clamp(c.satisfaction() + CLIENT_MOVE * (jobSat - c.satisfaction()));
            boolean lost = c.lost() || s < fig.lostBelow();
            clients.put(c.id(), new ClientStanding(c.id(), c.name(), c.type(), s, c.jobsDone() + 1, lost));
            if (lost) {
                offers.removeIf(x -> x.clientId().equals(c.id()));   // a lost client withdraws their offers
            }
            reputation.computeIfPresent(c.type(), (t, r) -> clamp(r + REPUTATION_MOVE * (jobSat - r)));
        }
        Optional<CareerData.JobTemplate> template = templateOf(o);
        if (paid != 0) {
            boolean byDay = template.map(t -> t.days() > 0).orElse(false);
            pay(byDay ? LedgerKind.DAY_RATE : LedgerKind.FEE, paid, String.format(Locale.ROOT, "%s for %s (score %.0f%s)",
                    o.title(), clientName(o.clientId()), score, late > 0 ? ", " + late + " week" + (late == 1 ? "" : "s")
                            + " late" : ""));
        }
        if (score >= PAID_FROM) {
            xp += template.map(CareerData.JobTemplate::xp).orElse(0) * score / 100.0;
        }
        if (template.map(CareerData.JobTemplate::release).orElse(false) && score >= RELEASE_FROM) {
            double rep = c == null ? 0 : reputation.getOrDefault(c.type(), 0.0);
            int top = economy.ladder().ranks().size() - 1;
            double points = rankIndex == top ? fig.executivePoints().at(rep / 100)
                    : rankIndex == top - 1 ? fig.producerPoints().at(rep / 100) : 0;
            catalogue.add(new Release(j.id(), o.title() + " (" + clientName(o.clientId()) + ")", o.clientId(), week,
                    Math.round(points * 100) / 100.0, 0));
        }
        if (jobSat >= fig.referralFrom() && c != null) {
            referral(c.id(), j.id());
        }
        promote();
    }

    private void referral(String fromClient, String jobId) {
        List<ClientStanding> others = clients.values().stream()
                .filter(x -> !x.lost() && !x.id().equals(fromClient)).toList();
        if (others.isEmpty()) {
            return;
        }
        List<ClientStanding> fresh = others.stream().filter(x -> x.jobsDone() == 0).toList();
        List<ClientStanding> pool = fresh.isEmpty() ? others : fresh;
        SplittableRandom r = random("referral", jobId.hashCode());
        referrals.add(pool.get(r.nextInt(pool.size())).id());
    }

    private void endWeek() {
        int w = week;
        if (path == CareerPath.EMPLOYED) {
            String rankId = economy.ladder().ranks().get(rankIndex).id();
            // a 52nd of the year, the pence spread so that 52 weeks add up to the year's salary exactly
            long year = economy.salaryPence(rankId);
            int k = w % 52;
            pay(LedgerKind.SALARY, year * (k + 1) / 52 - year * k / 52, "salary, week " + w + " ("
                    + economy.ladder().ranks().get(rankIndex).name() + ")");
        } else {
            boolean booked = jobs.stream().anyMatch(j -> j.status() != JobStatus.FAILED && w >= j.takenWeek()
                    && w <= (j.deliveredWeek() != null ? j.deliveredWeek() : j.dueWeek()));
            if (!booked && fig.dryWeekPence() > 0) {
                pay(LedgerKind.DRY_WEEK, -fig.dryWeekPence(), "dry week " + w + ": no job booked");
            }
        }
        if ((w + 1) % fig.quarterWeeks() == 0) {
            royalties(w);
        }
        week = w + 1;
        for (int i = 0; i < jobs.size(); i++) {
            Job j = jobs.get(i);
            if (j.status() == JobStatus.BOOKED && week > j.dueWeek() + fig.graceWeeks()) {
                jobs.set(i, new Job(j.id(), j.offer(), j.takenWeek(), j.dueWeek(), JobStatus.FAILED, null, null, 0));
                ClientStanding c = clients.get(j.offer().clientId());
                if (c != null) {
                    clients.put(c.id(), new ClientStanding(c.id(), c.name(), c.type(), 0, c.jobsDone(), true));
                    offers.removeIf(x -> x.clientId().equals(c.id()));
                    reputation.computeIfPresent(c.type(), (t, r) -> clamp(r - FAIL_REPUTATION));
                }
            }
        }
        offers.removeIf(o -> o.expiresWeek() <= week);
        drawOffers();
        promote();
    }

    /** Streams of a release in its {@code age}-th week (0 = the week released). */
    double streams(Release r, int age) {
        SplittableRandom rnd = random("streams", r.id().hashCode());
        double first = fig.firstWeekStreams().at(rnd.nextDouble());
        double factor = economy.client(r.clientId()).flatMap(c -> economy.clientType(c.type()))
                .map(CareerData.ClientType::streamsFactor).orElse(1.0);
        return first * factor * Math.pow(0.5, age / fig.halfLifeWeeks());
    }

    private void royalties(int lastWeek) {
        int firstWeek = lastWeek + 1 - fig.quarterWeeks();
        long total = 0;
        int paying = 0;
        for (int i = 0; i < catalogue.size(); i++) {
            Release r = catalogue.get(i);
            if (r.points() <= 0) {
                continue;
            }
            double streams = 0;
            for (int w = Math.max(firstWeek, r.releasedWeek()); w <= lastWeek; w++) {
                streams += streams(r, w - r.releasedWeek());
            }
            long pence = Math.round(streams * fig.penceperStream() * r.points() / 100.0);
            if (pence > 0) {
                catalogue.set(i, new Release(r.id(), r.title(), r.clientId(), r.releasedWeek(), r.points(),
                        r.royaltiesPence() + pence));
                total += pence;
                paying++;
            }
        }
        if (total > 0) {
            pay(LedgerKind.ROYALTY, total, "royalties, quarter " + ((lastWeek + 1) / fig.quarterWeeks()) + ": "
                    + paying + " release" + (paying == 1 ? "" : "s"));
        }
    }

    private void drawOffers() {
        List<CareerData.JobTemplate> fit = economy.jobs().stream()
                .filter(t -> economy.ladder().indexOf(t.rank()) <= rankIndex).toList();
        List<String[]> pairs = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (CareerData.JobTemplate t : fit) {
            for (ClientStanding c : clients.values()) {
                if (!c.lost() && t.clientTypes().contains(c.type())
                        && reputation.getOrDefault(c.type(), 0.0) >= t.reputation()) {
                    pairs.add(new String[] {t.id(), c.id()});
                    double weight = (1 + economy.ladder().indexOf(t.rank()))
                            * (c.jobsDone() > 0 && c.satisfaction() >= REPEAT_FROM ? 3 : 1);
                    weights.add(weight);
                }
            }
        }
        SplittableRandom r = random("offers", week * 7919L + drawn);
        int n = fig.offersPerWeek();
        List<String> referred = new ArrayList<>(referrals);
        referrals.clear();
        List<Offer> drawnNow = new ArrayList<>();
        for (int k = 0; k < n + referred.size() && !pairs.isEmpty(); k++) {
            int pick = -1;
            if (k >= n) {
                String client = referred.get(k - n);
                List<Integer> theirs = new ArrayList<>();
                for (int p = 0; p < pairs.size(); p++) {
                    if (pairs.get(p)[1].equals(client)) {
                        theirs.add(p);
                    }
                }
                if (theirs.isEmpty()) {
                    continue;
                }
                pick = theirs.get(r.nextInt(theirs.size()));
            } else {
                double sum = weights.stream().mapToDouble(Double::doubleValue).sum();
                double at = r.nextDouble() * sum;
                for (int p = 0; p < pairs.size(); p++) {
                    at -= weights.get(p);
                    if (at < 0) {
                        pick = p;
                        break;
                    }
                }
                if (pick < 0) {
                    pick = pairs.size() - 1;
                }
            }
            CareerData.JobTemplate t = economy.job(pairs.get(pick)[0]).orElseThrow();
            CareerData.Client client = economy.client(pairs.get(pick)[1]).orElseThrow();
            double rep = reputation.getOrDefault(client.type(), 0.0);
            long fee = t.days() > 0 ? t.days() * economy.dayRatePence(rep)
                    : t.fee().at(0.5 * r.nextDouble() + 0.5 * rep / 100);
            drawn++;
            String id = "w" + week + "-" + (drawnNow.size() + 1);
            while (idTaken(id)) {
                id = id + "b";
            }
            drawnNow.add(new Offer(id, client.id(), t.title(), t.brief(), t.lessonIds(), fee, t.deadlineWeeks(), week,
                    week + fig.offerWeeks(), t.speedWeight(), t.signature()));
            String drawnTemplate = pairs.get(pick)[0];
            pairs.remove(pick);
            weights.remove(pick);
            for (int p = 0; p < pairs.size(); p++) {
                if (pairs.get(p)[0].equals(drawnTemplate)) {
                    weights.set(p, weights.get(p) / 4);   // the same kind of job twice in a week is rarer
                }
            }
        }
        if (path == CareerPath.EMPLOYED) {
            for (Offer o : drawnNow) {
                long booked = jobs.stream().filter(j -> j.status() == JobStatus.BOOKED).count();
                if (booked >= fig.capacity()) {
                    break;
                }
                jobs.add(new Job(o.id(), o, week, week + o.deadlineWeeks(), JobStatus.BOOKED, null, null, 0));
                bookedAt.put(o.id(), actions);
            }
        } else {
            offers.addAll(drawnNow);
        }
    }

    private boolean idTaken(String id) {
        return offers.stream().anyMatch(o -> o.id().equals(id)) || jobs.stream().anyMatch(j -> j.id().equals(id));
    }

    private void promote() {
        List<Rank> ranks = economy.ladder().ranks();
        while (rankIndex + 1 < ranks.size()) {
            Rank next = ranks.get(rankIndex + 1);
            if (xp + 1e-9 >= next.xp() && catalogue.size() >= next.credits() && bestReputation() + 1e-9 >= next.reputation()) {
                rankIndex++;
            } else {
                break;
            }
        }
    }

    private double bestReputation() {
        return reputation.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private void pay(LedgerKind kind, long pence, String memo) {
        ledger.add(new LedgerEntry(week, kind, pence, memo));
        cash += pence;
    }

    private Optional<CareerData.JobTemplate> templateOf(Offer o) {
        return economy.jobs().stream().filter(t -> t.title().equals(o.title()) && t.lessonIds().equals(o.lessonIds()))
                .findFirst();
    }

    private String clientName(String id) {
        ClientStanding c = clients.get(id);
        return c == null ? id : c.name();
    }

    private int indexOfJob(String id) {
        for (int i = 0; i < jobs.size(); i++) {
            if (jobs.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private SplittableRandom random(String what, long salt) {
        long h = seed * 0x9E3779B97F4A7C15L + what.hashCode() * 0xC2B2AE3D27D4EB4FL + salt * 0x165667B19E3779F9L;
        return new SplittableRandom(h);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(100, v));
    }

    /** The state now. */
    public CareerState state() {
        if (!started) {
            throw new CareerException("no career yet: run career start");
        }
        List<Rank> ranks = economy.ladder().ranks();
        Optional<RankProgress> next = rankIndex + 1 < ranks.size()
                ? Optional.of(new RankProgress(ranks.get(rankIndex + 1).id(), ranks.get(rankIndex + 1).xp(), (int) Math.floor(xp + 1e-9),
                ranks.get(rankIndex + 1).credits(), catalogue.size(), ranks.get(rankIndex + 1).reputation(),
                Math.round(bestReputation() * 10) / 10.0))
                : Optional.empty();
        Map<String, Double> rep = new LinkedHashMap<>();
        reputation.forEach((k, v) -> rep.put(k, Math.round(v * 10) / 10.0));
        List<ClientStanding> cs = clients.values().stream().map(c -> new ClientStanding(c.id(), c.name(), c.type(),
                Math.round(c.satisfaction() * 10) / 10.0, c.jobsDone(), c.lost())).toList();
        return new CareerState(seed, week, path, cash, rep, cs, offers, jobs, ledger, catalogue, ranks.get(rankIndex).id(),
                (int) Math.floor(xp + 1e-9), next, Optional.empty());
    }
}
