package org.controlroom.lesson.run;

import java.util.List;
import java.util.Locale;

import org.controlroom.lesson.script.BudgetEvent;
import org.controlroom.lesson.script.BudgetSection;

/**
 * How a plan turned out once the scenario's random events struck: days taken, money spent, and the
 * three criteria scored from them.
 * <ul>
 *   <li>delivery: 100 on time, 25 points lost per day late;</li>
 *   <li>spend: 100 within budget; over budget, 4 points lost per 1 % over (25 % over scores 0);</li>
 *   <li>quality: the plan's quality as a share of the highest quality any plan in the scenario can
 *       reach.</li>
 * </ul>
 */
public record BudgetOutcome(int days, double spent, List<BudgetEvent> events, double delivery, double spend,
                            double quality) {

    public BudgetOutcome {
        events = List.copyOf(events);
    }

    static BudgetOutcome of(BudgetSection s, BudgetPlan plan, List<BudgetEvent> struck, double bestQuality) {
        int days = plan.days(s) + struck.stream().mapToInt(BudgetEvent::delayDays).sum();
        double spent = plan.cost(s) + struck.stream().mapToDouble(BudgetEvent::cost).sum();
        int late = Math.max(0, days - s.deadlineDays());
        double delivery = Math.max(0, 100 - 25.0 * late);
        double over = Math.max(0, spent - s.money()) / s.money();
        double spend = Math.max(0, 100 - 400 * over);
        double quality = bestQuality <= 0 ? 100 : Math.min(100, 100 * plan.quality() / bestQuality);
        return new BudgetOutcome(days, spent, struck, delivery, spend, quality);
    }

    /** The weighted score 0–100 under the lesson's weights for delivery, spend and quality. */
    double score(double wDelivery, double wSpend, double wQuality) {
        double total = wDelivery + wSpend + wQuality;
        return total == 0 ? 0 : (wDelivery * delivery + wSpend * spend + wQuality * quality) / total;
    }

    static String money(BudgetSection s, double amount) {
        String symbol = switch (s.currency()) {
            case "GBP" -> "£";
            case "EUR" -> "€";
            case "USD" -> "$";
            default -> s.currency() + " ";
        };
        return symbol + String.format(Locale.UK, "%,.0f", amount);
    }
}
