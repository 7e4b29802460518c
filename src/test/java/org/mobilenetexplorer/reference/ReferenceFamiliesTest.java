package org.mobilenetexplorer.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mobilenetexplorer.model.ActivationFunction;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.model.MobileNetConfig;

/** The reference forward pass on V2/V3's operations: each checked by hand, then whole small networks. */
class ReferenceFamiliesTest {

    @Test
    void hardSwishAndHardSigmoidByHand() {
        ActivationFunction hs = ActivationFunction.HARD_SWISH;
        assertEquals(0.0, hs.apply(-4), 0);
        assertEquals(0.0, hs.apply(-3), 0);
        assertEquals(-1.0 / 3, hs.apply(-1), 1e-15); // -1 * 2 / 6
        assertEquals(0.0, hs.apply(0), 0);
        assertEquals(2.0 / 3, hs.apply(1), 1e-15); // 1 * 4 / 6
        assertEquals(3.0, hs.apply(3), 0);
        assertEquals(5.0, hs.apply(5), 0);
        ActivationFunction sig = ActivationFunction.HARD_SIGMOID;
        assertEquals(0.0, sig.apply(-3.5), 0);
        assertEquals(0.5, sig.apply(0), 0);
        assertEquals(0.75, sig.apply(1.5), 1e-15);
        assertEquals(1.0, sig.apply(3), 0);
        assertEquals(1.0, sig.apply(7), 0);
        assertEquals(6.0, ActivationFunction.RELU6.apply(7), 0);
        assertEquals(-2.5, ActivationFunction.NONE.apply(-2.5), 0);
    }

    @Test
    void residualAddAndChannelMultiplyByHand() {
        assertArrayEquals(new double[] {4, -3, 0.5}, ReferenceForwardPass.add(new double[] {1, 2, 0.25},
                new double[] {3, -5, 0.25}), 0);
        // 2 pixels x 2 channels, gate per channel
        assertArrayEquals(new double[] {0.5, 4, 1.5, 8}, ReferenceForwardPass.multiplyChannels(
                new double[] {1, 2, 3, 4}, new double[] {0.5, 2}, 2), 0);
    }

    private static ArchitectureSpec spec(Family f, double alpha, int res, boolean min) {
        return ArchitectureSpec.of(MobileNetConfig.of(f, alpha, res).withMinimalistic(min));
    }

    /** Squeeze-and-excite recomputed by hand from the layer weights and the depthwise output. */
    @Test
    void squeezeAndExciteByHand() {
        ArchitectureSpec spec = spec(Family.V3_SMALL, 0.5, 64, false);
        NetworkWeights w = NetworkWeights.generate(spec, 5);
        List<LayerOutput> out = new ReferenceForwardPass(w).runAllLayers(InputGenerator.generate(spec, 1, 3));
        String se = "expanded_conv_4/squeeze_excite/";
        double[] dw = out.get(spec.layer("expanded_conv_4/depthwise").index()).values();
        LayerWeights reduce = w.layer(se + "Conv");
        LayerWeights expand = w.layer(se + "Conv_1");
        int c = reduce.layer().input().c();
        int sq = reduce.layer().output().c();
        int pixels = dw.length / c;
        double[] pooled = new double[c];
        for (int i = 0; i < dw.length; i++) {
            pooled[i % c] += dw[i] / pixels;
        }
        double[] s = new double[sq];
        for (int o = 0; o < sq; o++) {
            double v = reduce.biasAt(o);
            for (int i = 0; i < c; i++) {
                v += reduce.kernelAt(o * c + i) * pooled[i];
            }
            s[o] = Math.max(0, v);
        }
        double[] expected = new double[dw.length];
        for (int o = 0; o < c; o++) {
            double v = expand.biasAt(o);
            for (int i = 0; i < sq; i++) {
                v += expand.kernelAt(o * sq + i) * s[i];
            }
            double gate = Math.min(Math.max(v + 3, 0), 6) / 6;
            assertTrue(gate > 0 && gate < 1, "gate " + gate + " saturated");
            for (int p = 0; p < pixels; p++) {
                expected[p * c + o] = dw[p * c + o] * gate;
            }
        }
        assertArrayEquals(expected, out.get(spec.layer(se + "mul").index()).values(), 1e-12);
        // the residual add reads the projection and the block input
        double[] project = out.get(spec.layer("expanded_conv_4/project").index()).values();
        double[] blockIn = out.get(spec.layer("expanded_conv_3/project").index()).values();
        assertArrayEquals(ReferenceForwardPass.add(project, blockIn),
                out.get(spec.layer("expanded_conv_4/add").index()).values(), 0);
    }

    /** V3's last convolution: bias, no batch norm, h-swish. */
    @Test
    void biasedConvolutionWithoutBatchNorm() {
        ArchitectureSpec spec = spec(Family.V3_LARGE, 0.35, 32, false);
        NetworkWeights w = NetworkWeights.generate(spec, 9);
        List<LayerOutput> out = new ReferenceForwardPass(w).runAllLayers(InputGenerator.generate(spec, 1, 1));
        LayerSpec conv2 = spec.layer("Conv_2");
        LayerWeights lw = w.layer(conv2);
        assertEquals(null, lw.batchNorm());
        double[] in = out.get(conv2.inputIndex()).values();
        double[] got = out.get(conv2.index()).values();
        for (int o = 0; o < got.length; o++) {
            double v = lw.biasAt(o);
            for (int i = 0; i < in.length; i++) {
                v += lw.kernelAt(o * in.length + i) * in[i];
            }
            assertEquals(ActivationFunction.HARD_SWISH.apply(v), got[o], 1e-12);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2 0.35 32", "v2 1.0 64", "v3-large 0.5 48", "v3-large-min 0.75 32", "v3-small 1.0 64",
        "v3-small-min 0.35 40"})
    void wholeSmallNetworksGiveAProbabilityDistribution(String which) {
        String[] p = which.split(" ");
        boolean min = p[0].endsWith("-min");
        ArchitectureSpec spec = spec(Family.fromId(p[0].replace("-min", "")), Double.parseDouble(p[1]),
                Integer.parseInt(p[2]), min);
        NetworkWeights w = NetworkWeights.generate(spec, 42);
        double[] prob = new ReferenceForwardPass(w).runBatch(InputGenerator.generate(spec, 2, 7), 2);
        assertEquals(2 * 1000, prob.length);
        for (int b = 0; b < 2; b++) {
            double sum = 0;
            double max = 0;
            for (int i = 0; i < 1000; i++) {
                double v = prob[b * 1000 + i];
                assertTrue(Double.isFinite(v) && v >= 0, "p = " + v);
                sum += v;
                max = Math.max(max, v);
            }
            assertEquals(1.0, sum, 1e-9);
            assertTrue(max > 0.005, "softmax peaks (top-1 p " + max + ", uniform 0.001)");
        }
        // every layer with weights has them; the projections feeding an add have their gamma scaled down
        for (LayerSpec l : spec.layers()) {
            if (l.kind() == LayerKind.ADD) {
                BatchNorm bn = w.layer(spec.layers().get(l.inputs().get(0))).batchNorm();
                for (float g : bn.gamma()) {
                    assertTrue(g >= 0.8 * NetworkWeights.RESIDUAL_GAMMA && g < 1.2 * NetworkWeights.RESIDUAL_GAMMA);
                }
            }
        }
    }

    /** V1's weights and outputs are what they were before families existed (hash of the seed-42 softmax). */
    @Test
    void v1OutputsAreUnchanged() {
        ArchitectureSpec spec = ArchitectureSpec.of(new MobileNetConfig(0.25, 64));
        double[] out = new ReferenceForwardPass(NetworkWeights.generate(spec, 42)).run(InputGenerator.generate(spec, 1, 7));
        long h = 17;
        for (double d : out) {
            h = h * 31 + Double.doubleToLongBits(d);
        }
        assertEquals(2433655764964292439L, h);
    }
}
