package org.mobilenetexplorer.tradeoff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoTest {
    /** cost, accuracy */
    private static boolean[] front(double[]... pts) {
        return Pareto.front(List.of(pts), p -> p[0], p -> p[1]);
    }

    @Test
    void dominatedPointsAreOffTheFront() {
        assertArrayEquals(new boolean[] {true, false, true, true},
                front(new double[] {10, 50}, new double[] {20, 45}, new double[] {30, 60}, new double[] {5, 40}));
    }

    @Test
    void exactDuplicatesStayTogether() {
        assertArrayEquals(new boolean[] {true, true, true},
                front(new double[] {10, 50}, new double[] {10, 50}, new double[] {20, 60}));
        // duplicates that are dominated leave together
        assertArrayEquals(new boolean[] {false, false, true},
                front(new double[] {10, 50}, new double[] {10, 50}, new double[] {5, 55}));
    }

    @Test
    void equalCostKeepsOnlyTheMostAccurate() {
        assertArrayEquals(new boolean[] {false, true, true},
                front(new double[] {10, 50}, new double[] {10, 52}, new double[] {5, 40}));
    }

    @Test
    void equalAccuracyKeepsOnlyTheCheapest() {
        assertArrayEquals(new boolean[] {true, false, false},
                front(new double[] {10, 50}, new double[] {12, 50}, new double[] {11, 49}));
    }

    @Test
    void missingValuesTakeNoPart() {
        assertArrayEquals(new boolean[] {false, true, false},
                front(new double[] {Double.NaN, 99}, new double[] {10, 50}, new double[] {5, Double.NaN}));
        assertArrayEquals(new boolean[] {}, front());
    }
}
