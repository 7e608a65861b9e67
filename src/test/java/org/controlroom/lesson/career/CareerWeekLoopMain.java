package org.controlroom.lesson.career;

import java.nio.file.Path;
import java.time.Clock;

import org.controlroom.lesson.script.LessonLoader;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;

/**
 * Run in a child JVM by {@link CareerCrashTest}: a freelancer's career against a database, taking the first
 * open offer and ending the week, over and over, printing "week N" once each week is committed; it runs until
 * it is killed.
 */
public final class CareerWeekLoopMain {

    private CareerWeekLoopMain() {
    }

    public static void main(String[] args) {
        Path lessons = Path.of(args[1]);
        CareerEconomy economy = CareerEconomy.load(lessons, new LessonLoader().load(lessons, lessons.resolveSibling("audio-assets")));
        try (LearnerStore store = LearnerStore.open(Path.of(args[0]))) {
            Learner l = store.learners().findByName("Ana").orElseThrow();
            CareerService careers = new CareerService(store, economy, Clock.systemUTC());
            if (careers.replayed(l.id()).isEmpty()) {
                careers.start(l.id(), 77, CareerPath.FREELANCE);
            }
            while (true) {
                CareerState s = careers.replayed(l.id()).orElseThrow();
                if (s.bookedJobs().isEmpty() && !s.offers().isEmpty()) {
                    careers.take(l.id(), s.offers().get(0).id());
                }
                CareerState after = careers.week(l.id());
                System.out.println("week " + after.week());
                System.out.flush();
            }
        }
    }
}
