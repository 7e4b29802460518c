package org.mobilenetexplorer.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.Activation;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.Shape;

class ReferenceForwardPassTest {

    private static final ArchitectureSpec SMALL = ArchitectureSpec.of(new MobileNetConfig(0.25, 64));

    @Test
    void weightsAreDeterministicPerSeed() {
        NetworkWeights a = NetworkWeights.generate(SMALL, 42);
        NetworkWeights b = NetworkWeights.generate(SMALL, 42);
        NetworkWeights c = NetworkWeights.generate(SMALL, 43);
        assertArrayEquals(a.layer("Conv2d_5_pointwise").kernel(), b.layer("Conv2d_5_pointwise").kernel());
        assertArrayEquals(a.layer("Logits").bias(), b.layer("Logits").bias());
        assertFalse(java.util.Arrays.equals(a.layer("Conv2d_5_pointwise").kernel(), c.layer("Conv2d_5_pointwise").kernel()));
        // every conv and the FC have weights; pool and softmax none
        assertEquals(SMALL.layers().size() - 2, a.layers().size());
        assertThrows(IllegalArgumentException.class, () -> a.layer("AvgPool"));
    }

    @Test
    void convolutionKernelsAreHeNormal() {
        ArchitectureSpec spec = ArchitectureSpec.of(new MobileNetConfig(1.0, 64));
        LayerWeights w = NetworkWeights.generate(spec, 1).layer("Conv2d_13_pointwise"); // 1024 x 1024
        double sum = 0;
        double sq = 0;
        int n = w.kernelSize();
        for (int i = 0; i < n; i++) {
            sum += w.kernelAt(i);
            sq += (double) w.kernelAt(i) * w.kernelAt(i);
        }
        double std = Math.sqrt(sq / n - (sum / n) * (sum / n));
        assertEquals(Math.sqrt(2.0 / 1024), std, 0.01 * Math.sqrt(2.0 / 1024));
        BatchNorm bn = w.batchNorm();
        for (int c = 0; c < bn.channels(); c++) {
            assertTrue(bn.gamma()[c] >= 0.8 && bn.gamma()[c] < 1.2);
            assertTrue(bn.variance()[c] >= Math.exp(-0.4) && bn.variance()[c] <= Math.exp(0.4));
        }
    }

    /** The straightforward definition, written independently of the optimised loop: NHWC, TF 'SAME'. */
    private static double[] naiveConv(double[] in, LayerWeights w) {
        LayerSpec l = w.layer();
        Shape is = l.input();
        Shape os = l.output();
        int k = l.kernel();
        int g = l.groups();
        int cinPg = is.c() / g;
        int coutPg = os.c() / g;
        int totalH = Math.max((os.h() - 1) * l.stride() + k - is.h(), 0);
        int totalW = Math.max((os.w() - 1) * l.stride() + k - is.w(), 0);
        double[] out = new double[(int) os.elements()];
        for (int oy = 0; oy < os.h(); oy++) {
            for (int ox = 0; ox < os.w(); ox++) {
                for (int o = 0; o < os.c(); o++) {
                    int group = o / coutPg;
                    double s = 0;
                    for (int i = 0; i < cinPg; i++) {
                        for (int ky = 0; ky < k; ky++) {
                            for (int kx = 0; kx < k; kx++) {
                                int iy = oy * l.stride() + ky - totalH / 2;
                                int ix = ox * l.stride() + kx - totalW / 2;
                                if (iy >= 0 && iy < is.h() && ix >= 0 && ix < is.w()) {
                                    s += in[(iy * is.w() + ix) * is.c() + group * cinPg + i]
                                            * w.kernelAt(((o * cinPg + i) * k + ky) * k + kx);
                                }
                            }
                        }
                    }
                    out[(oy * os.w() + ox) * os.c() + o] = s;
                }
            }
        }
        return out;
    }

    @Test
    void convolutionMatchesTheDefinitionForEveryKindOddSizesAndStrides() {
        SplittableRandom rnd = new SplittableRandom(3);
        Shape in = new Shape(7, 6, 4);
        List<LayerSpec> layers = List.of(
                new LayerSpec(0, "c_s2", LayerKind.CONV, 3, 2, in, new Shape(4, 3, 5), 0),
                new LayerSpec(1, "c_s1", LayerKind.CONV, 3, 1, in, new Shape(7, 6, 5), 0),
                new LayerSpec(2, "dw_s2", LayerKind.DEPTHWISE, 3, 2, in, new Shape(4, 3, 4), 0),
                new LayerSpec(3, "pw", LayerKind.POINTWISE, 1, 1, in, new Shape(7, 6, 3), 0));
        double[] x = new double[(int) in.elements()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble(-1, 1);
        }
        for (LayerSpec l : layers) {
            LayerWeights w = randomConv(l, rnd);
            assertArrayEquals(naiveConv(x, w), ReferenceForwardPass.convolve(x, w), 1e-12, l.name());
        }
    }

    @Test
    void samePaddingPutsTheSmallerHalfBefore() {
        // 4x4 input, 3x3 stride 2: total padding 1, none before, one after (TF 'SAME')
        LayerSpec l = new LayerSpec(0, "c", LayerKind.CONV, 3, 2, new Shape(4, 4, 1), new Shape(2, 2, 1), 0);
        float[] ones = new float[9];
        java.util.Arrays.fill(ones, 1f);
        LayerWeights w = new LayerWeights(l, ones, null, unitBatchNorm(1));
        double[] in = new double[16];
        for (int i = 0; i < 16; i++) {
            in[i] = i; // value = y * 4 + x
        }
        double[] out = ReferenceForwardPass.convolve(in, w);
        assertEquals(0 + 1 + 2 + 4 + 5 + 6 + 8 + 9 + 10, out[0], 1e-12); // rows 0..2, cols 0..2
        assertEquals(10 + 11 + 14 + 15, out[3], 1e-12);                  // rows 2..3, cols 2..3, padding after
    }

    @Test
    void foldedBatchNormEqualsExplicitBatchNorm() {
        SplittableRandom rnd = new SplittableRandom(5);
        LayerSpec l = new LayerSpec(0, "dw", LayerKind.DEPTHWISE, 3, 1, new Shape(5, 5, 6), new Shape(5, 5, 6), 0);
        LayerWeights w = randomConv(l, rnd);
        double[] x = new double[150];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble(-1, 1);
        }
        double[] explicit = ReferenceForwardPass.batchNormActivation(ReferenceForwardPass.convolve(x, w), w.batchNorm(),
                Activation.RELU6);
        BatchNormFolding.FoldedConv f = BatchNormFolding.fold(w);
        double[] folded = ReferenceForwardPass.convolve(x, new LayerWeights(l, f.kernel(), null, unitBatchNorm(6)));
        float[] bias = f.bias();
        for (int i = 0; i < folded.length; i++) {
            folded[i] = ReferenceForwardPass.activate(folded[i] + bias[i % 6], Activation.RELU6);
        }
        assertArrayEquals(explicit, folded, 1e-6);
    }

    @Test
    void everyLayerOutputHasTheSpecShapeAndTheSoftmaxSumsToOne() {
        float[] image = InputGenerator.generate(SMALL, 1, 7);
        List<LayerOutput> all = new ReferenceForwardPass(NetworkWeights.generate(SMALL, 42)).runAllLayers(image);
        assertEquals(SMALL.layers().size(), all.size());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(SMALL.layers().get(i), all.get(i).layer());
            assertEquals(SMALL.layers().get(i).output().elements(), all.get(i).values().length);
        }
        double[] p = all.get(all.size() - 1).values();
        assertEquals(1.0, java.util.Arrays.stream(p).sum(), 1e-12);
        // ReLU6 bounds every convolution output
        for (LayerOutput o : all.subList(0, all.size() - 3)) {
            for (double v : o.values()) {
                assertTrue(v >= 0 && v <= 6, o.layer().name() + " " + v);
            }
        }
        // the softmax is peaked like a classifier's, not flat (1/1000)
        double max = java.util.Arrays.stream(p).max().orElseThrow();
        assertTrue(max > 0.02, "top-1 probability " + max);
        assertArrayEquals(p, new ReferenceForwardPass(NetworkWeights.generate(SMALL, 42)).run(image), 0);
    }

    @Test
    void batchRunsEachImageIndependently() {
        float[] two = InputGenerator.generate(SMALL, 2, 9);
        int per = (int) SMALL.input().elements();
        ReferenceForwardPass ref = new ReferenceForwardPass(NetworkWeights.generate(SMALL, 42));
        double[] batch = ref.runBatch(two, 2);
        double[] second = ref.run(java.util.Arrays.copyOfRange(two, per, 2 * per));
        assertArrayEquals(second, java.util.Arrays.copyOfRange(batch, 1000, 2000), 0);
        assertThrows(IllegalArgumentException.class, () -> ref.run(new float[3]));
    }

    @Test
    void comparisonReportsDifferenceAndTopFive() {
        double[] ref = {0.5, 0.2, 0.1, 0.08, 0.07, 0.05};
        float[] same = {0.5f, 0.2f, 0.1f, 0.08f, 0.07f, 0.05f};
        OutputComparison ok = OutputComparison.of(ref, same, 6);
        assertTrue(ok.passes(1e-6));
        float[] swapped = {0.5f, 0.2f, 0.1f, 0.08f, 0.05f, 0.07f}; // 5th and 6th swap: top-5 set differs
        OutputComparison bad = OutputComparison.of(ref, swapped, 6);
        assertEquals(0.02, bad.maxAbsDiff(), 1e-6);
        assertEquals(0, bad.top5Agree());
        assertEquals(1, bad.top1Agree());
        assertFalse(bad.passes(1.0));
    }

    private static BatchNorm unitBatchNorm(int c) {
        float[] one = new float[c];
        float[] zero = new float[c];
        java.util.Arrays.fill(one, 1f);
        return new BatchNorm(one, zero, zero, one, 0.0);
    }

    private static LayerWeights randomConv(LayerSpec l, SplittableRandom rnd) {
        float[] k = new float[(int) LayerWeights.kernelLength(l)];
        for (int i = 0; i < k.length; i++) {
            k[i] = (float) rnd.nextGaussian();
        }
        int c = l.output().c();
        float[] g = new float[c];
        float[] b = new float[c];
        float[] m = new float[c];
        float[] v = new float[c];
        for (int i = 0; i < c; i++) {
            g[i] = (float) rnd.nextDouble(0.5, 1.5);
            b[i] = (float) rnd.nextDouble(-0.5, 0.5);
            m[i] = (float) rnd.nextDouble(-0.5, 0.5);
            v[i] = (float) rnd.nextDouble(0.5, 1.5);
        }
        return new LayerWeights(l, k, null, new BatchNorm(g, b, m, v, BatchNorm.EPSILON));
    }
}
