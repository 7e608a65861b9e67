package org.controlroom.lesson.career;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.controlroom.store.AttemptSummary;
import org.controlroom.store.CareerAction;
import org.controlroom.store.LearnerStore;

/**
 * Career mode for the window and the command line: each action is checked against the replayed state,
 * appended to the learner's log in the store (one committed row), and the new state returned. The state
 * is never stored: it is the replay of the log ({@link CareerSimulation}), so a crash loses at most the
 * action being written. Built like {@code lesson.tutor.TutorDesk}: from the open store, the economy
 * (loaded from the lessons folder) and a clock (kept only as the actions' record; replay never reads it).
 */
public final class CareerService {

    private final LearnerStore store;
    private final CareerEconomy economy;
    private final Clock clock;

    public CareerService(LearnerStore store, CareerEconomy economy, Clock clock) {
        this.store = store;
        this.economy = economy;
        this.clock = clock;
    }

    public CareerEconomy economy() {
        return economy;
    }

    /**
     * The learner's career now, after {@linkplain #sync delivering} any booked job whose lessons they have
     * finished since taking it; empty without a career.
     */
    public Optional<CareerState> state(long learnerId) {
        if (store.careers().actions(learnerId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(sync(learnerId));
    }

    /**
     * Starts a career (a learner's earlier career, if any, is replaced).
     *
     * @param seed the career's seed: the same seed and the same actions replay identically
     */
    public CareerState start(long learnerId, long seed, CareerPath path) {
        CareerEvent start = new CareerEvent.Start(seed, path);
        CareerSimulation sim = new CareerSimulation(economy);
        sim.apply(start);
        store.careers().begin(learnerId, stamped(start));
        return withSignature(learnerId, sim.state());
    }

    /**
     * Takes an open offer: it becomes a booked job, due {@code deadlineWeeks} after this week.
     *
     * @throws CareerException without a career, for an unknown or expired offer, while employed (the studio
     *                         assigns the jobs), or with the calendar full
     */
    public CareerState take(long learnerId, String offerId) {
        return act(learnerId, new CareerEvent.Take(offerId));
    }

    /**
     * Declines an open offer.
     *
     * @throws CareerException without a career, for an unknown or expired offer, or while employed
     */
    public CareerState decline(long learnerId, String offerId) {
        return act(learnerId, new CareerEvent.Decline(offerId));
    }

    /**
     * Ends the current week (after delivering what the learner has finished): salary (employed) or a dry
     * week's cost (freelance, no job booked), royalties at each quarter's end, overdue jobs failed, new offers.
     *
     * @throws CareerException without a career
     */
    public CareerState week(long learnerId) {
        return act(learnerId, new CareerEvent.Week());
    }

    /**
     * Changes path, paying the economy's switch cost.
     *
     * @throws CareerException without a career, or when already on that path
     */
    public CareerState switchPath(long learnerId, CareerPath path) {
        return act(learnerId, new CareerEvent.Switch(path));
    }

    /**
     * Delivers every booked job whose lessons the learner has each finished (a stored, finished, not replayed
     * attempt started after the job was taken): the job's score is the mean of those attempts' scores (the
     * first finished of each lesson). Each delivery is appended to the log.
     *
     * @throws CareerException without a career
     */
    public CareerState sync(long learnerId) {
        return withSignature(learnerId, synced(learnerId).state());
    }

    /** The replay of the learner's log: what {@link #state} returns before syncing. */
    public Optional<CareerState> replayed(long learnerId) {
        List<CareerAction> actions = store.careers().actions(learnerId);
        if (actions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(replay(actions).sim.state());
    }

    private CareerState act(long learnerId, CareerEvent event) {
        CareerSimulation sim = synced(learnerId);
        sim.apply(event);
        store.careers().append(learnerId, stamped(event));
        return withSignature(learnerId, sim.state());
    }

    /** The replayed log with the deliveries the learner's attempts make now, appended. */
    private CareerSimulation synced(long learnerId) {
        List<CareerAction> actions = store.careers().actions(learnerId);
        if (actions.isEmpty()) {
            throw new CareerException("no career yet: run career start");
        }
        Replay r = replay(actions);
        CareerSimulation sim = r.sim;
        List<Job> booked = sim.state().bookedJobs();
        if (booked.isEmpty()) {
            return sim;
        }
        List<AttemptSummary> history = store.attempts().history(learnerId, HISTORY);
        Set<Long> used = new HashSet<>();
        for (CareerAction a : actions) {
            if (a.kind().equals(DELIVER)) {
                used.add(a.number());
            }
        }
        Optional<Signature> signature = null;
        Map<String, Integer> bookedAt = sim.bookedAtAction();
        for (Job job : booked) {
            Integer index = bookedAt.get(job.id());
            if (index == null || index >= r.applied.size()) {
                continue;
            }
            Instant takenAt = r.applied.get(index).at();
            List<AttemptSummary> delivering = new ArrayList<>();
            for (String lessonId : job.offer().lessonIds()) {
                history.stream()
                        .filter(a -> a.lessonId().equals(lessonId) && a.finishedAt().isPresent() && a.score().isPresent()
                                && !a.startedAt().isBefore(takenAt) && !used.contains(a.id()))
                        .filter(a -> !store.attempts().isReplay(a.id()))
                        .min(Comparator.comparing(AttemptSummary::finishedAt, Comparator.comparing(Optional::get)))
                        .ifPresent(delivering::add);
            }
            if (delivering.size() < job.offer().lessonIds().size()) {
                continue;
            }
            double score = delivering.stream().mapToDouble(a -> a.score().get()).average().orElse(0);
            score = Math.round(score * 10) / 10.0;
            long attemptId = delivering.stream().mapToLong(AttemptSummary::id).max().orElse(0);
            if (signature == null) {
                signature = signature(learnerId);
            }
            CareerEvent deliver = new CareerEvent.Deliver(job.id(), score, Signatures.distinct(signature), attemptId);
            sim.apply(deliver);
            store.careers().append(learnerId, stamped(deliver));
            delivering.forEach(a -> used.add(a.id()));
        }
        return sim;
    }

    /** The learner's signature from their stored mixes (the newest {@value #HISTORY} attempts). */
    public Optional<Signature> signature(long learnerId) {
        List<String> criteria = new ArrayList<>();
        for (AttemptSummary a : store.attempts().history(learnerId, SIGNATURE_ATTEMPTS)) {
            if (a.finishedAt().isPresent() && MIX_ID.matcher(a.lessonId()).find()) {
                store.gradebook().criteriaJson(a.id()).ifPresent(criteria::add);
            }
        }
        return Signatures.of(criteria, economy.figures().signatureMixes());
    }

    private CareerState withSignature(long learnerId, CareerState s) {
        return s.withSignature(signature(learnerId));
    }

    private record Replay(CareerSimulation sim, List<CareerAction> applied) {
    }

    /**
     * Replays the log; an action the economy no longer allows (its data files changed since) is left out, so
     * a career always opens.
     */
    private Replay replay(List<CareerAction> actions) {
        CareerSimulation sim = new CareerSimulation(economy);
        List<CareerAction> applied = new ArrayList<>();
        for (CareerAction a : actions) {
            Optional<CareerEvent> e = event(a);
            if (e.isEmpty()) {
                continue;
            }
            try {
                sim.apply(e.get());
                applied.add(a);
            } catch (CareerException skipped) {
                // not possible any more: left out of the replay
            }
        }
        if (!sim.started()) {
            throw new CareerException("no career yet: run career start");
        }
        return new Replay(sim, applied);
    }

    static final String START = "start";
    static final String TAKE = "take";
    static final String DECLINE = "decline";
    static final String DELIVER = "deliver";
    static final String WEEK = "week";
    static final String SWITCH = "switch";
    /** How many of the newest attempts a delivery is looked for in. */
    static final int HISTORY = 2000;
    /** How many of the newest attempts the signature is read from. */
    static final int SIGNATURE_ATTEMPTS = 200;
    /** Mix lessons' ids ({@code mix-...}); only their stored numbers can make a signature. */
    private static final java.util.regex.Pattern MIX_ID = java.util.regex.Pattern.compile("(^|[.:/])mix-");

    private CareerAction stamped(CareerEvent e) {
        CareerAction a = action(e);
        return new CareerAction(0, a.kind(), a.ref(), a.number(), a.score(), a.extra(), clock.instant());
    }

    /** The stored form of an action. */
    public static CareerAction action(CareerEvent e) {
        if (e instanceof CareerEvent.Start s) {
            return new CareerAction(0, START, s.path().word(), s.seed(), null, null, null);
        } else if (e instanceof CareerEvent.Take t) {
            return new CareerAction(0, TAKE, t.offerId(), 0, null, null, null);
        } else if (e instanceof CareerEvent.Decline d) {
            return new CareerAction(0, DECLINE, d.offerId(), 0, null, null, null);
        } else if (e instanceof CareerEvent.Deliver d) {
            return new CareerAction(0, DELIVER, d.jobId(), d.attemptId(), d.score(), d.signature() ? 1.0 : 0.0, null);
        } else if (e instanceof CareerEvent.Switch s) {
            return new CareerAction(0, SWITCH, s.path().word(), 0, null, null, null);
        }
        return new CareerAction(0, WEEK, null, 0, null, null, null);
    }

    /** The action a stored row stands for (empty for a kind this version does not know). */
    public static Optional<CareerEvent> event(CareerAction a) {
        try {
            return Optional.ofNullable(switch (a.kind()) {
                case START -> new CareerEvent.Start(a.number(), CareerPath.of(a.ref()));
                case TAKE -> new CareerEvent.Take(a.ref());
                case DECLINE -> new CareerEvent.Decline(a.ref());
                case DELIVER -> new CareerEvent.Deliver(a.ref(), a.score() == null ? 0 : a.score(),
                        a.extra() != null && a.extra() > 0, a.number());
                case WEEK -> new CareerEvent.Week();
                case SWITCH -> new CareerEvent.Switch(CareerPath.of(a.ref()));
                default -> null;
            });
        } catch (CareerException e) {
            return Optional.empty();
        }
    }

    /** The events of a stored log, in order (what a replay applies). */
    public static List<CareerEvent> events(List<CareerAction> actions) {
        return actions.stream().map(CareerService::event).flatMap(Optional::stream).toList();
    }
}
