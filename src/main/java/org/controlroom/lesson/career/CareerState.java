package org.controlroom.lesson.career;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A career at one moment: what replaying its seed and action log gives. Immutable; equal states mean
 * equal careers (a replay of the same seed and scores gives an equal state).
 *
 * @param seed       the career's seed (offers, clients' choices, streaming curves follow from it)
 * @param week       the current week, 0 = the week the career started
 * @param cashPence  the ledger's sum
 * @param reputation per client type (band, solo-artist, label, media, content): 0–100
 * @param clients    every client of the economy, as the learner stands with them
 * @param offers     the offers open this week (freelance; employed careers get jobs assigned, so none)
 * @param jobs       every job taken or assigned, oldest first
 * @param ledger     every payment in and out, oldest first
 * @param catalogue  the released tracks the learner has a credit on, oldest first
 * @param rank       the career rank's id (from {@code lessons/career.yaml})
 * @param xp         the career's XP: what the delivered jobs earned
 * @param nextRank   the way to the next rank, empty at the top
 * @param signature  the learner's sound, once enough mixes are stored to tell it
 */
public record CareerState(long seed, int week, CareerPath path, long cashPence, Map<String, Double> reputation,
                          List<ClientStanding> clients, List<Offer> offers, List<Job> jobs, List<LedgerEntry> ledger,
                          List<Release> catalogue, String rank, int xp, Optional<RankProgress> nextRank,
                          Optional<Signature> signature) {

    public CareerState {
        reputation = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reputation));
        clients = List.copyOf(clients);
        offers = List.copyOf(offers);
        jobs = List.copyOf(jobs);
        ledger = List.copyOf(ledger);
        catalogue = List.copyOf(catalogue);
    }

    /** This state with {@code signature} in place of its own. */
    public CareerState withSignature(Optional<Signature> signature) {
        return new CareerState(seed, week, path, cashPence, reputation, clients, offers, jobs, ledger, catalogue, rank,
                xp, nextRank, signature);
    }

    /** Released credits: the catalogue's size. */
    public int credits() {
        return catalogue.size();
    }

    /** An open offer by id. */
    public Optional<Offer> offer(String id) {
        return offers.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** A job by id. */
    public Optional<Job> job(String id) {
        return jobs.stream().filter(j -> j.id().equals(id)).findFirst();
    }

    /** The jobs booked and not delivered yet. */
    public List<Job> bookedJobs() {
        return jobs.stream().filter(j -> j.status() == JobStatus.BOOKED).toList();
    }

    /** A client by id. */
    public Optional<ClientStanding> client(String id) {
        return clients.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * The money of every week from 0 to the current one (weeks without any as zeros), for the income chart:
     * salary, fees (fees and day rates), royalties and costs (dry weeks, path switches).
     */
    public List<WeekIncome> incomeByWeek() {
        Map<Integer, long[]> byWeek = new TreeMap<>();
        for (int w = 0; w <= week; w++) {
            byWeek.put(w, new long[4]);
        }
        for (LedgerEntry e : ledger) {
            long[] sums = byWeek.computeIfAbsent(e.week(), w -> new long[4]);
            switch (e.kind()) {
                case SALARY -> sums[0] += e.amountPence();
                case FEE, DAY_RATE -> sums[1] += e.amountPence();
                case ROYALTY -> sums[2] += e.amountPence();
                case DRY_WEEK, PATH_SWITCH -> sums[3] += e.amountPence();
            }
        }
        List<WeekIncome> out = new ArrayList<>();
        byWeek.forEach((w, s) -> out.add(new WeekIncome(w, s[0], s[1], s[2], s[3])));
        return out;
    }

    /**
     * Which jobs book each of {@code weeks} weeks from {@code fromWeek}: a job books the weeks from the one
     * it was taken in to its due week (or, delivered, to its delivery week); a failed job books none.
     */
    public List<CalendarWeek> calendar(int fromWeek, int weeks) {
        List<CalendarWeek> out = new ArrayList<>();
        for (int w = fromWeek; w < fromWeek + Math.max(0, weeks); w++) {
            List<String> ids = new ArrayList<>();
            for (Job j : jobs) {
                if (j.status() == JobStatus.FAILED) {
                    continue;
                }
                int last = j.deliveredWeek() != null ? j.deliveredWeek() : j.dueWeek();
                if (w >= j.takenWeek() && w <= last) {
                    ids.add(j.id());
                }
            }
            out.add(new CalendarWeek(w, ids));
        }
        return out;
    }
}
