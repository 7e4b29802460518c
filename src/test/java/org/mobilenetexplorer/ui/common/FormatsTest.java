package org.mobilenetexplorer.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written digit grouping agrees with String.format("%,d") everywhere. */
class FormatsTest {
    @Test
    void countGroupsDigitsAsFormatDoes() {
        long[] edges = {0, 1, -1, 9, 10, 99, 100, 999, 1_000, -1_000, 9_999, 10_000, 123_456, -123_456, 1_000_000,
            568_740_352L, 71_941_427_200L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, Integer.MAX_VALUE};
        for (long n : edges) {
            assertEquals(String.format(Locale.ROOT, "%,d", n), Formats.count(n), Long.toString(n));
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            long n = random.nextLong() >> random.nextInt(64);
            assertEquals(String.format(Locale.ROOT, "%,d", n), Formats.count(n), Long.toString(n));
        }
        assertEquals("1 result", Formats.count(1, "result"));
        assertEquals("1,024 results", Formats.count(1024, "result"));
    }
}
