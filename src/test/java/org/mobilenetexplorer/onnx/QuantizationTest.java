package org.mobilenetexplorer.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.onnx.Quantization.ActivationParams;
import org.mobilenetexplorer.onnx.Quantization.PerChannelWeights;

class QuantizationTest {

    @Test
    void perChannelScalesAreTheLargestMagnitudeOver127() {
        // two channels of three values (binary fractions, so every quotient is exact): max |w| = 127/16 and 127/256
        PerChannelWeights q = Quantization.perChannelWeights(
                new float[] {7.9375f, -1.03125f, 0.03125f, 0.49609375f, -0.0068359375f, 0f}, 2);
        assertArrayEquals(new float[] {0.0625f, 0.00390625f}, q.scales());
        // 127; -16.5 -> -16 (half to even); 0.5 -> 0 (half to even); 127; -1.75 -> -2; 0
        assertArrayEquals(new byte[] {127, -16, 0, 127, -2, 0}, q.values());
    }

    @Test
    void symmetricRangeNeverUsesMinus128AndAZeroChannelGetsScaleOne() {
        PerChannelWeights q = Quantization.perChannelWeights(new float[] {-3f, 3f, 1f, 0f, 0f, 0f}, 2);
        assertEquals(-127, q.values()[0]);
        assertEquals(127, q.values()[1]);
        assertEquals(1f, q.scales()[1]);
        assertArrayEquals(new byte[] {0, 0, 0}, java.util.Arrays.copyOfRange(q.values(), 3, 6));
        assertThrows(IllegalArgumentException.class, () -> Quantization.perChannelWeights(new float[5], 2));
    }

    @Test
    void biasIsInt32WithScaleInputTimesWeightScale() {
        float[] scales = Quantization.biasScales(0.5f, new float[] {0.0625f, 0.0009765625f});
        assertArrayEquals(new float[] {0.03125f, 0.00048828125f}, scales);
        // 0.390625 / 0.03125 = 12.5 -> 12 (half to even); 13.5 -> 14; -1 / 2^-11 = -2048
        assertArrayEquals(new int[] {12, -2048}, Quantization.int32Biases(new float[] {0.390625f, -1f}, scales));
        assertArrayEquals(new int[] {14}, Quantization.int32Biases(new float[] {0.421875f}, new float[] {0.03125f}));
        // saturation at the int32 range
        assertArrayEquals(new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE},
                Quantization.int32Biases(new float[] {1e30f, -1e30f}, new float[] {1e-9f, 1e-9f}));
    }

    @Test
    void activationsAreUint8WithZeroExact() {
        ActivationParams relu6 = Quantization.activation(0, 6);
        assertEquals(6f / 255, relu6.scale(), 1e-9f);
        assertEquals(0, relu6.zeroPoint());
        assertEquals(0, relu6.quantize(-3)); // saturation at 0 is the ReLU
        assertEquals(255, relu6.quantize(7)); // and at the top the 6 of ReLU6
        assertEquals(128, relu6.quantize(relu6.dequantize(128)));
        ActivationParams input = Quantization.activation(-1, 1);
        // 1 / scale is 127.5 in exact arithmetic; the float scale rounds it just below: zero point 127
        assertEquals(127, input.zeroPoint());
        assertEquals(0.0, input.dequantize(input.quantize(0)));
        assertEquals(-1.0, input.min(), 0.01);
        assertEquals(1.0, input.max(), 0.01);
        // a range without 0 is widened to contain it
        assertEquals(0, Quantization.activation(2, 4).zeroPoint());
        assertEquals(4.0, Quantization.activation(2, 4).max(), 1e-6);
        assertEquals(1f, Quantization.activation(0, 0).scale());
        assertThrows(IllegalArgumentException.class, () -> Quantization.activation(1, 0));
    }
}
