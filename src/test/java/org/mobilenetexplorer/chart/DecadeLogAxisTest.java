package org.mobilenetexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.junit.jupiter.api.Test;

class DecadeLogAxisTest {

    @Test
    void labelsOneTwoAndFiveOfEveryDecadeAndMarksTheRest() {
        // the MACs axis of the TF-Slim grid: about 9 to 750 million
        List<NumberTick> ticks = DecadeLogAxis.ticks(9, 750, new DecimalFormat("#,##0.##"));
        List<String> labels = ticks.stream().filter(t -> t.getTickType() == TickType.MAJOR).map(NumberTick::getText)
                .toList();
        assertEquals(List.of("10", "20", "50", "100", "200", "500"), labels);
        assertEquals(9, ticks.get(0).getValue(), 1e-9); // 9 is a minor tick, unlabelled
        assertEquals("", ticks.get(0).getText());
        assertEquals(700, ticks.get(ticks.size() - 1).getValue(), 1e-9);
        // sub-millisecond latencies: 0.2 .. 30 ms
        List<String> ms = DecadeLogAxis.ticks(0.2, 30, new DecimalFormat("#,##0.##")).stream()
                .filter(t -> t.getTickType() == TickType.MAJOR).map(NumberTick::getText).toList();
        assertEquals(List.of("0.2", "0.5", "1", "2", "5", "10", "20"), ms);
        assertTrue(DecadeLogAxis.ticks(0, 10, null).isEmpty());
    }
}
