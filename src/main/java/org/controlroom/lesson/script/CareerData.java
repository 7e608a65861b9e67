package org.controlroom.lesson.script;

import java.util.List;
import java.util.Map;

/**
 * The career economy's figures as the data files under {@code lessons/career/} give them (read by
 * {@link CareerDataLoader}): money in whole pounds as written, kept here in pence.
 */
public final class CareerData {
    private CareerData() {
    }

    /** A kind of client: band, solo-artist, label, media or content. */
    public record ClientType(String id, String name, double streamsFactor) {
    }

    /** One client of the economy. */
    public record Client(String id, String name, String type) {
    }

    /** A range of money in pence, {@code minPence <= maxPence}. */
    public record Money(long minPence, long maxPence) {
        /** The point {@code t} (0–1) of the way from the minimum to the maximum, rounded to whole pence. */
        public long at(double t) {
            double c = Math.max(0, Math.min(1, t));
            return Math.round(minPence + (maxPence - minPence) * c);
        }
    }

    /** A range of numbers, {@code min <= max}. */
    public record Span(double min, double max) {
        public double at(double t) {
            double c = Math.max(0, Math.min(1, t));
            return min + (max - min) * c;
        }
    }

    /**
     * A kind of job a client may offer.
     *
     * @param clientTypes   who offers it
     * @param lessonIds     the scenario lessons the job is (kind mix, takes, arrange or budget)
     * @param rank          the lowest career rank it is offered at
     * @param reputation    the reputation (0–100, with the client's type) it is offered from
     * @param days          days of work a freelancer bills at the day rate (0 = paid the fee instead)
     * @param fee           the fee range (a seeded point of it, rising with reputation); for day-rate jobs what
     *                      the studio bills when the learner is employed
     * @param deadlineWeeks due this many weeks after it is taken
     * @param speedWeight   0–1: how much the client weighs delivering early over polish
     * @param signature     the client asks for the learner's own sound
     * @param release       a delivered job releases a track (a credit in the catalogue)
     * @param xp            career XP a delivery at full marks earns (scaled by the score)
     */
    public record JobTemplate(String id, String title, String brief, List<String> clientTypes, List<String> lessonIds,
                              String rank, double reputation, int days, Money fee, int deadlineWeeks,
                              double speedWeight, boolean signature, boolean release, int xp) {
        public JobTemplate {
            clientTypes = List.copyOf(clientTypes);
            lessonIds = List.copyOf(lessonIds);
        }
    }

    /**
     * The figures of {@code economy.yaml}.
     *
     * @param startCashPence      cash at week 0
     * @param startSatisfaction   every client's satisfaction at week 0
     * @param startReputation     every client type's reputation at week 0
     * @param salaryPence         employed: a year's salary per rank id
     * @param dayRate             freelance: the day rate from reputation 0 to 100
     * @param switchCostPence     what changing path costs
     * @param dryWeekPence        what a freelance week with no job booked costs
     * @param capacity            jobs at most booked at once
     * @param offersPerWeek       offers drawn each week (before repeat work and referrals)
     * @param offerWeeks          an offer stays open this many weeks
     * @param graceWeeks          a job not delivered this many weeks after it is due fails
     * @param lostBelow           a client whose satisfaction falls below this is lost
     * @param referralFrom        a delivery that leaves the client at least this satisfied brings a referral
     * @param producerPoints      royalty points (percent) of a producer's credit, from reputation 0 to 100
     * @param executivePoints     royalty points of an executive producer's credit
     * @param quarterWeeks        royalties are paid every this many weeks
     * @param penceperStream      what a stream earns the master (points are a share of it)
     * @param firstWeekStreams    a release's first-week streams (a seeded point of this range, times the client
     *                            type's streams factor)
     * @param halfLifeWeeks       weekly streams halve every this many weeks after release
     * @param signatureMixes      stored mix attempts needed to tell a signature
     * @param signatureBonus      satisfaction points a signature adds for a client who wants one (and takes
     *                            without one)
     */
    public record Economy(long startCashPence, double startSatisfaction, double startReputation,
                          Map<String, Long> salaryPence, Money dayRate, long switchCostPence, long dryWeekPence,
                          int capacity, int offersPerWeek, int offerWeeks, int graceWeeks, double lostBelow,
                          double referralFrom, Span producerPoints, Span executivePoints, int quarterWeeks,
                          double penceperStream, Span firstWeekStreams, double halfLifeWeeks, int signatureMixes,
                          double signatureBonus) {
        public Economy {
            salaryPence = Map.copyOf(salaryPence);
        }
    }

    /** Everything under {@code lessons/career/}. */
    public record Files(Economy economy, List<ClientType> clientTypes, List<Client> clients, List<JobTemplate> jobs) {
        public Files {
            clientTypes = List.copyOf(clientTypes);
            clients = List.copyOf(clients);
            jobs = List.copyOf(jobs);
        }
    }
}
