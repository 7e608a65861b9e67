package org.controlroom.lesson.career;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.controlroom.lesson.script.LessonLoader;

/**
 * A learner driven through the pure simulation: each week takes every open offer that fits the calendar
 * (freelance; employed, the studio assigns), delivers every booked job that week with a score, then ends the
 * week. Records the rank of every week and the log of actions it applied.
 */
final class SimulatedLearner {
    static final CareerEconomy ECONOMY = CareerEconomy.load(Path.of("lessons"),
            new LessonLoader().load(Path.of("lessons"), Path.of("audio-assets")));

    final CareerSimulation sim = new CareerSimulation(ECONOMY);
    final List<CareerEvent> log = new ArrayList<>();
    /** The rank of each week (index = week), as it stood while the week was worked. */
    final List<String> rankOfWeek = new ArrayList<>();

    SimulatedLearner(long seed, CareerPath path) {
        apply(new CareerEvent.Start(seed, path));
    }

    void apply(CareerEvent e) {
        sim.apply(e);
        log.add(e);
    }

    CareerState state() {
        return sim.state();
    }

    /** One week: take what fits, deliver everything booked at {@code score(offer)}, end the week. */
    void week(ToDoubleFunction<Offer> score, boolean deliver) {
        CareerState s = sim.state();
        if (s.path() == CareerPath.FREELANCE) {
            for (Offer o : s.offers()) {
                if (sim.state().bookedJobs().size() < ECONOMY.figures().capacity()) {
                    apply(new CareerEvent.Take(o.id()));
                }
            }
        }
        if (deliver) {
            for (Job j : sim.state().bookedJobs()) {
                apply(new CareerEvent.Deliver(j.id(), score.applyAsDouble(j.offer()), false, 0));
            }
        }
        rankOfWeek.add(sim.state().rank());
        apply(new CareerEvent.Week());
    }

    /** Weeks until the rank is first reached (the week it was worked at), or -1. */
    int firstWeekAt(String rank) {
        return rankOfWeek.indexOf(rank);
    }
}
