package org.mobilenetexplorer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SmokeTotalsTest {
    @Test
    void baselineTotalsMatchTheIssue() {
        Totals t = NetworkStats.of(MobileNetConfig.DEFAULT).totals();
        assertEquals(568_740_352L, t.macs());
        assertEquals(4_210_088L, t.params());
        assertEquals(43_776L, t.bnParams());
        assertEquals(30, t.layers()); // 1 conv + 13 dw + 13 pw + pool + FC + softmax
    }
}
