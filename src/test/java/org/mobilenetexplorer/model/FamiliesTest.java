package org.mobilenetexplorer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * V2 and V3 against TF-Slim's definitions ({@code mobilenet_v2.py V2_DEF}, {@code mobilenet_v3.py}), written out
 * here by hand from reading them, and against torchvision's independent parameter counts.
 */
class FamiliesTest {

    static MobileNetConfig cfg(Family f, double alpha, int res) {
        return MobileNetConfig.of(f, alpha, res);
    }

    @Test
    void makeDivisibleAsTfSlim() {
        assertEquals(16, Widths.makeDivisible(16, 8));
        assertEquals(8, Widths.makeDivisible(3, 8)); // min_value = divisor
        assertEquals(24, Widths.makeDivisible(18, 8)); // 16 < 0.9 * 18: plus 8 (V3-Large's first squeeze)
        assertEquals(16, Widths.makeDivisible(12, 8)); // int(16) // 8 * 8: rounds half up
        assertEquals(16, Widths.makeDivisible(11.9, 8)); // 8 would lose more than 10%
        assertEquals(8, Widths.makeDivisible(24 * 0.35, 8)); // 8.4 -> 8
        assertEquals(184, Widths.makeDivisible(80 * (184 / 80.), 8));
        assertEquals(32, Widths.makeDivisible(32 * 1.0, 1)); // V2's first block: divisible_by = 1
        assertEquals(448, Widths.makeDivisible(320 * 1.4, 8));
        assertEquals(112, Widths.makeDivisible(320 * 0.35, 8));
        assertEquals(8, Widths.makeDivisible(16 * 0.35, 8));
        assertEquals(24, Widths.makeDivisible(24 * 0.75, 8)); // 18 -> 16 < 16.2 -> 24
        assertThrows(IllegalArgumentException.class, () -> Widths.makeDivisible(0, 8));
    }

    /** in, expanded, out, kernel, stride, squeeze (0 = no SE), residual (1/0), output map at 224. */
    private static void assertBlocks(ArchitectureSpec spec, int[][] expected) {
        assertEquals(expected.length, spec.blocks().size(), "blocks of " + spec.config().label());
        for (int i = 0; i < expected.length; i++) {
            int[] e = expected[i];
            BlockSpec b = spec.blocks().get(i);
            String where = spec.config().label() + " " + b.name();
            assertEquals(i == 0 ? "expanded_conv" : "expanded_conv_" + i, b.name());
            assertEquals(e[0], b.inputChannels(), where + " in");
            assertEquals(e[1], b.expandedChannels(), where + " expanded");
            assertEquals(e[2], b.outputChannels(), where + " out");
            assertEquals(e[3], b.op().kernel(), where + " kernel");
            assertEquals(e[4], b.op().stride(), where + " stride");
            assertEquals(e[5], b.squeezeChannels(), where + " squeeze");
            assertEquals(e[6] == 1, b.residual(), where + " residual");
            LayerSpec last = spec.layers().get(b.lastLayer());
            assertEquals(new Shape(e[7], e[7], e[2]), last.output(), where + " output");
            LayerSpec dw = spec.layer(b.name() + "/depthwise");
            assertEquals(LayerKind.DEPTHWISE, dw.kind());
            assertEquals(e[3], dw.kernel());
            assertEquals(e[1], dw.output().c());
            assertEquals(e[1] > e[0], spec.layers().stream().anyMatch(l -> l.name().equals(b.name() + "/expand")));
        }
    }

    @Test
    void v2MatchesTfSlimV2Def() {
        ArchitectureSpec spec = ArchitectureSpec.of(cfg(Family.V2, 1.0, 224));
        assertEquals(new Shape(112, 112, 32), spec.layer("Conv").output());
        assertEquals(LayerKind.CONV, spec.layer("Conv").kind());
        assertBlocks(spec, new int[][] {
            {32, 32, 16, 3, 1, 0, 0, 112},
            {16, 96, 24, 3, 2, 0, 0, 56},
            {24, 144, 24, 3, 1, 0, 1, 56},
            {24, 144, 32, 3, 2, 0, 0, 28},
            {32, 192, 32, 3, 1, 0, 1, 28},
            {32, 192, 32, 3, 1, 0, 1, 28},
            {32, 192, 64, 3, 2, 0, 0, 14},
            {64, 384, 64, 3, 1, 0, 1, 14},
            {64, 384, 64, 3, 1, 0, 1, 14},
            {64, 384, 64, 3, 1, 0, 1, 14},
            {64, 384, 96, 3, 1, 0, 0, 14},
            {96, 576, 96, 3, 1, 0, 1, 14},
            {96, 576, 96, 3, 1, 0, 1, 14},
            {96, 576, 160, 3, 2, 0, 0, 7},
            {160, 960, 160, 3, 1, 0, 1, 7},
            {160, 960, 160, 3, 1, 0, 1, 7},
            {160, 960, 320, 3, 1, 0, 0, 7}});
        LayerSpec head = spec.layer("Conv_1");
        assertEquals(new Shape(7, 7, 1280), head.output());
        assertEquals(ActivationFunction.RELU6, head.activation());
        assertTrue(head.hasBatchNorm());
        assertEquals(ActivationFunction.NONE, spec.layer("expanded_conv_5/project").activation());
        assertEquals(ActivationFunction.RELU6, spec.layer("expanded_conv_5/expand").activation());
        assertEquals(List.of("AvgPool", "Logits", "Softmax"),
                spec.layers().subList(spec.layers().size() - 3, spec.layers().size()).stream().map(LayerSpec::name)
                        .toList());
        // the residual add reads the projection and the block input
        LayerSpec add = spec.layer("expanded_conv_2/add");
        assertEquals(List.of(spec.layer("expanded_conv_2/project").index(), spec.layer("expanded_conv_1/project").index()),
                add.inputs());
    }

    private static final int[][] V3_LARGE = {
        {16, 16, 16, 3, 1, 0, 1, 112},
        {16, 64, 24, 3, 2, 0, 0, 56},
        {24, 72, 24, 3, 1, 0, 1, 56},
        {24, 72, 40, 5, 2, 24, 0, 28},
        {40, 120, 40, 5, 1, 32, 1, 28},
        {40, 120, 40, 5, 1, 32, 1, 28},
        {40, 240, 80, 3, 2, 0, 0, 14},
        {80, 200, 80, 3, 1, 0, 1, 14},
        {80, 184, 80, 3, 1, 0, 1, 14},
        {80, 184, 80, 3, 1, 0, 1, 14},
        {80, 480, 112, 3, 1, 120, 0, 14},
        {112, 672, 112, 3, 1, 168, 1, 14},
        {112, 672, 160, 5, 2, 168, 0, 7},
        {160, 960, 160, 5, 1, 240, 1, 7},
        {160, 960, 160, 5, 1, 240, 1, 7}};

    private static final int[][] V3_SMALL = {
        {16, 16, 16, 3, 2, 8, 0, 56},
        {16, 72, 24, 3, 2, 0, 0, 28},
        {24, 88, 24, 3, 1, 0, 1, 28},
        {24, 96, 40, 5, 2, 24, 0, 14},
        {40, 240, 40, 5, 1, 64, 1, 14},
        {40, 240, 40, 5, 1, 64, 1, 14},
        {40, 120, 48, 5, 1, 32, 0, 14},
        {48, 144, 48, 5, 1, 40, 1, 14},
        {48, 288, 96, 5, 2, 72, 0, 7},
        {96, 576, 96, 5, 1, 144, 1, 7},
        {96, 576, 96, 5, 1, 144, 1, 7}};

    @Test
    void v3LargeMatchesTfSlim() {
        ArchitectureSpec spec = ArchitectureSpec.of(cfg(Family.V3_LARGE, 1.0, 224));
        assertBlocks(spec, V3_LARGE);
        assertEquals(ActivationFunction.HARD_SWISH, spec.layer("Conv").activation());
        assertEquals(ActivationFunction.RELU, spec.layer("expanded_conv_3/expand").activation());
        assertEquals(ActivationFunction.HARD_SWISH, spec.layer("expanded_conv_6/depthwise").activation());
        assertHead(spec, 960, 1280);
        // squeeze-and-excite after the depthwise: pool, reduce + ReLU, expand + hard-sigmoid, multiply
        String se = "expanded_conv_3/squeeze_excite/";
        LayerSpec pool = spec.layer(se + "AvgPool");
        LayerSpec reduce = spec.layer(se + "Conv");
        LayerSpec expand = spec.layer(se + "Conv_1");
        LayerSpec mul = spec.layer(se + "mul");
        LayerSpec dw = spec.layer("expanded_conv_3/depthwise");
        assertEquals(List.of(dw.index()), pool.inputs());
        assertEquals(new Shape(1, 1, 72), pool.output());
        assertEquals(28, pool.kernel());
        assertEquals(LayerKind.SE_CONV, reduce.kind());
        assertEquals(new Shape(1, 1, 24), reduce.output());
        assertEquals(ActivationFunction.RELU, reduce.activation());
        assertTrue(reduce.hasBias() && !reduce.hasBatchNorm());
        assertEquals(ActivationFunction.HARD_SIGMOID, expand.activation());
        assertEquals(new Shape(1, 1, 72), expand.output());
        assertEquals(List.of(dw.index(), expand.index()), mul.inputs());
        assertEquals(List.of(mul.index()), spec.layer("expanded_conv_3/project").inputs());
    }

    @Test
    void v3SmallMatchesTfSlim() {
        ArchitectureSpec spec = ArchitectureSpec.of(cfg(Family.V3_SMALL, 1.0, 224));
        assertBlocks(spec, V3_SMALL);
        assertEquals(ActivationFunction.RELU, spec.layer("expanded_conv/depthwise").activation());
        assertEquals(ActivationFunction.HARD_SWISH, spec.layer("expanded_conv_3/expand").activation());
        assertHead(spec, 576, 1024);
    }

    /** Conv_1 (batch norm), the pool, Conv_2 (bias, no batch norm, same activation), Logits, Softmax. */
    private static void assertHead(ArchitectureSpec spec, int head, int last) {
        List<LayerSpec> l = spec.layers();
        List<LayerSpec> tail = l.subList(l.size() - 5, l.size());
        assertEquals(List.of("Conv_1", "AvgPool", "Conv_2", "Logits", "Softmax"),
                tail.stream().map(LayerSpec::name).toList());
        assertEquals(new Shape(7, 7, head), tail.get(0).output());
        assertTrue(tail.get(0).hasBatchNorm());
        assertEquals(new Shape(1, 1, last), tail.get(2).output());
        assertEquals(LayerKind.POINTWISE, tail.get(2).kind());
        assertTrue(tail.get(2).hasBias() && !tail.get(2).hasBatchNorm());
        assertEquals(tail.get(0).activation(), tail.get(2).activation());
        assertEquals(LayerKind.FC, tail.get(3).kind());
        assertTrue(tail.get(3).hasBias());
    }

    @Test
    void minimalisticIsTheFullTableWithoutSeHardSwishAndFiveByFive() {
        assertMinimalistic(MobileNetV3.LARGE, MobileNetV3.LARGE_MINIMALISTIC);
        assertMinimalistic(MobileNetV3.SMALL, MobileNetV3.SMALL_MINIMALISTIC);
        ArchitectureSpec spec = ArchitectureSpec.of(cfg(Family.V3_SMALL, 1.0, 224).withMinimalistic(true));
        assertTrue(spec.layers().stream().noneMatch(l -> l.kind() == LayerKind.SE_CONV || l.kind() == LayerKind.MULTIPLY
                || l.activation() == ActivationFunction.HARD_SWISH || l.kernel() == 5 && l.kind() == LayerKind.DEPTHWISE));
    }

    private static void assertMinimalistic(List<OpDef> full, List<OpDef> min) {
        assertEquals(full.size(), min.size());
        for (int i = 0; i < full.size(); i++) {
            OpDef f = full.get(i);
            OpDef expected = new OpDef(f.kind(), f.channels(), f.kind() == OpDef.Kind.EXPANDED_CONV ? 3 : f.kernel(),
                    f.stride(), f.expansion(), f.expansionDivisor(), false,
                    f.activation() == ActivationFunction.NONE ? ActivationFunction.NONE : ActivationFunction.RELU,
                    f.batchNorm(), f.fullWidth(), f.residual());
            assertEquals(expected, min.get(i), "row " + i);
        }
    }

    /** torchvision's parameter counts (1000 classes, batch norm as weight and bias: 2 values per channel). */
    @Test
    void torchvisionParameterCounts() {
        assertEquals(3_504_872, torchvisionParams(Family.V2));
        assertEquals(5_483_032, torchvisionParams(Family.V3_LARGE));
        assertEquals(2_542_856, torchvisionParams(Family.V3_SMALL));
    }

    private static long torchvisionParams(Family f) {
        Totals t = NetworkStats.of(cfg(f, 1.0, 224)).totals();
        return t.params() + t.bnParams() / CostModel.BN_VALUES_PER_CHANNEL * 2;
    }

    static Stream<Arguments> totals1001() {
        return Stream.of(
                Arguments.of(Family.V2, false, 1.0, 224, 300_775_552L, 3_472_041L, 68_224L),
                Arguments.of(Family.V2, false, 1.4, 224, 582_197_616L, 6_062_633L, 95_872L),
                Arguments.of(Family.V2, false, 0.35, 96, 11_935_408L, 1_664_329L, 28_160L),
                Arguments.of(Family.V3_LARGE, false, 1.0, 224, 216_591_040L, 5_459_913L, 48_800L),
                Arguments.of(Family.V3_LARGE, false, 0.75, 224, 154_561_904L, 3_975_721L, 38_176L),
                Arguments.of(Family.V3_SMALL, false, 1.0, 224, 56_511_424L, 2_531_769L, 24_224L),
                Arguments.of(Family.V3_SMALL, false, 0.75, 224, 43_400_368L, 2_033_217L, 19_360L),
                Arguments.of(Family.V3_LARGE, true, 1.0, 224, 209_137_984L, 3_901_169L, 48_800L),
                Arguments.of(Family.V3_SMALL, true, 1.0, 224, 52_289_472L, 2_033_649L, 24_224L));
    }

    /** Totals at 1001 classes (TF-Slim's checkpoints), from an independent script of TF-Slim's arithmetic. */
    @ParameterizedTest
    @MethodSource("totals1001")
    void totalsAt1001Classes(Family f, boolean min, double alpha, int res, long macs, long params, long bn) {
        Totals t = NetworkStats.of(cfg(f, alpha, res).withMinimalistic(min).withClasses(1001)).totals();
        assertEquals(macs, t.macs());
        assertEquals(params, t.params());
        assertEquals(bn, t.bnParams());
    }

    @Test
    void lastConvolutionKeepsFullWidthBelowOneAndScalesAbove() {
        assertEquals(1280, ArchitectureSpec.of(cfg(Family.V2, 0.35, 224)).layer("Conv_1").output().c());
        assertEquals(1280, ArchitectureSpec.of(cfg(Family.V2, 1.0, 224)).layer("Conv_1").output().c());
        assertEquals(1792, ArchitectureSpec.of(cfg(Family.V2, 1.4, 224)).layer("Conv_1").output().c());
        assertEquals(1280, ArchitectureSpec.of(cfg(Family.V3_LARGE, 0.75, 224)).layer("Conv_2").output().c());
        assertEquals(720, ArchitectureSpec.of(cfg(Family.V3_LARGE, 0.75, 224)).layer("Conv_1").output().c());
        assertEquals(1024, ArchitectureSpec.of(cfg(Family.V3_SMALL, 0.5, 224)).layer("Conv_2").output().c());
        assertEquals(2048, ArchitectureSpec.of(cfg(Family.V3_SMALL, 2.0, 224)).layer("Conv_2").output().c());
    }

    static Stream<MobileNetConfig> everyFamily() {
        List<MobileNetConfig> out = new ArrayList<>();
        for (Family f : Family.values()) {
            for (boolean min : new boolean[] {false, true}) {
                if (min && !f.hasMinimalistic()) {
                    continue;
                }
                for (double alpha : new double[] {0.1, 0.35, 0.75, 1.0, 1.3, 4.0}) {
                    for (int res : new int[] {32, 97, 224, 333}) {
                        out.add(cfg(f, alpha, res).withMinimalistic(min));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("everyFamily")
    void invariantsForEveryFamily(MobileNetConfig c) {
        NetworkStats s = NetworkStats.of(c);
        long macs = 0;
        long params = 0;
        long bn = 0;
        long elementwise = 0;
        for (LayerStats l : s.layers()) {
            macs += l.macs();
            params += l.params();
            bn += l.bnParams();
            elementwise += l.elementwiseOps();
        }
        assertEquals(s.totals().macs(), macs);
        assertEquals(s.totals().params(), params);
        assertEquals(s.totals().bnParams(), bn);
        assertEquals(s.totals().elementwiseOps(), elementwise);
        assertEquals(s.totals().macs(), s.byKind().values().stream().mapToLong(KindShare::macs).sum());
        // params do not depend on the resolution; the final map is ceil(resolution / 32)
        assertEquals(params, NetworkStats.of(c.withResolution(c.resolution() + 64)).totals().params());
        assertEquals(-Math.floorDiv(-c.resolution(), 32), s.finalFeatureMap());
        // names unique; every channel count of V2/V3 a multiple of 8 but V1's
        Set<String> names = new HashSet<>();
        for (LayerSpec l : s.spec().layers()) {
            assertTrue(names.add(l.name()), l.name());
            if (c.family() != Family.V1 && l.kind() != LayerKind.FC && l.kind() != LayerKind.SOFTMAX && l.index() > 0) {
                assertEquals(0, l.output().c() % 8, l.name() + " " + l.output());
            }
        }
        assertEquals(c.classes(), s.spec().output().c());
    }

    @Test
    void elementwiseOperationsCountAsDefined() {
        ArchitectureSpec spec = ArchitectureSpec.of(cfg(Family.V3_LARGE, 1.0, 224));
        // batch norm + h-swish per output element
        LayerSpec stem = spec.layer("Conv");
        assertEquals(2 * stem.output().elements(), CostModel.elementwiseOps(stem));
        // batch norm only (linear projection)
        LayerSpec project = spec.layer("expanded_conv_2/project");
        assertEquals(project.output().elements(), CostModel.elementwiseOps(project));
        // bias + ReLU
        LayerSpec reduce = spec.layer("expanded_conv_3/squeeze_excite/Conv");
        assertEquals(2 * 24, CostModel.elementwiseOps(reduce));
        // pooling: one add per input element; add and multiply: one per output element
        assertEquals(28 * 28 * 72, CostModel.elementwiseOps(spec.layer("expanded_conv_3/squeeze_excite/AvgPool")));
        assertEquals(28 * 28 * 72, CostModel.elementwiseOps(spec.layer("expanded_conv_3/squeeze_excite/mul")));
        assertEquals(56 * 56 * 24, CostModel.elementwiseOps(spec.layer("expanded_conv_2/add")));
        assertEquals(0, CostModel.macs(spec.layer("expanded_conv_2/add")));
        // the SE convolutions count MACs and biases
        assertEquals(72 * 24, CostModel.macs(reduce));
        assertEquals(72 * 24 + 24, CostModel.params(reduce));
    }

    @Test
    void peakMemoryKeepsTheResidualInputAlive() {
        NetworkStats s = NetworkStats.of(cfg(Family.V2, 1.0, 224));
        // expanded_conv_1/depthwise: its input (112x112x96), its output (56x56x96); the block input is not
        // needed later (no residual: stride 2) -- expanded_conv_2/depthwise keeps expanded_conv_1's output alive
        ArchitectureSpec spec = s.spec();
        long blockIn = spec.layer("expanded_conv_1/project").output().elements();
        long expand = spec.layer("expanded_conv_2/expand").output().elements();
        long dw = spec.layer("expanded_conv_2/depthwise").output().elements();
        assertTrue(s.totals().peakActivationBytes() >= (blockIn + expand + dw) * 4);
        assertEquals("expanded_conv_1/depthwise", s.totals().peakLayer());
        assertEquals((112 * 112 * 96 + 56 * 56 * 96) * 4L, s.totals().peakActivationBytes());
    }

    @Test
    void v1KnobsAreRefusedForOtherFamiliesAndMinimalisticForV1() {
        MobileNetConfig v2 = cfg(Family.V2, 1.0, 224);
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> v2.withRounding(ChannelRounding.KERAS));
        assertEquals("rounding", e.field());
        assertEquals("keras", e.value());
        assertEquals("applies to family v1 only, not v2", e.rule());
        assertEquals("blocks14", assertThrows(InvalidConfigException.class, () -> v2.withBlocks14(3)).field());
        assertEquals("standardConv", assertThrows(InvalidConfigException.class, () -> v2.withStandardConv(true)).field());
        assertEquals("activation",
                assertThrows(InvalidConfigException.class, () -> v2.withActivation(Activation.RELU)).field());
        InvalidConfigException m = assertThrows(InvalidConfigException.class,
                () -> MobileNetConfig.DEFAULT.withMinimalistic(true));
        assertEquals("minimalistic", m.field());
        assertTrue(m.rule().contains("v3-large and v3-small"));
        assertEquals("family", assertThrows(InvalidConfigException.class, () -> Family.fromId("v4")).field());
        assertEquals(Family.V3_SMALL, Family.fromId("V3-Small"));
        assertFalse(cfg(Family.V3_LARGE, 1.0, 224).withMinimalistic(true).withFamily(Family.V2).minimalistic());
    }

    @Test
    void labelsNameTheFamily() {
        assertEquals("1.0-224", MobileNetConfig.DEFAULT.label());
        assertEquals("v2 0.75-160", cfg(Family.V2, 0.75, 160).label());
        assertEquals("v3-large 1.0-224", cfg(Family.V3_LARGE, 1.0, 224).label());
        assertEquals("v3-small-min 1.0-224 1001cls",
                cfg(Family.V3_SMALL, 1.0, 224).withMinimalistic(true).withClasses(1001).label());
    }

    @Test
    void v1ConventionIsUnchangedAndTheGeneralOneNamesTheNewOperations() {
        assertEquals("1 MAC = one multiply-add; batch norm, ReLU, pooling and softmax are not counted as MACs; params ="
                + " weights + biases (convolutions followed by batch norm have no bias, the FC has one); bnParams = 4 per"
                + " channel (gamma, beta, mean, variance); padding TF 'SAME'.", CostModel.CONVENTION);
        assertEquals(CostModel.CONVENTION, CostModel.convention(Family.V1));
        assertTrue(CostModel.CONVENTION_ALL_FAMILIES.contains("residual adds"));
        assertTrue(CostModel.CONVENTION_ALL_FAMILIES.contains("squeeze-and-excite"));
        assertEquals(CostModel.CONVENTION_ALL_FAMILIES, CostModel.convention(Family.V3_SMALL));
    }
}
