package org.mobilenetexplorer.tradeoff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The Pareto front for "maximise accuracy, minimise cost". A point is on the front unless another point is at
 * least as cheap and at least as accurate and strictly better in one of the two. Consequences, on purpose:
 * <ul>
 *   <li>exact duplicates (same cost, same accuracy) do not dominate each other: all copies are on the front or
 *       none is;</li>
 *   <li>equal cost, different accuracy: only the most accurate is on the front;</li>
 *   <li>equal accuracy, different cost: only the cheapest is on the front;</li>
 *   <li>points whose cost or accuracy is missing (NaN) take no part: never on the front, never dominating.</li>
 * </ul>
 */
public final class Pareto {
    private Pareto() {
    }

    /** {@code front[i]} is true when item i is on the front. O(n log n). */
    public static <T> boolean[] front(List<T> items, ToDoubleFunction<T> cost, ToDoubleFunction<T> accuracy) {
        boolean[] on = new boolean[items.size()];
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            double c = cost.applyAsDouble(items.get(i));
            double a = accuracy.applyAsDouble(items.get(i));
            if (!Double.isNaN(c) && !Double.isNaN(a)) {
                idx.add(i);
            }
        }
        idx.sort(Comparator.comparingDouble((Integer i) -> cost.applyAsDouble(items.get(i))));
        double bestCheaper = Double.NEGATIVE_INFINITY; // best accuracy among strictly cheaper points
        int k = 0;
        while (k < idx.size()) {
            double c = cost.applyAsDouble(items.get(idx.get(k)));
            int end = k;
            double groupMax = Double.NEGATIVE_INFINITY;
            while (end < idx.size() && cost.applyAsDouble(items.get(idx.get(end))) == c) {
                groupMax = Math.max(groupMax, accuracy.applyAsDouble(items.get(idx.get(end))));
                end++;
            }
            if (groupMax > bestCheaper) {
                for (int j = k; j < end; j++) {
                    on[idx.get(j)] = accuracy.applyAsDouble(items.get(idx.get(j))) == groupMax;
                }
            }
            bestCheaper = Math.max(bestCheaper, groupMax);
            k = end;
        }
        return on;
    }
}
