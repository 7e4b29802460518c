package org.mobilenetexplorer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WeightMemoryTest {

    @Test
    void int8IsAboutAQuarterOfFp32WithBiasesAndScalesCounted() {
        NetworkStats s = NetworkStats.of(MobileNetConfig.DEFAULT);
        Totals t = s.totals();
        long convChannels = t.bnParams() / 4; // 4 batch-norm values per convolution output channel
        long classes = 1000;
        long weights = t.params() - classes; // the FC is the only layer with a bias
        WeightMemory w = WeightMemory.of(s);
        // FP32 with batch norm folded: every weight and one bias per channel
        assertEquals((weights + convChannels + classes) * 4, w.fp32Bytes());
        assertEquals(4, (t.params() + convChannels) * 4 / 1_000_000 / 4); // 16.9 MB
        // INT8: 1 byte per weight, 17 per channel (scales, zero points, int32 bias); the first conv (3x3x3x32) FP32
        long first = 3 * 3 * 3 * 32;
        assertEquals((weights - first) + 17 * (convChannels - 32 + classes) + (first + 32) * 4, w.int8Bytes());
        assertEquals(w.int8Bytes(), w.bytes(Precision.INT8));
        double ratio = w.int8Bytes() / (double) w.fp32Bytes();
        assertEquals(0.262, ratio, 0.005);
    }
}
