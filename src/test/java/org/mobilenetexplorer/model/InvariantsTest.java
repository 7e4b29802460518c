package org.mobilenetexplorer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Properties that hold for every configuration, checked over a grid of many. */
class InvariantsTest {

    private static List<MobileNetConfig> grid() {
        List<MobileNetConfig> out = new ArrayList<>();
        double[] alphas = {0.05, 0.1, 0.125, 0.25, 0.3, 0.35, 0.5, 0.75, 1.0, 1.3, 1.4, 2.0, 4.0};
        int[] resolutions = {32, 33, 63, 96, 97, 128, 160, 192, 200, 224, 225, 256, 299, 320, 512, 1000, 2048};
        for (double a : alphas) {
            for (int r : resolutions) {
                for (ChannelRounding rounding : ChannelRounding.values()) {
                    MobileNetConfig c = new MobileNetConfig(a, r).withRounding(rounding);
                    out.add(c);
                    out.add(c.withBlocks14((r + (int) (a * 8)) % 6).withStandardConv(r % 2 == 1).withClasses(1 + r));
                }
            }
        }
        return out;
    }

    @Test
    void rowsSumToTotals() {
        for (MobileNetConfig c : grid()) {
            NetworkStats s = NetworkStats.of(c);
            long macs = 0;
            long params = 0;
            long bn = 0;
            for (LayerStats l : s.layers()) {
                macs += l.macs();
                params += l.params();
                bn += l.bnParams();
            }
            assertEquals(macs, s.totals().macs(), c.label());
            assertEquals(params, s.totals().params(), c.label());
            assertEquals(bn, s.totals().bnParams(), c.label());
            long kindMacs = s.byKind().values().stream().mapToLong(KindShare::macs).sum();
            assertEquals(macs, kindMacs, c.label());
            double shares = s.byKind().values().stream().mapToDouble(KindShare::macShare).sum();
            assertEquals(1.0, shares, 1e-9, c.label());
        }
    }

    @Test
    void finalFeatureMapIsCeilOfResolutionOver32() {
        for (int r = MobileNetConfig.MIN_RESOLUTION; r <= MobileNetConfig.MAX_RESOLUTION; r++) {
            NetworkStats s = NetworkStats.of(new MobileNetConfig(1.0, r));
            assertEquals((r + 31) / 32, s.finalFeatureMap(), "resolution " + r);
        }
    }

    @Test
    void paramsDoNotDependOnResolution() {
        for (MobileNetConfig c : grid()) {
            long at224 = NetworkStats.of(c.withResolution(224)).totals().params();
            assertEquals(at224, NetworkStats.of(c).totals().params(), c.label());
            assertEquals(NetworkStats.of(c.withResolution(224)).totals().bnParams(),
                    NetworkStats.of(c).totals().bnParams(), c.label());
        }
    }

    @Test
    void kerasAndSlimAgreeFromAlphaQuarterAndPartBelow() {
        for (int i = 25; i <= 400; i++) {
            double a = i / 100.0;
            MobileNetConfig slim = new MobileNetConfig(a, 224);
            assertEquals(NetworkStats.of(slim).totals(), NetworkStats.of(slim.withRounding(ChannelRounding.KERAS))
                    .totals(), "alpha " + a);
        }
        MobileNetConfig small = new MobileNetConfig(0.125, 224);
        assertNotEquals(NetworkStats.of(small).totals().macs(),
                NetworkStats.of(small.withRounding(ChannelRounding.KERAS)).totals().macs());
        // TF-Slim keeps at least 8 channels; Keras takes int(32 * 0.125) = 4
        assertEquals(8, ArchitectureSpec.of(small).layers().get(0).output().c());
        assertEquals(4, ArchitectureSpec.of(small.withRounding(ChannelRounding.KERAS)).layers().get(0).output().c());
    }

    @Test
    void channelRoundingTruncatesLikePython() {
        assertEquals(22, ChannelRounding.SLIM.apply(64, 0.35));   // int(22.4)
        assertEquals(24, ChannelRounding.SLIM.apply(32, 0.7499999999999999)); // float noise from a sweep
        assertEquals(307, ChannelRounding.SLIM.apply(1024, 0.3)); // int(307.2)
        assertEquals(716, ChannelRounding.SLIM.apply(512, 1.4));  // int(716.8)
        assertEquals(8, ChannelRounding.SLIM.apply(32, 0.1));
        assertEquals(3, ChannelRounding.KERAS.apply(32, 0.1));
    }

    @Test
    void bodyMacsScaleWithRhoSquaredAtMultiplesOf32AndLayerCounts() {
        long fc = 1_024_000;
        long base = NetworkStats.of(MobileNetConfig.DEFAULT).totals().macs();
        long twice = NetworkStats.of(new MobileNetConfig(1.0, 448)).totals().macs();
        assertEquals(4 * (base - fc) + fc, twice);
        // 112 is not a multiple of 32: 'SAME' padding rounds feature maps up, so more than a quarter
        long half = NetworkStats.of(new MobileNetConfig(1.0, 112)).totals().macs();
        assertTrue(half > (base - fc) / 4 + fc, half + " vs " + base);
        assertEquals(30, NetworkStats.of(new MobileNetConfig(0.3, 97)).totals().layers());
        assertEquals(20, NetworkStats.of(new MobileNetConfig(1.0, 224).withBlocks14(0)).totals().layers());
        assertEquals(17, NetworkStats.of(new MobileNetConfig(1.0, 224).withStandardConv(true)).totals().layers());
    }

    @Test
    void invalidValuesNameFieldAndValue() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> new MobileNetConfig(-0.5, 224));
        assertEquals("alpha", e.field());
        assertEquals("-0.5", e.value());
        assertEquals("must be in (0, 4]", e.rule());
        assertThrows(InvalidConfigException.class, () -> new MobileNetConfig(Double.NaN, 224));
        assertThrows(InvalidConfigException.class, () -> new MobileNetConfig(1.0, 31));
        assertThrows(InvalidConfigException.class, () -> new MobileNetConfig(1.0, 2049));
        assertThrows(InvalidConfigException.class, () -> MobileNetConfig.DEFAULT.withBlocks14(6));
    }
}
