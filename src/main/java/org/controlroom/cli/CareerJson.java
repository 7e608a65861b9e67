package org.controlroom.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.controlroom.lesson.career.CareerState;
import org.controlroom.lesson.career.ClientStanding;
import org.controlroom.lesson.career.Job;
import org.controlroom.lesson.career.LedgerEntry;
import org.controlroom.lesson.career.Offer;
import org.controlroom.lesson.career.RankProgress;
import org.controlroom.lesson.career.Release;
import org.controlroom.lesson.career.SignatureTrait;
import org.controlroom.lesson.career.WeekIncome;

/**
 * {@code career status --json} and {@code career offers --json}: the state's records with their component
 * names as keys (so the window's dashboard and the JSON name the same figures), money in pence.
 */
final class CareerJson {
    private CareerJson() {
    }

    static Map<String, Object> state(String learner, CareerState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("learner", learner);
        m.put("seed", s.seed());
        m.put("week", s.week());
        m.put("path", s.path().word());
        m.put("cashPence", s.cashPence());
        m.put("rank", s.rank());
        m.put("xp", s.xp());
        m.put("credits", s.credits());
        m.put("reputation", s.reputation());
        m.put("nextRank", s.nextRank().map(CareerJson::next).orElse(null));
        m.put("signature", s.signature().map(sig -> {
            Map<String, Object> g = new LinkedHashMap<>();
            List<Map<String, Object>> traits = new ArrayList<>();
            for (SignatureTrait t : sig.traits()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("name", t.name());
                x.put("valueVsReference", t.valueVsReference());
                x.put("unit", t.unit());
                x.put("words", t.words());
                traits.add(x);
            }
            g.put("traits", traits);
            g.put("summary", sig.summary());
            return g;
        }).orElse(null));
        m.put("clients", s.clients().stream().map(CareerJson::client).toList());
        m.put("offers", s.offers().stream().map(CareerJson::offer).toList());
        m.put("jobs", s.jobs().stream().map(CareerJson::job).toList());
        m.put("ledger", s.ledger().stream().map(CareerJson::entry).toList());
        m.put("catalogue", s.catalogue().stream().map(CareerJson::release).toList());
        m.put("incomeByWeek", s.incomeByWeek().stream().map(CareerJson::income).toList());
        return m;
    }

    static Map<String, Object> next(RankProgress p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rankId", p.rankId());
        m.put("xpNeeded", p.xpNeeded());
        m.put("xpHave", p.xpHave());
        m.put("creditsNeeded", p.creditsNeeded());
        m.put("creditsHave", p.creditsHave());
        m.put("reputationNeeded", p.reputationNeeded());
        m.put("reputationHave", p.reputationHave());
        return m;
    }

    static Map<String, Object> client(ClientStanding c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("type", c.type());
        m.put("satisfaction", c.satisfaction());
        m.put("jobsDone", c.jobsDone());
        m.put("lost", c.lost());
        return m;
    }

    static Map<String, Object> offer(Offer o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("clientId", o.clientId());
        m.put("title", o.title());
        m.put("brief", o.brief());
        m.put("lessonIds", o.lessonIds());
        m.put("feePence", o.feePence());
        m.put("deadlineWeeks", o.deadlineWeeks());
        m.put("offeredWeek", o.offeredWeek());
        m.put("expiresWeek", o.expiresWeek());
        m.put("speedWeight", o.speedWeight());
        m.put("wantsSignature", o.wantsSignature());
        return m;
    }

    static Map<String, Object> job(Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("offer", offer(j.offer()));
        m.put("takenWeek", j.takenWeek());
        m.put("dueWeek", j.dueWeek());
        m.put("status", j.status().name());
        m.put("score", j.score());
        m.put("deliveredWeek", j.deliveredWeek());
        m.put("paidPence", j.paidPence());
        return m;
    }

    static Map<String, Object> entry(LedgerEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("week", e.week());
        m.put("kind", e.kind().name());
        m.put("amountPence", e.amountPence());
        m.put("memo", e.memo());
        return m;
    }

    static Map<String, Object> release(Release r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("title", r.title());
        m.put("clientId", r.clientId());
        m.put("releasedWeek", r.releasedWeek());
        m.put("points", r.points());
        m.put("royaltiesPence", r.royaltiesPence());
        return m;
    }

    static Map<String, Object> income(WeekIncome w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("week", w.week());
        m.put("salaryPence", w.salaryPence());
        m.put("feesPence", w.feesPence());
        m.put("royaltiesPence", w.royaltiesPence());
        m.put("costsPence", w.costsPence());
        return m;
    }
}
