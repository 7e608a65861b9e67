package org.controlroom.lesson.budget;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.controlroom.lesson.script.BudgetEvent;
import org.controlroom.lesson.script.BudgetSection;

/** Which events an attempt's seed makes strike: each independently with its probability, in lesson order. */
public final class Strikes {
    private Strikes() {
    }

    public static Set<String> of(BudgetSection s, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> struck = new LinkedHashSet<>();
        for (BudgetEvent e : s.events()) {
            if (random.nextDouble() < e.probability()) {
                struck.add(e.id());
            }
        }
        return struck;
    }
}
