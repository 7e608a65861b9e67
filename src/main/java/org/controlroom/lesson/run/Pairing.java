package org.controlroom.lesson.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Pairs the bands a learner gave with the bands of a question one to one, the pairing with the least total
 * cost, so the order the bands were named or dialled in does not matter (a question has at most 3 bands, so
 * every order is tried).
 */
final class Pairing {

    /** What pairing answer {@code answer} with truth {@code truth} costs (an error: octaves, dB …). */
    @FunctionalInterface
    interface Cost {
        double of(int answer, int truth);
    }

    private Pairing() {
    }

    /** {@code best[k]} is the answer paired with truth {@code k}; ties keep the first order found. */
    static int[] leastCost(int n, Cost cost) {
        int[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int[] p : permutations(n)) {
            double c = 0;
            for (int k = 0; k < n; k++) {
                c += cost.of(p[k], k);
            }
            if (c < bestCost - 1e-12) {
                bestCost = c;
                best = p;
            }
        }
        return best;
    }

    /** Every order of 0 … n-1. */
    private static List<int[]> permutations(int n) {
        List<int[]> out = new ArrayList<>();
        permute(new int[n], new boolean[n], 0, out);
        return out;
    }

    private static void permute(int[] p, boolean[] used, int at, List<int[]> out) {
        if (at == p.length) {
            out.add(p.clone());
            return;
        }
        for (int i = 0; i < p.length; i++) {
            if (!used[i]) {
                used[i] = true;
                p[at] = i;
                permute(p, used, at + 1, out);
                used[i] = false;
            }
        }
    }
}
