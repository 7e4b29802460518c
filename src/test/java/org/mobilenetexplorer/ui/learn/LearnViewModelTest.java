package org.mobilenetexplorer.ui.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobilenetexplorer.chart.ExportFormat;
import org.mobilenetexplorer.chart.PaperFigure;
import org.mobilenetexplorer.chart.PaperFigures;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.ui.common.CurrentThreadTaskExecutor;
import org.mobilenetexplorer.ui.common.MemorySettings;
import org.mobilenetexplorer.ui.common.RecordingDialogs;

/** The Learn view's formulas and tables without a window. */
class LearnViewModelTest {
    private final SimpleObjectProperty<NetworkStats> stats =
            new SimpleObjectProperty<>(NetworkStats.of(MobileNetConfig.DEFAULT));
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<String> status = new ArrayList<>();
    private final LearnViewModel vm = new LearnViewModel(stats, PublishedData.bundled(),
            new CurrentThreadTaskExecutor(), dialogs.context(new MemorySettings(), Path.of("."), status));
    @TempDir
    Path dir;

    @Test
    void reproducesThePapersTable3AtAlpha075Rho0714() {
        stats.set(NetworkStats.of(new MobileNetConfig(0.75, 160)));
        List<Table3Row> t = vm.table3();
        assertEquals("462.4", t.get(0).macs());
        assertEquals("2.36", t.get(0).params());
        assertEquals("52.3", t.get(1).macs());
        assertEquals("29.6", t.get(2).macs());
        assertEquals("15.1", t.get(3).macs());
        assertEquals("0.15", t.get(3).params());
    }

    @Test
    void formulasUseTheSelectedBlocksShapes() {
        vm.selectLayer("Conv2d_7_pointwise");
        assertEquals(7, vm.blockProperty().get());
        assertEquals("D_K = 3   M = 512   N = 512   D_F = 14", vm.symbolsProperty().get());
        assertTrue(vm.standardProperty().get().endsWith("= 462,422,016"), vm.standardProperty().get());
        assertTrue(vm.separableProperty().get().endsWith("903,168 + 51,380,224 = 52,283,392"));
        assertTrue(vm.ratioFormulaProperty().get().endsWith("1/512 + 1/9 = 0.11306"),
                vm.ratioFormulaProperty().get());
        // the exact ratio equals the formula
        assertTrue(vm.ratioProperty().get().contains("= 0.11306"), vm.ratioProperty().get());
        // a shallower network: block 7 no longer exists, the view falls back to block 1
        stats.set(NetworkStats.of(MobileNetConfig.DEFAULT.withBlocks14(0)));
        assertTrue(vm.blocks().size() == 8 && vm.blocks().contains(vm.blockProperty().get()));
    }

    @Test
    void listsTheKnownMisprintsIncludingTable2AndTheKerasTypo() {
        List<MisprintRow> rows = LearnViewModel.misprintsOf(PublishedData.bundled());
        assertEquals(PublishedData.bundled().knownMisprints().size(), rows.size());
        assertTrue(rows.stream().anyMatch(r -> r.source().contains("Table 2") && r.printed().equals("1.19 % of MACs")
                && r.ours().equals("1.91 % of MACs")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.printed().startsWith("529")), "Keras docstring 529 for 569");
        assertEquals(rows, vm.misprints());
    }

    /**
     * V2 1.0-224, block 3 (expanded_conv_2): 56x56x24 expanded 6 times to 144, 3x3 depthwise stride 1, projected
     * to 24, shortcut. By hand: expand 24*144*3,136 = 10,838,016; depthwise 9*144*3,136 = 4,064,256; project
     * 144*24*3,136 = 10,838,016; block 25,740,288; expand share 42.1 %, depthwise 15.8 %; 56*56*24 = 75,264 adds.
     * Memory, every output materialized (FP32): V1's peak is Conv2d_1_pointwise, input 112*112*32 + output
     * 112*112*64 = 1,204,224 values = 4.59 MiB; V2's is expanded_conv_1/depthwise, its input (the expansion,
     * 112*112*96) + its output 56*56*96 = 1,505,280 values = 5.74 MiB (+25.0 %). Counted as the V2 paper does (largest tensor between blocks, 16 bits):
     * V2's 112*112*16 = 200,704 values = 401 kB, V1's 112*112*64 = 802,816 values = 1,606 kB.
     */
    @Test
    void explainsAV2InvertedResidualAndItsMemoryAgainstV1() {
        stats.set(NetworkStats.of(MobileNetConfig.of(Family.V2, 1.0, 224)));
        vm.selectLayer("expanded_conv_2/expand");
        assertEquals(3, vm.blockProperty().get());
        String r = vm.residualProperty().get();
        assertTrue(r.contains("narrow (M = 24) → wide (t·M = 144, t = 6) → narrow (N = 24)"), r);
        assertTrue(r.contains("the block costs 25,740,288 MACs"), r);
        assertTrue(r.contains("24·144·56·56 = 10,838,016 MACs (42.1 % of the block)"), r);
        assertTrue(r.contains("4,064,256 MACs (15.8 %)"), r);
        assertTrue(r.contains("144·24·56·56 = 10,838,016 MACs (42.1 %), linear"), r);
        assertTrue(r.contains("75,264 elementwise adds"), r);
        String m = vm.memoryProperty().get();
        assertTrue(m.contains("4.59 MiB at Conv2d_1_pointwise"), m);
        assertTrue(m.contains("5.74 MiB at expanded_conv_1/depthwise against 4.59 MiB at Conv2d_1_pointwise (+25.0 %)"),
                m);
        assertTrue(m.contains("200,704 values = 401 kB"), m);
        assertTrue(m.contains("802,816 values = 1,606 kB"), m);
        assertTrue(m.contains("against 1.0-224 (V1): 568.74 M"), m);
        assertEquals("", vm.squeezeExciteProperty().get(), "V2 has no squeeze-and-excite");
        // the formulas explain the block's depthwise separable part: M = expanded, N = projected
        assertEquals("D_K = 3   M = 144   N = 24   D_F = 56", vm.symbolsProperty().get());
        assertEquals(List.of(
                new PaperFigure.InvertedResidual("Inverted residual expanded_conv_2 of v2 1.0-224",
                        "inverted-residual-expanded-conv-2", 56, 56, 24, 144, 24, 3, 1, "relu6", false, true),
                new PaperFigure.Separable("V1 Figure 2 for expanded_conv_2 of v2 1.0-224 (D_K = 3, M = 144, N = 24)",
                        "figure2-expanded-conv-2", 3, 144, 24, 56)), vm.figures());
        // a stride-2 block has no shortcut
        vm.selectLayer("expanded_conv_3/depthwise");
        assertTrue(vm.residualProperty().get().endsWith("No shortcut: stride 2 changes the map size."),
                vm.residualProperty().get());
    }

    /**
     * V3-Large 1.0-224, block 11 (expanded_conv_10): 14x14x80 expanded to 480 (h-swish), 3x3 depthwise (h-swish),
     * squeeze-and-excite 480 -> 120 -> 480, projected to 112. By hand: expand 80*480*196 = 7,526,400; depthwise
     * 9*480*196 = 846,720; SE 480*120 + 120*480 = 115,200; project 480*112*196 = 10,536,960; block 19,025,280, SE
     * 0.6 % of it. SE elementwise: pool 14*14*480 = 94,080 adds, multiply 94,080, biases and activations 120 + 120 +
     * 480 + 480 = 1,200; 189,360 in all, 1.6 per SE MAC; params 57,600 + 120 + 57,600 + 480 = 115,800. h-swish after
     * the expansion and the depthwise: 2 * 94,080 = 188,160 evaluations.
     */
    @Test
    void explainsAV3SqueezeExciteBlockAndItsHSwish() {
        stats.set(NetworkStats.of(MobileNetConfig.of(Family.V3_LARGE, 1.0, 224)));
        vm.selectLayer("expanded_conv_10/squeeze_excite/Conv");
        assertEquals(11, vm.blockProperty().get());
        String se = vm.squeezeExciteProperty().get();
        assertTrue(se.contains("Squeeze-and-excite on 14x14x480"), se);
        assertTrue(se.contains("480·120 + 120·480 = 115,200 (0.6 % of the block's 19,025,280)"), se);
        assertTrue(se.contains("params 115,800"), se);
        assertTrue(se.contains("pooling 94,080 adds, the gate's multiply 94,080, biases and activations 1,200: 189,360"
                + " elementwise operations, 1.6 per SE MAC"), se);
        assertTrue(se.contains("after expand and depthwise: 188,160 evaluations"), se);
        assertTrue(vm.residualProperty().get().contains("No shortcut: the channels change (80 → 112)."));
        assertEquals(new PaperFigure.SqueezeExcite("Squeeze-and-excite of expanded_conv_10 of v3-large 1.0-224",
                "squeeze-excite-expanded-conv-10", 14, 480, 120), vm.figures().get(1));
        assertEquals(3, vm.figures().size());
        // an early V3 block keeps ReLU; the minimalistic variant has neither SE nor h-swish
        vm.selectLayer("expanded_conv_3/depthwise");
        assertTrue(vm.squeezeExciteProperty().get().contains("uses relu, not h-swish"), vm.squeezeExciteProperty().get());
        stats.set(NetworkStats.of(MobileNetConfig.of(Family.V3_LARGE, 1.0, 224).withMinimalistic(true)));
        assertTrue(vm.squeezeExciteProperty().get().startsWith("Minimalistic V3: no squeeze-and-excite"));
        // V1: none of the V2/V3 sections, Figure 2 only
        stats.set(NetworkStats.of(MobileNetConfig.DEFAULT));
        vm.selectLayer("Conv2d_7_depthwise");
        assertEquals("", vm.residualProperty().get());
        assertEquals("", vm.memoryProperty().get());
        assertEquals("", vm.squeezeExciteProperty().get());
        assertEquals(List.of(new PaperFigure.Separable("V1 Figure 2 for Conv2d_7 of 1.0-224 (D_K = 3, M = 512, N = 512)",
                "figure2-conv2d-7", 3, 512, 512, 14)), vm.figures());
        assertEquals("7 · Conv2d_7", vm.blockLabel(7));
    }

    @Test
    void exportsTheDrawingsAsSvgAndPngThatParseBack() throws Exception {
        stats.set(NetworkStats.of(MobileNetConfig.of(Family.V3_LARGE, 1.0, 224)));
        vm.selectLayer("expanded_conv_10/depthwise");
        for (PaperFigure f : vm.figures()) {
            Path svg = dir.resolve(f.fileStem() + ".svg");
            dialogs.save = svg;
            vm.exportWithChooser(f, ExportFormat.SVG);
            DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
            xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline
            var doc = xml.newDocumentBuilder().parse(svg.toFile());
            assertEquals("svg", doc.getDocumentElement().getTagName());
            assertTrue(doc.getDocumentElement().getTextContent().contains("480"), f.fileStem());
            Path png = dir.resolve(f.fileStem() + ".png");
            vm.export(f, png);
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(2 * PaperFigures.WIDTH, img.getWidth());
            assertEquals(2 * PaperFigures.HEIGHT, img.getHeight());
        }
        assertEquals(List.of(), dialogs.errors);
        assertTrue(status.get(status.size() - 1).startsWith("Exported "), status.toString());
        // failures: one line naming the file and the reason
        Path missing = dir.resolve("no-such-folder").resolve("x.svg");
        vm.export(vm.figures().get(0), missing);
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).startsWith("Export failed: " + missing + ": "), dialogs.errors.toString());
        assertEquals(1, dialogs.errors.get(0).lines().count());
        vm.export(vm.figures().get(0), dir.resolve("x.pdf"));
        assertTrue(dialogs.errors.get(1).contains("a figure is written as .png or .svg"), dialogs.errors.toString());
        assertTrue(Files.notExists(dir.resolve("x.pdf")));
    }
}
