package org.controlroom.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.controlroom.lesson.career.CareerException;
import org.controlroom.lesson.career.CareerPath;
import org.controlroom.lesson.career.CareerService;
import org.controlroom.lesson.career.CareerState;
import org.controlroom.lesson.career.ClientStanding;
import org.controlroom.lesson.career.Job;
import org.controlroom.lesson.career.JobStatus;
import org.controlroom.lesson.career.LedgerEntry;
import org.controlroom.lesson.career.Offer;
import org.controlroom.store.Learner;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code career start|status|offers|take|decline|week|switch}: career mode at the terminal. Jobs are played
 * with {@code scenario play LESSON --plan FILE} as any lesson; the next career command delivers a booked job
 * once its lessons are finished.
 */
@Command(name = "career", mixinStandardHelpOptions = true,
        description = {"Career mode: clients offer jobs (scenario lessons) each week; a job well done pays, brings"
                + " repeat work and referrals, and builds the track record the ranks ask for.",
                "Play a job's lessons with 'scenario play LESSON --learner NAME [--plan FILE]'; the next career"
                        + " command delivers it with the attempt's score."},
        subcommands = {CareerCommand.Start.class, CareerCommand.Status.class, CareerCommand.Offers.class,
                CareerCommand.Take.class, CareerCommand.Decline.class, CareerCommand.Week.class,
                CareerCommand.Switch.class})
public final class CareerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "career: name a subcommand (start, status, offers, take, decline, week, switch)");
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Starts a career at week 0 as a runner (--restart replaces a career already started).")
    static final class Start extends CareerSubcommand {
        @Option(names = "--seed", paramLabel = "N", description = "The career's seed (default: a new random one);"
                + " the same seed and the same actions replay identically.")
        Long seed;

        @Option(names = "--path", paramLabel = "employed|freelance", defaultValue = "employed",
                description = "Employed at a studio (a salary; the studio assigns the jobs) or freelance (day rates;"
                        + " you pick the jobs and pay for dry weeks). Default: ${DEFAULT-VALUE}.")
        String path;

        @Option(names = "--restart", description = "Replace the career already started.")
        boolean restart;

        @Override
        int run(CareerService careers, Learner who, PrintWriter out) {
            CareerPath p = CareerPath.of(path);
            if (!restart) {
                careers.replayed(who.id()).ifPresent(s -> {
                    throw new CareerException(who.name() + " has a career already (week " + s.week() + ", "
                            + s.rank() + "); give --restart to begin again");
                });
            }
            long s = seed != null ? seed : new SecureRandom().nextLong() & Long.MAX_VALUE;
            CareerState state = careers.start(who.id(), s, p);
            out.println("Career started for " + who.name() + ": seed " + s + ", " + p.word() + ", rank " + state.rank()
                    + ".");
            if (p == CareerPath.EMPLOYED) {
                out.println("The studio assigns your jobs: see them with 'career status'.");
            } else {
                out.println("See your offers with 'career offers' and take one with 'career take JOB_ID'.");
            }
            footer(out, state);
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "The career now: week, path, cash, rank and the way to the next, reputation, booked jobs,"
                    + " clients, the latest ledger lines and the catalogue.")
    static final class Status extends CareerSubcommand {
        @Option(names = "--json", description = "Print JSON (keys as CareerState's names; money in pence).")
        boolean json;

        @Override
        int run(CareerService careers, Learner who, PrintWriter out) throws Exception {
            CareerState s = careers.state(who.id()).orElseThrow(() -> new CareerException(
                    "no career yet for " + who.name() + ": run career start"));
            if (json) {
                printJson(out, CareerJson.state(who.name(), s));
                return ExitCodes.OK;
            }
            out.println(who.name() + ": week " + s.week() + " (year " + (s.week() / 52 + 1) + "), " + s.path().word()
                    + ", rank " + s.rank() + ", " + s.xp() + " XP, " + s.credits() + " credits, cash "
                    + money(s.cashPence()));
            s.nextRank().ifPresent(n -> out.println(String.format(Locale.ROOT,
                    "Next rank %s: XP %d/%d, credits %d/%d, reputation %.1f/%.0f", n.rankId(), n.xpHave(),
                    n.xpNeeded(), n.creditsHave(), n.creditsNeeded(), n.reputationHave(), n.reputationNeeded())));
            StringBuilder rep = new StringBuilder("Reputation:");
            s.reputation().forEach((t, v) -> rep.append(String.format(Locale.ROOT, " %s %.1f", t, v)));
            out.println(rep);
            s.signature().ifPresent(g -> out.println("Signature: " + g.summary()));
            if (s.bookedJobs().isEmpty()) {
                out.println("No job booked.");
            }
            for (Job j : s.bookedJobs()) {
                out.println("Booked " + j.id() + ": " + j.offer().title() + " for " + name(s, j.offer().clientId())
                        + ", due week " + j.dueWeek() + (j.dueWeek() < s.week() ? " (late)" : "") + "; play "
                        + String.join(", ", j.offer().lessonIds()));
            }
            s.jobs().stream().filter(j -> j.status() != JobStatus.BOOKED)
                    .skip(Math.max(0, s.jobs().stream().filter(j -> j.status() != JobStatus.BOOKED).count() - 5))
                    .forEach(j -> out.println(String.format(Locale.ROOT, "%s %s: %s, score %s, paid %s",
                            j.status().name().toLowerCase(Locale.ROOT), j.id(), j.offer().title(),
                            j.score() == null ? "-" : String.format(Locale.ROOT, "%.0f", j.score()), money(j.paidPence()))));
            long lost = s.clients().stream().filter(ClientStanding::lost).count();
            out.println("Clients: " + s.clients().stream().filter(c -> c.jobsDone() > 0).count() + " worked for, "
                    + lost + " lost.");
            for (LedgerEntry e : s.ledger().subList(Math.max(0, s.ledger().size() - 5), s.ledger().size())) {
                out.println("  week " + e.week() + " " + e.kind().name().toLowerCase(Locale.ROOT) + " "
                        + money(e.amountPence()) + "  " + e.memo());
            }
            long royalties = s.catalogue().stream().mapToLong(r -> r.royaltiesPence()).sum();
            out.println("Catalogue: " + s.catalogue().size() + " releases, royalties so far " + money(royalties) + ".");
            return ExitCodes.OK;
        }
    }

    static String name(CareerState s, String clientId) {
        return s.client(clientId).map(ClientStanding::name).orElse(clientId);
    }

    @Command(name = "offers", mixinStandardHelpOptions = true, description = "The offers open this week.")
    static final class Offers extends CareerSubcommand {
        @Option(names = "--json", description = "Print JSON: the offers (keys as Offer's names; money in pence).")
        boolean json;

        @Override
        int run(CareerService careers, Learner who, PrintWriter out) throws Exception {
            CareerState s = careers.state(who.id()).orElseThrow(() -> new CareerException(
                    "no career yet for " + who.name() + ": run career start"));
            if (json) {
                printJson(out, s.offers().stream().map(CareerJson::offer).toList());
                return ExitCodes.OK;
            }
            if (s.offers().isEmpty()) {
                out.println(s.path() == CareerPath.EMPLOYED
                        ? "No offers: the studio assigns your jobs while you are employed (see career status)."
                        : "No offers open this week: run career week.");
            }
            for (Offer o : s.offers()) {
                out.println(String.format(Locale.ROOT, "%s  %s for %s (%s): %s, due %d week%s after taking,"
                                + " open until week %d%s", o.id(), o.title(), name(s, o.clientId()),
                        s.client(o.clientId()).map(ClientStanding::type).orElse("?"), money(o.feePence()),
                        o.deadlineWeeks(), o.deadlineWeeks() == 1 ? "" : "s", o.expiresWeek() - 1,
                        o.wantsSignature() ? "; wants your signature sound" : ""));
                out.println("      \"" + o.brief() + "\" Lessons: " + String.join(", ", o.lessonIds())
                        + String.format(Locale.ROOT, "; speed weight %.1f", o.speedWeight()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "take", mixinStandardHelpOptions = true, description = "Takes an offer: it books your weeks until it is due.")
    static final class Take extends CareerSubcommand {
        @Parameters(index = "0", paramLabel = "JOB_ID", description = "The offer (see 'career offers').")
        String id;

        @Override
        int run(CareerService careers, Learner who, PrintWriter out) {
            CareerState s = careers.take(who.id(), id);
            Job j = s.job(id).orElseThrow();
            out.println("Took " + id + ": " + j.offer().title() + " for " + name(s, j.offer().clientId()) + ", due week "
                    + j.dueWeek() + ".");
            for (String lesson : j.offer().lessonIds()) {
                out.println("Play it with: control-room scenario play " + lesson + " --learner \"" + who.name() + "\"");
            }
            footer(out, s);
            return ExitCodes.OK;
        }
    }

    @Command(name = "decline", mixinStandardHelpOptions = true, description = "Declines an offer.")
    static final class Decline extends CareerSubcommand {
        @Parameters(index = "0", paramLabel = "JOB_ID", description = "The offer (see 'career offers').")
        String id;

        @Override
        int run(CareerService careers, Learner who, PrintWriter out) {
            CareerState s = careers.decline(who.id(), id);
            out.println("Declined " + id + ".");
            footer(out, s);
            return ExitCodes.OK;
        }
    }

    @Command(name = "week", mixinStandardHelpOptions = true,
            description = "Ends the week (delivering the jobs you finished first): salary or a dry week's cost,"
                    + " royalties at each quarter's end, new offers.")
    static final class Week extends CareerSubcommand {
        @Option(names = "--weeks", paramLabel = "N", defaultValue = "1", description = "How many weeks (default: 1).")
        int weeks;

        @Override
        int run(CareerService careers, Learner who, PrintWriter out) {
            if (weeks < 1 || weeks > 520) {
                throw new UserInputException("--weeks is 1 to 520, not " + weeks);
            }
            CareerState before = careers.state(who.id()).orElseThrow(() -> new CareerException(
                    "no career yet for " + who.name() + ": run career start"));
            CareerState s = before;
            for (int i = 0; i < weeks; i++) {
                s = careers.week(who.id());
            }
            for (LedgerEntry e : s.ledger().subList(before.ledger().size(), s.ledger().size())) {
                out.println("  week " + e.week() + " " + e.kind().name().toLowerCase(Locale.ROOT) + " "
                        + money(e.amountPence()) + "  " + e.memo());
            }
            for (Job j : s.jobs()) {
                if (j.status() == JobStatus.FAILED && before.job(j.id()).map(b -> b.status() != JobStatus.FAILED).orElse(false)) {
                    out.println("Failed " + j.id() + ": " + j.offer().title() + " was never delivered; "
                            + name(s, j.offer().clientId()) + " will not call again.");
                }
            }
            if (!s.rank().equals(before.rank())) {
                out.println("Promoted: " + s.rank() + ".");
            }
            footer(out, s);
            return ExitCodes.OK;
        }
    }

    @Command(name = "switch", mixinStandardHelpOptions = true,
            description = "Changes path (employed or freelance), at the economy's switch cost.")
    static final class Switch extends CareerSubcommand {
        @Parameters(index = "0", paramLabel = "employed|freelance", description = "The path to take.")
        String path;

        @Override
        int run(CareerService careers, Learner who, PrintWriter out) {
            CareerState s = careers.switchPath(who.id(), CareerPath.of(path));
            out.println("Now " + s.path().word() + " (cost " + money(careers.economy().figures().switchCostPence()) + ").");
            footer(out, s);
            return ExitCodes.OK;
        }
    }
}
