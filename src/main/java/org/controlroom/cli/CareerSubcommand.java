package org.controlroom.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import org.controlroom.lesson.career.CareerEconomy;
import org.controlroom.lesson.career.CareerException;
import org.controlroom.lesson.career.CareerService;
import org.controlroom.lesson.career.CareerState;
import org.controlroom.store.Learner;
import org.controlroom.store.LearnerStore;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every {@code career} subcommand shares: the database ({@code --db}), the lessons folder with the
 * career's data files ({@code --lessons}), the learner ({@code --learner NAME}, or the only learner there
 * is), and a {@link CareerService} built like the tutor's desk. A career rule broken ("offer X expired")
 * is bad input: exit 2 with the rule's message.
 */
abstract class CareerSubcommand extends UsesLessonKinds implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Mixin
    LessonsDirOption lessons;

    @Option(names = "--learner", paramLabel = "NAME",
            description = "Whose career (see 'learner list'; default: the only learner there is).")
    String learner;

    /** Runs the subcommand on the open service. */
    abstract int run(CareerService careers, Learner who, PrintWriter out) throws Exception;

    @Override
    public final Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CareerEconomy economy = CareerEconomy.load(lessons.lessonsDir(), lessons.load(kinds));
        try (LearnerStore store = db.open(spec.commandLine().getErr())) {
            Learner who = learner(store);
            try {
                return run(new CareerService(store, economy, Clock.systemUTC()), who, out);
            } catch (CareerException e) {
                throw new UserInputException(e.getMessage());
            }
        }
    }

    private Learner learner(LearnerStore store) {
        if (learner != null) {
            return store.learners().findByName(learner).orElseThrow(() -> new UserInputException(
                    "no learner called '" + learner + "' in " + store.where() + " (see 'learner list')"));
        }
        List<Learner> all = store.learners().list();
        if (all.size() == 1) {
            return all.get(0);
        }
        if (all.isEmpty()) {
            throw new UserInputException("no learners yet in " + store.where() + ": add one with 'learner add NAME'");
        }
        throw new UserInputException("name the learner with --learner NAME (there are " + all.size()
                + ": " + String.join(", ", all.stream().map(Learner::name).toList()) + ")");
    }

    static String money(long pence) {
        return (pence < 0 ? "-£" : "£") + String.format(java.util.Locale.ROOT, "%,.2f", Math.abs(pence) / 100.0);
    }

    static void printJson(PrintWriter out, Object value) throws com.fasterxml.jackson.core.JsonProcessingException {
        out.println(new ObjectMapper().writeValueAsString(value));
    }

    /** The short lines every changing subcommand ends with: the week, cash and what is booked. */
    static void footer(PrintWriter out, CareerState s) {
        out.println("Week " + s.week() + ", " + s.path().word() + ", " + s.rank() + ": cash " + money(s.cashPence())
                + ", " + s.bookedJobs().size() + " job" + (s.bookedJobs().size() == 1 ? "" : "s") + " booked, "
                + s.offers().size() + " offer" + (s.offers().size() == 1 ? "" : "s") + " open.");
    }
}
