package org.mobilenetexplorer.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.ArchitectureSpec;
import org.mobilenetexplorer.model.CostModel;
import org.mobilenetexplorer.model.LayerSpec;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.model.ParamsConvention;
import org.mobilenetexplorer.model.Totals;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.published.PublishedFigure;
import org.mobilenetexplorer.published.PublishedQuantity;

/** The 16 TF-Slim checkpoints (mobilenet_v1.md) and the exact numbers of the mobilenet_v1.py docstring. */
class TfSlimTest {
    private final PublishedData data = PublishedData.bundled();

    @Test
    void sixteenRowsMacsToThePrintedIntegerExceptTheRecordedMisprints() {
        List<PublishedFigure> rows = data.figures("tf-slim-2017");
        assertEquals(16, rows.size());
        int misprints = 0;
        for (PublishedFigure f : rows) {
            // TF-Slim classifies 1001 classes (class 0 = background)
            long macs = NetworkStats.of(Figures.config(f, 1001)).totals().macs();
            assertEquals(0, Figures.scale(f.millionMacs()), "printed as an integer");
            if (data.misprint(f, PublishedQuantity.MILLION_MACS).isPresent()) {
                misprints++;
                assertFalse(Figures.matches(macs, f.millionMacs()), f.model() + " " + macs);
            } else {
                assertTrue(Figures.matches(macs, f.millionMacs()), f.model() + " " + macs);
            }
        }
        assertEquals(6, misprints, "the four 0.75 rows, 0.25_192 and 0.50_224");
    }

    @Test
    void sixteenRowsParamsToTwoDecimalsUnderTfSlimsConvention() {
        for (PublishedFigure f : data.figures("tf-slim-2017")) {
            Totals t = NetworkStats.of(Figures.config(f, 1001)).totals();
            // weights + the 1001-class FC with its bias + 3 values per batch-norm channel (recorded convention)
            long slimParams = ParamsConvention.TF_SLIM.count(t);
            assertEquals(t.params() + t.bnParams() / CostModel.BN_VALUES_PER_CHANNEL * 3, slimParams);
            assertEquals(2, Figures.scale(f.millionParams()), f.model());
            assertTrue(Figures.matches(slimParams, f.millionParams()), f.model() + " " + slimParams);
            assertTrue(data.misprint(f, PublishedQuantity.MILLION_PARAMS).isPresent(), "convention recorded");
        }
    }

    @Test
    void docstringBodyNumbersAreExact() {
        assertBody(new MobileNetConfig(1.0, 224), 567_716_352L, 3_185_088L);
        assertBody(new MobileNetConfig(0.75, 128), 106_002_432L, 1_800_144L);
        List<PublishedFigure> body = data.figures("tf-slim-docstring");
        assertEquals(2, body.size());
        for (PublishedFigure f : body) {
            assertTrue(f.isBodyOnly());
            long[] b = body(new MobileNetConfig(f.alpha(), f.resolution()));
            assertEquals(Math.round(f.millionMacs() * 1e6), b[0], f.model());
            assertEquals(Math.round(f.millionParams() * 1e6), b[1], f.model());
        }
    }

    private static void assertBody(MobileNetConfig c, long macs, long params) {
        long[] b = body(c);
        assertEquals(macs, b[0], c.label() + " body MACs");
        assertEquals(params, b[1], c.label() + " body params");
    }

    /** MACs and weights of the convolutions only (no pool, no logits), as the docstring counts. */
    private static long[] body(MobileNetConfig c) {
        long macs = 0;
        long params = 0;
        for (LayerSpec l : ArchitectureSpec.of(c).layers()) {
            if (l.hasBatchNorm()) {
                macs += CostModel.macs(l);
                params += CostModel.params(l);
            }
        }
        return new long[] {macs, params};
    }
}
