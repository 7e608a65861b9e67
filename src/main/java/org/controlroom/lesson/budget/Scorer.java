package org.controlroom.lesson.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.controlroom.lesson.script.BudgetSection;
import org.controlroom.lesson.script.MasteringEngineer;
import org.controlroom.lesson.script.MixEngineer;
import org.controlroom.lesson.script.Musician;
import org.controlroom.lesson.script.Studio;

/**
 * Scores a budget outcome. Hard limits, each of which fails the lesson whatever else is good: spending
 * more than the budget plus the lesson's contingency; delivering after the deadline; a record below
 * the lesson's quality floor; delivering no song at all. The criteria:
 * <ul>
 *   <li>delivery: the share of the songs delivered, on time (0 when late);</li>
 *   <li>spend: 100 within the budget, falling to 50 across the contingency, 0 beyond it;</li>
 *   <li>quality: where the record's quality lies between the worst and the best quality any plan in
 *       the lesson can reach (worst = 0, best = 100).</li>
 * </ul>
 */
public final class Scorer {
    private final BudgetSection s;
    private final double wDelivery;
    private final double wSpend;
    private final double wQuality;
    private final double bestQuality;
    private final double worstQuality;

    public Scorer(BudgetSection s, Map<String, Double> weights) {
        this.s = s;
        this.wDelivery = weights.getOrDefault("delivery", 0.0);
        this.wSpend = weights.getOrDefault("spend", 0.0);
        this.wQuality = weights.getOrDefault("quality", 0.0);
        double people = s.musicians().stream().mapToDouble(Musician::quality).sum();
        double bestTrack = s.studios().stream().mapToDouble(st -> Math.min(1, st.quality() + people)).max().orElse(0);
        double worstTrack = s.studios().stream().mapToDouble(Studio::quality).min().orElse(0);
        this.bestQuality = 0.4 * bestTrack + 0.35 * s.mixing().stream().mapToDouble(MixEngineer::quality).max().orElse(0)
                + 0.25 * s.mastering().stream().mapToDouble(MasteringEngineer::quality).max().orElse(0);
        this.worstQuality = 0.4 * worstTrack + 0.35 * s.mixing().stream().mapToDouble(MixEngineer::quality).min().orElse(0)
                + 0.25 * s.mastering().stream().mapToDouble(MasteringEngineer::quality).min().orElse(0);
    }

    public BudgetSection section() {
        return s;
    }

    public double bestQuality() {
        return bestQuality;
    }

    public double worstQuality() {
        return worstQuality;
    }

    public Outcome score(Schedule sch, Effects fx) {
        double spent = sch.cost() + fx.cost();
        int delivered = Math.max(0, sch.songsTracked() - fx.dropSongs());
        int day = sch.songsTracked() == 0 ? 0 : Math.max(1, sch.deliveryDay() + fx.delayDays());
        double quality = Math.max(0, Math.min(1, sch.quality() + fx.quality()));
        List<String> broken = new ArrayList<>();
        double limit = s.money() + s.contingency();
        if (spent > limit + 1e-6) {
            broken.add(String.format(Locale.ROOT, "over budget: spent %s, more than %s%s", money(spent), money(s.money()),
                    s.contingency() > 0 ? " and its " + money(s.contingency()) + " contingency" : ""));
        }
        boolean late = delivered > 0 && day > s.deadlineDays();
        if (late) {
            broken.add(String.format(Locale.ROOT, "late: delivered on day %d, after the deadline (day %d)", day,
                    s.deadlineDays()));
        }
        if (delivered == 0) {
            broken.add("nothing delivered: no song was tracked, mixed and mastered");
        }
        if (delivered > 0 && quality < s.minQuality() - 1e-9) {
            broken.add(String.format(Locale.ROOT, "quality %.2f is below the %.2f the client accepts", quality,
                    s.minQuality()));
        }
        double delivery = late || delivered == 0 ? 0 : 100.0 * delivered / s.songs();
        double spend;
        if (spent <= s.money() + 1e-6) {
            spend = 100;
        } else if (spent <= limit + 1e-6) {
            spend = 100 - 50 * (spent - s.money()) / s.contingency();
        } else {
            spend = 0;
        }
        double span = bestQuality - worstQuality;
        double q = delivered == 0 ? 0 : span <= 1e-12 ? 100 : 100 * Math.max(0, Math.min(1, (quality - worstQuality) / span));
        double total = wDelivery + wSpend + wQuality;
        double score = total == 0 ? 0 : (wDelivery * delivery + wSpend * spend + wQuality * q) / total;
        return new Outcome(spent, day, quality, delivered, delivery, spend, q, score, broken);
    }

    public String money(double amount) {
        return money(s, amount);
    }

    public static String money(BudgetSection s, double amount) {
        String symbol = switch (s.currency()) {
            case "GBP" -> "\u00A3";
            case "EUR" -> "\u20AC";
            case "USD" -> "$";
            default -> s.currency() + " ";
        };
        return (amount < 0 ? "-" : "") + symbol + String.format(Locale.UK, "%,.0f", Math.abs(amount));
    }
}
