package org.controlroom.lesson.run;

import java.util.List;
import java.util.stream.Collectors;

import org.controlroom.lesson.script.BudgetSection;
import org.controlroom.lesson.script.MasteringEngineer;
import org.controlroom.lesson.script.MixEngineer;
import org.controlroom.lesson.script.Musician;
import org.controlroom.lesson.script.Studio;

/**
 * A producer's plan for a budget scenario: where to track, which session players to book, who mixes and
 * who masters. Its cost, length and quality follow from the scenario's figures:
 * <ul>
 *   <li>tracking days = ceil(songs / the studio's songs per day); the studio and every booked player
 *       are paid their day rate for each tracking day;</li>
 *   <li>mixing takes ceil(songs × days per song) days and costs the fee per song; mastering takes its
 *       days and costs its fee per song;</li>
 *   <li>quality = 0.4 × min(1, studio quality + the players' quality) + 0.35 × mix quality
 *       + 0.25 × mastering quality.</li>
 * </ul>
 */
public record BudgetPlan(Studio studio, List<Musician> musicians, MixEngineer mixing, MasteringEngineer mastering) {

    public BudgetPlan {
        musicians = List.copyOf(musicians);
    }

    public int trackingDays(BudgetSection s) {
        return (int) Math.ceil(s.songs() / studio.songsPerDay() - 1e-9);
    }

    public int days(BudgetSection s) {
        return trackingDays(s) + (int) Math.ceil(s.songs() * mixing.daysPerSong() - 1e-9)
                + (int) Math.ceil(mastering.days() - 1e-9);
    }

    public double cost(BudgetSection s) {
        double dayRates = studio.dayRate() + musicians.stream().mapToDouble(Musician::dayRate).sum();
        return trackingDays(s) * dayRates + s.songs() * (mixing.feePerSong() + mastering.feePerSong());
    }

    public double quality() {
        double tracking = Math.min(1, studio.quality() + musicians.stream().mapToDouble(Musician::quality).sum());
        return 0.4 * tracking + 0.35 * mixing.quality() + 0.25 * mastering.quality();
    }

    public String describe() {
        String players = musicians.isEmpty() ? "no session players"
                : musicians.stream().map(Musician::name).collect(Collectors.joining(", "));
        return studio.name() + "; " + players + "; mixed by " + mixing.name() + "; mastered by " + mastering.name();
    }
}
