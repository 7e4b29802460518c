package org.mobilenetexplorer.bench.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mobilenetexplorer.bench.BackendException;
import org.mobilenetexplorer.bench.BackendOptions;
import org.mobilenetexplorer.bench.BackendVerifier;
import org.mobilenetexplorer.bench.LayerTiming;
import org.mobilenetexplorer.model.ActivationFunction;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.model.Shape;
import org.mobilenetexplorer.reference.InputGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** DL4J's V2/V3 graphs against the reference forward pass and the cost model. */
class Dl4jFamiliesTest {
    private static final Dl4jBackend DL4J = new Dl4jBackend();

    static List<MobileNetConfig> configs() {
        return List.of(MobileNetConfig.of(Family.V2, 0.35, 96), MobileNetConfig.of(Family.V3_LARGE, 0.35, 64),
                MobileNetConfig.of(Family.V3_SMALL, 0.5, 96),
                MobileNetConfig.of(Family.V3_LARGE, 0.35, 64).withMinimalistic(true),
                MobileNetConfig.of(Family.V3_SMALL, 0.5, 96).withMinimalistic(true));
    }

    private static Dl4jPreparedNetwork prepare(ArchitectureSpec spec, String graph, String format, int batch)
            throws BackendException {
        return (Dl4jPreparedNetwork) DL4J.prepare(spec, 42, batch,
                new BackendOptions(1, Map.of("graph", graph, "format", format)));
    }

    @ParameterizedTest
    @MethodSource("configs")
    void foldedAndUnfoldedMatchTheReference(MobileNetConfig c) throws BackendException {
        BackendVerifier v = new BackendVerifier(ArchitectureSpec.of(c), 42, 7, 2);
        for (String graph : List.of("folded", "unfolded")) {
            String format = graph.equals("folded") ? "nhwc" : "nchw";
            BackendVerifier.Verdict r = v.check(DL4J, new BackendOptions(1, Map.of("graph", graph, "format", format)));
            assertTrue(r.passes(BackendVerifier.DEFAULT_TOLERANCE), c.label() + " " + graph + " " + r);
            assertTrue(r.comparison().referenceTop1() > 0.02, c.label() + " " + r);
            assertEquals("ComputationGraph", r.settings().get("network"));
        }
    }

    @ParameterizedTest
    @MethodSource("configs")
    void parameterCountsAndLayerShapesEqualTheCostModel(MobileNetConfig c) throws BackendException {
        ArchitectureSpec spec = ArchitectureSpec.of(c);
        NetworkStats stats = NetworkStats.of(spec);
        long bnChannels = spec.layers().stream().filter(LayerSpec::hasBatchNorm).mapToLong(l -> l.output().c()).sum();
        float[] input = InputGenerator.generate(spec, 1, 1);
        try (Dl4jPreparedNetwork folded = prepare(spec, "folded", "nhwc", 1);
                Dl4jPreparedNetwork unfolded = prepare(spec, "unfolded", "nchw", 1)) {
            // folded: each batch-normed conv gains a bias per channel; unfolded: 4 batch-norm values per channel
            assertEquals(stats.totals().params() + bnChannels, folded.numParams(), c.label());
            assertEquals(stats.totals().params() + stats.totals().bnParams(), unfolded.numParams(), c.label());
            for (Dl4jPreparedNetwork n : List.of(folded, unfolded)) {
                Map<String, Shape> shapes = n.layerOutputShapes(input);
                assertEquals(spec.layers().stream().map(LayerSpec::name).toList(), List.copyOf(shapes.keySet()));
                for (LayerSpec l : spec.layers()) {
                    assertEquals(l.output(), shapes.get(l.name()), c.label() + " " + l.name());
                }
            }
        }
    }

    @Test
    void profileNamesLayersAsTfSlim() throws BackendException {
        ArchitectureSpec spec = ArchitectureSpec.of(MobileNetConfig.of(Family.V3_SMALL, 0.5, 96));
        try (Dl4jPreparedNetwork n = prepare(spec, "unfolded", "nhwc", 1)) {
            List<LayerTiming> t = n.profileLayers(InputGenerator.generate(spec, 1, 1), 2);
            assertEquals(spec.layers().stream().map(LayerSpec::name).toList(), t.stream().map(LayerTiming::layer).toList());
            assertTrue(t.stream().allMatch(x -> x.samplesNs().size() == 2 && x.samplesNs().stream().allMatch(ns -> ns > 0)),
                    t.toString());
            List<String> names = t.stream().map(LayerTiming::layer).toList();
            for (String part : List.of("expanded_conv_1/expand", "expanded_conv_1/depthwise",
                    "expanded_conv/squeeze_excite/Conv", "expanded_conv/squeeze_excite/mul", "expanded_conv_1/project",
                    "expanded_conv_2/add")) {
                assertTrue(names.contains(part), part + " in " + names);
            }
        }
    }

    private static final double[] X = {-4, -3, -1, 0, 1, 3, 4};

    @Test
    void hardSwishAndHardSigmoidHaveTfsValues() {
        // by hand: h-swish(x) = x * relu6(x + 3) / 6, hard-sigmoid(x) = relu6(x + 3) / 6
        double[] hswish = {0, 0, -1.0 / 3, 0, 2.0 / 3, 3, 4};
        double[] hsig = {0, 0, 1.0 / 3, 0.5, 2.0 / 3, 1, 1};
        INDArray a = new HardSwishActivation().getActivation(Nd4j.createFromArray(toFloat(X)), false);
        INDArray b = new HardSigmoidActivation().getActivation(Nd4j.createFromArray(toFloat(X)), false);
        for (int i = 0; i < X.length; i++) {
            assertEquals(hswish[i], a.getDouble(i), 1e-6, "h-swish(" + X[i] + ")");
            assertEquals(hsig[i], b.getDouble(i), 1e-6, "hard-sigmoid(" + X[i] + ")");
            assertEquals(ActivationFunction.HARD_SWISH.apply(X[i]), a.getDouble(i), 1e-6);
            assertEquals(ActivationFunction.HARD_SIGMOID.apply(X[i]), b.getDouble(i), 1e-6);
        }
        // DL4J's own HARDSIGMOID is another function (0.2 x + 0.5): at 1 it gives 0.7, TF's 2/3
        INDArray dl4j = org.nd4j.linalg.activations.Activation.HARDSIGMOID.getActivationFunction()
                .getActivation(Nd4j.createFromArray(1f), false);
        assertEquals(0.7, dl4j.getDouble(0), 1e-6);
    }

    @Test
    void backpropIsTheDerivative() {
        double[] x = {-4, -2, -1, 0, 1, 2, 4};
        double[] dSwish = {0, -1.0 / 6, 1.0 / 6, 0.5, 5.0 / 6, 7.0 / 6, 1};
        double[] dSig = {0, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 0};
        var a = new HardSwishActivation().backprop(Nd4j.createFromArray(toFloat(x)), Nd4j.ones(x.length)).getFirst();
        var b = new HardSigmoidActivation().backprop(Nd4j.createFromArray(toFloat(x)), Nd4j.ones(x.length)).getFirst();
        for (int i = 0; i < x.length; i++) {
            assertEquals(dSwish[i], a.getDouble(i), 1e-6, "h-swish'(" + x[i] + ")");
            assertEquals(dSig[i], b.getDouble(i), 1e-6, "hard-sigmoid'(" + x[i] + ")");
        }
    }

    @Test
    void channelMultiplyScalesEachImagesChannels() {
        // [2, 1, 2, 3] NHWC map times a [2, 3] gate: every pixel of image n, channel c times gate[n][c]
        INDArray map = Nd4j.arange(12).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).reshape(2, 1, 2, 3);
        INDArray gate = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {10, 20, 30}});
        var v = new ChannelMultiplyVertex.Impl(null, "mul", 0, org.nd4j.linalg.api.buffer.DataType.FLOAT,
                new ChannelMultiplyVertex(org.deeplearning4j.nn.conf.CNN2DFormat.NHWC));
        v.setInputs(new INDArray[] {map, gate});
        INDArray out = v.doForward(false, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces());
        float[] expected = {0, 2, 6, 3, 8, 15, 60, 140, 240, 90, 200, 330};
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(out.data().asFloat()));
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
