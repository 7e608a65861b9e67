package org.controlroom.lesson.career;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.controlroom.lesson.script.CareerData;
import org.junit.jupiter.api.Test;

/**
 * The pure simulation against the figures: a learner who scores 85 on every job reaches Producer
 * within three simulated years on either path and earns within the source ranges per rank; pay is monotonic
 * in the score; late or weak work loses the client and earns less; royalties grow with the catalogue; a
 * replay of the same seed and scores is identical and another seed differs.
 */
class CareerSimulationTest {

    /** The stated result: Producer within this many simulated weeks (three years). */
    static final int PRODUCER_WITHIN_WEEKS = 3 * 52;

    static final long K = 100_000;   // £1k in pence

    static SimulatedLearner run(long seed, CareerPath path, int weeks, double score) {
        SimulatedLearner l = new SimulatedLearner(seed, path);
        for (int w = 0; w < weeks; w++) {
            l.week(o -> score, true);
        }
        return l;
    }

    @Test
    void aLearnerScoring85OnEveryJobReachesProducerWithinThreeYears() {
        for (CareerPath path : CareerPath.values()) {
            for (long seed = 1; seed <= 5; seed++) {
                SimulatedLearner l = run(seed, path, PRODUCER_WITHIN_WEEKS, 85);
                int producer = l.firstWeekAt("producer");
                assertThat(producer).as(path + " seed " + seed + " reaches producer").isBetween(0, PRODUCER_WITHIN_WEEKS - 1);
                // the ranks come in order, each needing XP and a track record
                assertThat(l.firstWeekAt("assistant-engineer")).isPositive()
                        .isLessThan(l.firstWeekAt("engineer"));
                assertThat(l.firstWeekAt("engineer")).isLessThan(producer);
                CareerState s = l.state();
                assertThat(s.credits()).isGreaterThanOrEqualTo(30);
                assertThat(s.xp()).isGreaterThanOrEqualTo(340);
            }
        }
    }

    @Test
    void theTrackRecordHoldsARankBackWhenTheXpIsThere() {
        // a learner who scores 55: enough for XP, too little for a release (60) or the reputation a rank asks
        SimulatedLearner l = run(3, CareerPath.EMPLOYED, 4 * 52, 55);
        CareerState s = l.state();
        assertThat(s.credits()).isZero();
        assertThat(s.xp()).as("the XP of an assistant engineer").isGreaterThanOrEqualTo(100);
        assertThat(s.rank()).isEqualTo("runner");
        assertThat(s.nextRank().orElseThrow().creditsHave()).isZero();
    }

    @Test
    void employedSalariesSitInTheSourceRangesPerRank() {
        for (long seed = 1; seed <= 3; seed++) {
            SimulatedLearner l = run(seed, CareerPath.EMPLOYED, 4 * 52, 85);
            Map<String, long[]> byRank = new LinkedHashMap<>();   // pence, weeks
            for (LedgerEntry e : l.state().ledger()) {
                if (e.kind() == LedgerKind.SALARY) {
                    long[] v = byRank.computeIfAbsent(l.rankOfWeek.get(e.week()), r -> new long[2]);
                    v[0] += e.amountPence();
                    v[1]++;
                }
            }
            assertThat(byRank).containsKeys("runner", "assistant-engineer", "engineer", "producer");
            for (var e : byRank.entrySet()) {
                // weekly pay is a 52nd of the year, spread to the penny: part of a year may be a penny a week off
                long yearly = Math.round(e.getValue()[0] * 52.0 / e.getValue()[1]);
                assertThat(Math.abs(yearly - SimulatedLearner.ECONOMY.salaryPence(e.getKey()))).isLessThanOrEqualTo(52);
                yearly = SimulatedLearner.ECONOMY.salaryPence(e.getKey());
                if (e.getKey().equals("runner") || e.getKey().equals("assistant-engineer")) {
                    assertThat(yearly).as(e.getKey() + " a year").isBetween(18 * K, 25 * K);
                } else {
                    assertThat(yearly).as(e.getKey() + " a year").isBetween(28 * K, 45 * K);
                }
            }
            // and each whole year's pay (salary and royalties) is within the whole span
            for (int year = 0; year < 4; year++) {
                int y = year;
                long total = l.state().ledger().stream().filter(x -> x.week() / 52 == y).mapToLong(LedgerEntry::amountPence).sum();
                assertThat(total).as("year " + (year + 1)).isBetween(18 * K, 60 * K);
            }
        }
    }

    @Test
    void freelanceDayRatesStayBetween200And350AndRiseWithReputation() {
        for (long seed = 1; seed <= 3; seed++) {
            SimulatedLearner l = run(seed, CareerPath.FREELANCE, 4 * 52, 85);
            double firstYear = 0;
            double lastYear = 0;
            int nFirst = 0;
            // the first five day-rate jobs against the fourth year's
            int nLast = 0;
            for (Job j : l.state().jobs()) {
                CareerData.JobTemplate t = template(j.offer());
                if (t.days() == 0) {
                    continue;
                }
                double rate = j.offer().feePence() / (double) t.days();
                assertThat(rate).as(j.id()).isBetween(20_000.0, 35_000.0);
                // delivered on time at 85: paid the days at that rate in full
                assertThat(j.paidPence()).isEqualTo(j.offer().feePence());
                if (nFirst < 5) {
                    firstYear += rate;
                    nFirst++;
                } else if (j.takenWeek() >= 3 * 52) {
                    lastYear += rate;
                    nLast++;
                }
            }
            assertThat(nFirst).isPositive();
            assertThat(nLast).isPositive();
            assertThat(lastYear / nLast).as("day rates rise with reputation").isGreaterThan(firstYear / nFirst + 5_000);
            assertThat(l.state().ledger()).anyMatch(e -> e.kind() == LedgerKind.DAY_RATE);
        }
    }

    static CareerData.JobTemplate template(Offer o) {
        return SimulatedLearner.ECONOMY.jobs().stream().filter(t -> t.title().equals(o.title())).findFirst().orElseThrow();
    }

    /** A learner a few weeks in with one freelance job booked, and the log to get there. */
    static SimulatedLearner withJobBooked(long seed) {
        SimulatedLearner l = run(seed, CareerPath.FREELANCE, 3, 85);
        Offer o = l.state().offers().get(0);
        l.apply(new CareerEvent.Take(o.id()));
        return l;
    }

    @Test
    void aLowerScoreNeverPaysMore() {
        SimulatedLearner l = withJobBooked(11);
        Job job = l.state().bookedJobs().get(0);
        for (int late = 0; late <= 2; late++) {
            long previous = -1;
            double previousSatisfaction = -1;
            for (double score = 0; score <= 100; score += 0.5) {
                List<CareerEvent> log = new ArrayList<>(l.log);
                for (int w = 0; w < job.offer().deadlineWeeks() + late; w++) {
                    log.add(new CareerEvent.Week());
                }
                log.add(new CareerEvent.Deliver(job.id(), score, false, 0));
                CareerState s = CareerSimulation.replay(SimulatedLearner.ECONOMY, log);
                long paid = s.job(job.id()).orElseThrow().paidPence();
                double sat = s.client(job.offer().clientId()).orElseThrow().satisfaction();
                assertThat(paid).as("score " + score + ", " + late + " weeks late").isGreaterThanOrEqualTo(previous);
                assertThat(sat).isGreaterThanOrEqualTo(previousSatisfaction);
                previous = paid;
                previousSatisfaction = sat;
            }
            assertThat(previous).as("full marks pay").isPositive();
        }
        // and the pay rule itself: for every fee, score and lateness, never more for less
        for (long fee : new long[] {12_000, 45_000, 250_000}) {
            for (int late = 0; late <= 5; late++) {
                for (double s = 0; s < 100; s += 0.25) {
                    assertThat(CareerSimulation.pay(fee, s, late)).isLessThanOrEqualTo(CareerSimulation.pay(fee, s + 0.25, late));
                    assertThat(CareerSimulation.pay(fee, s, late + 1)).isLessThanOrEqualTo(CareerSimulation.pay(fee, s, late));
                }
            }
            assertThat(CareerSimulation.pay(fee, 85, 0)).isEqualTo(fee);
            assertThat(CareerSimulation.pay(fee, 49.9, 0)).isZero();
        }
    }

    @Test
    void weakWorkLosesTheClientAndPaysNothing() {
        SimulatedLearner l = withJobBooked(12);
        Job job = l.state().bookedJobs().get(0);
        int credits = l.state().credits();
        l.apply(new CareerEvent.Deliver(job.id(), 30, false, 0));
        CareerState s = l.state();
        assertThat(s.job(job.id()).orElseThrow().paidPence()).isZero();
        ClientStanding c = s.client(job.offer().clientId()).orElseThrow();
        assertThat(c.lost()).isTrue();
        assertThat(s.credits()).as("no release from a weak job").isEqualTo(credits);
        for (int w = 0; w < 20; w++) {
            l.week(o -> 85, true);
            assertThat(l.state().offers()).noneMatch(o -> o.clientId().equals(c.id()));
        }
        assertThat(l.state().jobs()).filteredOn(j -> j.takenWeek() > job.takenWeek())
                .isNotEmpty().noneMatch(j -> j.offer().clientId().equals(c.id()));
    }

    @Test
    void lateWorkIsPaidLessAndWorkNeverDeliveredFailsAndLosesTheClient() {
        SimulatedLearner onTime = withJobBooked(13);
        Job job = onTime.state().bookedJobs().get(0);
        SimulatedLearner late = withJobBooked(13);
        for (int w = 0; w < job.offer().deadlineWeeks() + 2; w++) {
            late.apply(new CareerEvent.Week());
        }
        onTime.apply(new CareerEvent.Deliver(job.id(), 85, false, 0));
        late.apply(new CareerEvent.Deliver(job.id(), 85, false, 0));
        Job a = onTime.state().job(job.id()).orElseThrow();
        Job b = late.state().job(job.id()).orElseThrow();
        assertThat(a.status()).isEqualTo(JobStatus.DELIVERED);
        assertThat(b.status()).isEqualTo(JobStatus.LATE);
        assertThat(b.paidPence()).isEqualTo(Math.round(a.paidPence() * 0.5));
        assertThat(late.state().client(job.offer().clientId()).orElseThrow().satisfaction())
                .isLessThan(onTime.state().client(job.offer().clientId()).orElseThrow().satisfaction());

        SimulatedLearner never = withJobBooked(13);
        int fails = job.dueWeek() + SimulatedLearner.ECONOMY.figures().graceWeeks() + 1;
        while (never.state().week() < fails) {
            never.apply(new CareerEvent.Week());
        }
        Job f = never.state().job(job.id()).orElseThrow();
        assertThat(f.status()).isEqualTo(JobStatus.FAILED);
        assertThat(f.paidPence()).isZero();
        assertThat(never.state().client(job.offer().clientId()).orElseThrow().lost()).isTrue();
        assertThatThrownBy(() -> never.apply(new CareerEvent.Deliver(job.id(), 85, false, 0)))
                .isInstanceOf(CareerException.class).hasMessageContaining("failed");
    }

    @Test
    void overAYearWeakAndLateWorkEarnsLessThanGoodWorkOnTime() {
        for (long seed = 1; seed <= 3; seed++) {
            long good = earnings(run(seed, CareerPath.FREELANCE, 52, 85));
            long middling = earnings(run(seed, CareerPath.FREELANCE, 52, 65));
            long weak = earnings(run(seed, CareerPath.FREELANCE, 52, 45));
            SimulatedLearner lateLearner = new SimulatedLearner(seed, CareerPath.FREELANCE);
            for (int w = 0; w < 52; w++) {
                // delivers each job two weeks after it is due
                int week = lateLearner.state().week();
                boolean due = lateLearner.state().bookedJobs().stream().anyMatch(j -> week >= j.dueWeek() + 2);
                lateLearner.week(o -> 85, due);
            }
            long late = earnings(lateLearner);
            assertThat(good).as("seed " + seed).isGreaterThan(middling);
            assertThat(middling).isGreaterThan(weak);
            assertThat(good).isGreaterThan(late);
            assertThat(lateLearner.state().clients()).anyMatch(ClientStanding::lost);
            assertThat(run(seed, CareerPath.FREELANCE, 52, 85).state().clients()).noneMatch(ClientStanding::lost);
        }
    }

    static long earnings(SimulatedLearner l) {
        return l.state().ledger().stream().filter(e -> e.kind() == LedgerKind.FEE || e.kind() == LedgerKind.DAY_RATE)
                .mapToLong(LedgerEntry::amountPence).sum();
    }

    @Test
    void royaltiesArePaidEachQuarterAndGrowWithTheCatalogue() {
        SimulatedLearner l = run(5, CareerPath.EMPLOYED, 6 * 52, 85);
        CareerState s = l.state();
        int quarter = SimulatedLearner.ECONOMY.figures().quarterWeeks();
        List<LedgerEntry> royalties = s.ledger().stream().filter(e -> e.kind() == LedgerKind.ROYALTY).toList();
        assertThat(royalties).isNotEmpty().allMatch(e -> (e.week() + 1) % quarter == 0 && e.amountPence() > 0);
        // only a producer's or executive producer's credit carries points, within 0.5-5 %
        int producerWeek = l.firstWeekAt("producer");
        for (Release r : s.catalogue()) {
            if (r.releasedWeek() < producerWeek) {
                assertThat(r.points()).isZero();
            } else if (r.releasedWeek() > producerWeek) {
                assertThat(r.points()).isBetween(0.5, 5.0);
            }
        }
        assertThat(royalties.get(0).week()).isGreaterThanOrEqualTo(producerWeek);
        // the quarters' royalties rise while the catalogue with points grows
        long firstYear = sumRoyalties(royalties, royalties.get(0).week(), royalties.get(0).week() + 52);
        long laterYear = sumRoyalties(royalties, royalties.get(0).week() + 104, royalties.get(0).week() + 156);
        assertThat(laterYear).isGreaterThan(firstYear * 2);
        assertThat(s.catalogue().stream().mapToLong(Release::royaltiesPence).sum())
                .isEqualTo(royalties.stream().mapToLong(LedgerEntry::amountPence).sum());
        // one release's streams decay: halved after the half-life
        Release r = s.catalogue().get(s.catalogue().size() - 1);
        double half = SimulatedLearner.ECONOMY.figures().halfLifeWeeks();
        CareerSimulation sim = l.sim;
        assertThat(sim.streams(r, (int) half) / sim.streams(r, 0)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
        System.out.printf(Locale.ROOT, "royalties: first year %.0f GBP, third year %.0f GBP, catalogue %d%n",
                firstYear / 100.0, laterYear / 100.0, s.catalogue().size());
    }

    static long sumRoyalties(List<LedgerEntry> r, int from, int to) {
        return r.stream().filter(e -> e.week() >= from && e.week() < to).mapToLong(LedgerEntry::amountPence).sum();
    }

    @Test
    void theSameSeedAndScoresReplayIdenticallyAndAnotherSeedDiffers() {
        SimulatedLearner a = run(42, CareerPath.FREELANCE, 2 * 52, 85);
        a.apply(new CareerEvent.Switch(CareerPath.EMPLOYED));
        for (int w = 0; w < 30; w++) {
            a.week(o -> 70 + o.feePence() % 30, true);
        }
        CareerState replayed = CareerSimulation.replay(SimulatedLearner.ECONOMY, a.log);
        assertThat(replayed).isEqualTo(a.state());
        assertThat(CareerSimulation.replay(SimulatedLearner.ECONOMY, List.copyOf(a.log))).isEqualTo(replayed);

        SimulatedLearner b = run(43, CareerPath.FREELANCE, 2 * 52, 85);
        SimulatedLearner a2 = run(42, CareerPath.FREELANCE, 2 * 52, 85);
        assertThat(b.state()).isNotEqualTo(a2.state());
        assertThat(b.state().offers()).isNotEqualTo(a2.state().offers());
        // a different score changes the state too
        SimulatedLearner c = run(42, CareerPath.FREELANCE, 2 * 52, 84);
        assertThat(c.state()).isNotEqualTo(a2.state());
    }

    @Test
    void offersFitTheRankAndComeFromClientsOfEveryType() {
        SimulatedLearner l = run(8, CareerPath.FREELANCE, 3 * 52, 85);
        java.util.Set<String> types = new java.util.HashSet<>();
        for (Job j : l.state().jobs()) {
            CareerData.JobTemplate t = template(j.offer());
            int rankAtTake = SimulatedLearner.ECONOMY.ladder().indexOf(l.rankOfWeek.get(j.takenWeek()));
            assertThat(SimulatedLearner.ECONOMY.ladder().indexOf(t.rank())).as(j.id()).isLessThanOrEqualTo(rankAtTake);
            types.add(l.state().client(j.offer().clientId()).orElseThrow().type());
        }
        assertThat(types).containsExactlyInAnyOrder("band", "solo-artist", "label", "media", "content");
        // a runner is offered only runner jobs
        SimulatedLearner fresh = new SimulatedLearner(8, CareerPath.FREELANCE);
        assertThat(fresh.state().offers()).isNotEmpty()
                .allMatch(o -> template(o).rank().equals("runner"));
    }

    @Test
    void rulesBrokenAreRefusedWithAMessage() {
        SimulatedLearner l = new SimulatedLearner(9, CareerPath.EMPLOYED);
        assertThatThrownBy(() -> l.apply(new CareerEvent.Take("w0-1"))).isInstanceOf(CareerException.class)
                .hasMessageContaining("studio assigns");
        SimulatedLearner f = new SimulatedLearner(9, CareerPath.FREELANCE);
        String first = f.state().offers().get(0).id();
        f.apply(new CareerEvent.Week());
        f.apply(new CareerEvent.Week());
        assertThatThrownBy(() -> f.apply(new CareerEvent.Take(first))).isInstanceOf(CareerException.class)
                .hasMessageContaining("offer " + first + " expired");
        assertThatThrownBy(() -> f.apply(new CareerEvent.Take("nope"))).isInstanceOf(CareerException.class)
                .hasMessageContaining("no offer nope");
        assertThatThrownBy(() -> f.apply(new CareerEvent.Switch(CareerPath.FREELANCE))).isInstanceOf(CareerException.class);
        long cash = f.state().cashPence();
        f.apply(new CareerEvent.Switch(CareerPath.EMPLOYED));
        assertThat(f.state().cashPence()).isEqualTo(cash - SimulatedLearner.ECONOMY.figures().switchCostPence());
        assertThat(f.state().ledger().get(f.state().ledger().size() - 1).kind()).isEqualTo(LedgerKind.PATH_SWITCH);
    }

    @Test
    void aFreelancerWithNoJobPaysForTheDryWeek() {
        SimulatedLearner l = new SimulatedLearner(10, CareerPath.FREELANCE);
        long cash = l.state().cashPence();
        l.apply(new CareerEvent.Week());
        CareerState s = l.state();
        assertThat(s.cashPence()).isEqualTo(cash - SimulatedLearner.ECONOMY.figures().dryWeekPence());
        assertThat(s.ledger()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(LedgerKind.DRY_WEEK);
            assertThat(e.week()).isZero();
        });
        assertThat(s.incomeByWeek().get(0).costsPence()).isEqualTo(-SimulatedLearner.ECONOMY.figures().dryWeekPence());
    }

    @Test
    void theCalendarShowsWhichJobBooksWhichWeek() {
        SimulatedLearner l = new SimulatedLearner(14, CareerPath.FREELANCE);
        l.apply(new CareerEvent.Week());
        l.apply(new CareerEvent.Take(l.state().offers().get(0).id()));
        Job j = l.state().bookedJobs().get(0);
        assertThat(j.takenWeek()).isEqualTo(1);
        List<CalendarWeek> cal = l.state().calendar(0, j.dueWeek() + 2);
        assertThat(cal.get(0).jobIds()).isEmpty();
        for (int w = 1; w <= j.dueWeek(); w++) {
            assertThat(cal.get(w).jobIds()).as("week " + w).containsExactly(j.id());
        }
        assertThat(cal.get(j.dueWeek() + 1).jobIds()).isEmpty();
        // delivered early, it books the weeks up to its delivery only
        l.apply(new CareerEvent.Deliver(j.id(), 85, false, 0));
        assertThat(l.state().calendar(0, j.dueWeek() + 1).get(j.dueWeek()).jobIds()).isEmpty();
    }

    @Test
    void aDeliveryThatPleasesBringsAReferralNextWeekAndAMiddlingOneDoesNot() {
        int perWeek = SimulatedLearner.ECONOMY.figures().offersPerWeek();
        for (double score : new double[] {100, 65}) {
            SimulatedLearner l = withJobBooked(15);
            Job j = l.state().bookedJobs().get(0);
            l.apply(new CareerEvent.Deliver(j.id(), score, false, 0));
            l.apply(new CareerEvent.Week());
            CareerState s = l.state();
            long fresh = s.offers().stream().filter(o -> o.offeredWeek() == s.week()).count();
            assertThat(fresh).as("offers after a delivery at " + score).isEqualTo(score >= 80 ? perWeek + 1 : perWeek);
            if (score >= 80) {
                // the referred client is another than the one pleased
                assertThat(s.offers().stream().filter(o -> o.offeredWeek() == s.week()).skip(perWeek))
                        .allMatch(o -> !o.clientId().equals(j.offer().clientId()));
            }
        }
    }

    @Test
    void aClientWhoWantsASignatureIsMoreSatisfiedWithOne() {
        SimulatedLearner l = run(16, CareerPath.FREELANCE, 100, 85);
        Offer wants = null;
        for (int w = 0; w < 60 && wants == null; w++) {
            wants = l.state().offers().stream().filter(Offer::wantsSignature).findFirst().orElse(null);
            if (wants == null) {
                l.week(o -> 85, true);
            }
        }
        assertThat(wants).as("an offer wanting a signature").isNotNull();
        l.apply(new CareerEvent.Take(wants.id()));
        String client = wants.clientId();
        double before = l.state().client(client).orElseThrow().satisfaction();
        double[] after = new double[2];
        for (int k = 0; k < 2; k++) {
            List<CareerEvent> log = new ArrayList<>(l.log);
            log.add(new CareerEvent.Deliver(wants.id(), 75, k == 1, 0));
            after[k] = CareerSimulation.replay(SimulatedLearner.ECONOMY, log).client(client).orElseThrow().satisfaction();
        }
        double bonus = SimulatedLearner.ECONOMY.figures().signatureBonus();
        int early = wants.deadlineWeeks();   // delivered the week it was taken
        double expectedWithout = before + CareerSimulation.CLIENT_MOVE
                * (75 - bonus + CareerSimulation.EARLY_BONUS * wants.speedWeight() * early - before);
        assertThat(after[0]).isCloseTo(expectedWithout, org.assertj.core.data.Offset.offset(0.06));
        assertThat(after[1] - after[0]).isCloseTo(CareerSimulation.CLIENT_MOVE * 2 * bonus, org.assertj.core.data.Offset.offset(0.11));
    }

    @Test
    void printTheSimulatedLearnersCareer() {
        // the README's figures (printed, not asserted beyond the tests above)
        for (CareerPath path : CareerPath.values()) {
            for (long seed = 1; seed <= 5; seed++) {
                SimulatedLearner l = run(seed, path, 5 * 52, 85);
                StringBuilder years = new StringBuilder();
                for (int y = 0; y < 5; y++) {
                    int yy = y;
                    long total = l.state().ledger().stream().filter(e -> e.week() / 52 == yy)
                            .mapToLong(LedgerEntry::amountPence).sum();
                    years.append(String.format(Locale.ROOT, " y%d %s £%,d", y + 1, l.rankOfWeek.get(y * 52 + 51), total / 100));
                }
                System.out.printf(Locale.ROOT, "%s seed %d: assistant week %d, engineer %d, producer %d, exec %d;%s%n",
                        path.word(), seed, l.firstWeekAt("assistant-engineer"), l.firstWeekAt("engineer"),
                        l.firstWeekAt("producer"), l.firstWeekAt("executive-producer"), years);
            }
        }
    }
}
