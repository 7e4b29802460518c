package org.mobilenetexplorer.ui.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.LayerKind;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.published.PublishedFigure;
import org.mobilenetexplorer.report.PublishedComparison;

/** The Explore view's state without a window. */
class ExploreViewModelTest {
    private final SimpleObjectProperty<MobileNetConfig> config = new SimpleObjectProperty<>(MobileNetConfig.DEFAULT);
    private final ExploreViewModel vm = new ExploreViewModel(config, PublishedData.bundled());

    @Test
    void rowsAddUpToTheTotals() {
        config.set(new MobileNetConfig(0.5, 224));
        long sum = vm.rows().stream().mapToLong(r -> r.stats().macs()).sum();
        assertEquals(NetworkStats.of(new MobileNetConfig(0.5, 224)).totals().macs(), sum);
        assertEquals(1.0, vm.rows().stream().mapToDouble(LayerRow::macShare).sum(), 1e-9);
        assertEquals("149,497,088 MACs (149.50 M)", vm.totalMacsProperty().get());
        assertEquals(1.0, vm.shares().stream().mapToDouble(s -> s.macShare()).sum(), 1e-9);
        assertEquals(new MobileNetConfig(0.5, 224), vm.statsProperty().get().config());
    }

    @Test
    void theCountingConventionFollowsTheFamily() {
        assertFalse(vm.convention().contains("h-swish"), vm.convention());
        config.set(MobileNetConfig.of(Family.V3_LARGE, 1.0, 224));
        assertTrue(vm.convention().contains("h-swish") && vm.convention().contains("squeeze-and-excite multiply"),
                vm.convention());
        assertEquals(org.mobilenetexplorer.model.CostModel.convention(Family.V3_LARGE), vm.convention());
    }

    @Test
    void publishedFiguresAreCheckedAgainstOursAndKnownMisprintsNamed() {
        assertTrue(vm.publishedRows().stream().anyMatch(r -> r.source().startsWith("Table 8 \u00b7 Howard")
                && r.macs().equals("569") && r.matches()), vm.publishedRows().toString());
        config.set(new MobileNetConfig(0.75, 192));
        PublishedRow slim = vm.publishedRows().stream().filter(r -> r.source().startsWith("TF-Slim 2017"))
                .findFirst().orElseThrow();
        assertEquals("233", slim.macs());
        assertFalse(slim.matches());
        assertTrue(slim.check().matches("(known misprint|other convention); ours 239.27 M MACs"), slim.check());
        assertTrue(vm.publishedSummaryProperty().get().endsWith("reproduced by our arithmetic."));
    }

    /** One verdict: the GUI's rows agree with the CLI's comparison for every published MobileNet row. */
    @Test
    void theGuiVerdictIsTheCliVerdictForEveryPublishedRow() {
        PublishedData data = PublishedData.bundled();
        int checked = 0;
        for (double alpha : new double[] {0.25, 0.5, 0.75, 1.0}) {
            for (int res : new int[] {128, 160, 192, 224}) {
                for (int classes : new int[] {1000, 1001}) {
                    MobileNetConfig c = new MobileNetConfig(alpha, res).withClasses(classes);
                    config.set(c);
                    var rows = vm.publishedRows();
                    var figures = data.describing(c);
                    assertEquals(figures.size(), rows.size());
                    for (int i = 0; i < rows.size(); i++) {
                        PublishedFigure f = figures.get(i);
                        boolean differs = PublishedComparison.compare(f, NetworkStats.of(c).totals(), data).differs();
                        assertEquals(!differs, rows.get(i).matches(), c.label() + " " + f.model() + " " + f.sourceId());
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 100, "rows checked: " + checked);
    }

    @Test
    void theSelectedLayerIsKeptForOtherViews() {
        vm.selectedLayerProperty().set("Conv2d_7_pointwise");
        config.set(new MobileNetConfig(0.5, 160));
        assertEquals("Conv2d_7_pointwise", vm.selectedLayerProperty().get());
    }

    private static final MobileNetConfig V3_LARGE = MobileNetConfig.of(Family.V3_LARGE, 1.0, 224);

    private static void flatten(List<LayerTableRow> rows, List<LayerRow> out) {
        for (LayerTableRow r : rows) {
            if (r instanceof LayerRow l) {
                out.add(l);
            }
            flatten(r.children(), out);
        }
    }

    @Test
    void theTreeGroupsEachBlocksLayersWithTheirTotalsAndSqueezeExciteInside() {
        config.set(V3_LARGE);
        NetworkStats s = NetworkStats.of(V3_LARGE);
        List<LayerRow> flat = new ArrayList<>();
        flatten(vm.tree(), flat);
        assertEquals(vm.rows(), flat, "every layer once, in execution order");
        assertEquals(s.totals().macs(), vm.tree().stream().mapToLong(LayerTableRow::macs).sum());
        assertEquals(s.totals().params(), vm.tree().stream().mapToLong(LayerTableRow::params).sum());
        assertEquals(1.0, vm.tree().stream().mapToDouble(LayerTableRow::macShare).sum(), 1e-9);
        List<GroupRow> blocks = vm.tree().stream().filter(r -> r instanceof GroupRow).map(r -> (GroupRow) r).toList();
        assertEquals(s.spec().blocks().size(), blocks.size());
        assertEquals(List.of("Conv", "expanded_conv"), vm.tree().subList(0, 2).stream().map(LayerTableRow::key).toList());
        assertEquals(List.of("Conv_1", "AvgPool", "Conv_2", "Logits", "Softmax"), vm.tree().subList(
                vm.tree().size() - 5, vm.tree().size()).stream().map(LayerTableRow::key).toList());
        GroupRow b3 = (GroupRow) vm.row("expanded_conv_3").orElseThrow();
        assertEquals(GroupRow.Kind.INVERTED_RESIDUAL, b3.kind());
        assertEquals("expanded_conv_3/expand", b3.children().get(0).key());
        GroupRow se = (GroupRow) b3.children().stream().filter(r -> r instanceof GroupRow).findFirst().orElseThrow();
        assertEquals("expanded_conv_3/squeeze_excite", se.key());
        assertEquals("Squeeze-excite", se.kindText());
        assertEquals(List.of(LayerKind.AVG_POOL, LayerKind.SE_CONV, LayerKind.SE_CONV, LayerKind.MULTIPLY),
                se.layers().stream().map(l -> l.stats().kind()).toList());
        assertEquals(b3.layers().stream().mapToLong(LayerRow::macs).sum(), b3.macs());
        assertEquals(b3.layers().get(0).input(), b3.input());
        assertEquals(b3.layers().get(b3.layers().size() - 1).output(), b3.output());
        assertEquals(b3.layers().get(0).index() + "-" + b3.layers().get(b3.layers().size() - 1).index(),
                b3.indexText());
        assertEquals(s.spec().block(4).residual() ? "Inv. residual + add" : "Inv. residual", b3.kindText());
        assertTrue(blocks.stream().anyMatch(b -> b.kindText().equals("Inv. residual + add")));
        assertEquals(5, b3.kernel(), "V3-Large's fourth block has a 5x5 depthwise");
        assertEquals(2, b3.stride());
    }

    @Test
    void v1GroupsItsSeparablePairsExpandedWhileV2AndV3StartCollapsed() {
        assertEquals(17, vm.tree().size(), "stem, 13 separable blocks, pool, FC, softmax");
        GroupRow b1 = (GroupRow) vm.tree().get(1);
        assertEquals("Conv2d_1", b1.key());
        assertEquals("Separable", b1.kindText());
        assertEquals(List.of("Conv2d_1_depthwise", "Conv2d_1_pointwise"),
                b1.children().stream().map(LayerTableRow::key).toList());
        assertTrue(vm.isExpanded("Conv2d_1"));
        vm.setExpanded("Conv2d_1", false);
        config.set(new MobileNetConfig(0.5, 160));
        assertFalse(vm.isExpanded("Conv2d_1"), "a choice survives live updates");
        assertTrue(vm.isExpanded("Conv2d_2"));
        config.set(new MobileNetConfig(0.5, 160).withStandardConv(true));
        assertTrue(vm.tree().stream().allMatch(r -> r instanceof LayerRow), "one-layer blocks are not grouped");
        config.set(MobileNetConfig.of(Family.V2, 1.0, 224));
        assertFalse(vm.isExpanded("expanded_conv_1"));
        assertEquals(GroupRow.Kind.SEPARABLE, ((GroupRow) vm.row("expanded_conv").orElseThrow()).kind(),
                "V2's first block has no expansion");
        vm.setAllExpanded(true);
        assertTrue(vm.isExpanded("expanded_conv_1"));
    }

    @Test
    void selectingAGroupTellsOtherViewsItsFirstLayerAndAnOutsideLayerMovesTheSelection() {
        config.set(V3_LARGE);
        vm.selectedRowProperty().set("expanded_conv_3");
        assertEquals("expanded_conv_3/expand", vm.selectedLayerProperty().get());
        assertEquals("expanded_conv_3", vm.selectedRowProperty().get(), "the block stays selected");
        vm.selectedLayerProperty().set("expanded_conv_3/project"); // inside the selected block: kept
        assertEquals("expanded_conv_3", vm.selectedRowProperty().get());
        vm.selectedLayerProperty().set("Conv_1");
        assertEquals("Conv_1", vm.selectedRowProperty().get());
        assertEquals(List.of("expanded_conv_3", "expanded_conv_3/squeeze_excite"),
                vm.ancestorsOf("expanded_conv_3/squeeze_excite/Conv_1"));
        assertEquals(List.of(), vm.ancestorsOf("Conv_1"));
        assertEquals("expanded_conv_3", vm.boxKeyOf("expanded_conv_3/squeeze_excite/mul").orElseThrow());
        assertEquals("Logits", vm.boxKeyOf("Logits").orElseThrow());
        assertTrue(vm.boxKeyOf("Conv2d_1_depthwise").isEmpty(), "not a layer of V3");
    }

    @Test
    void theDrawingHasOneBoxPerTopLevelRowSizedByChannelsAndResolutionAndShadedByMacs() {
        config.set(V3_LARGE);
        NetworkDrawing d = vm.drawing(1000, 120);
        List<NetworkDrawing.Box> boxes = d.boxes();
        assertEquals(vm.tree().size(), boxes.size());
        assertEquals(1000, d.width(), 1e-9, "fits the width asked for");
        for (int i = 0; i < boxes.size(); i++) {
            NetworkDrawing.Box b = boxes.get(i);
            LayerTableRow r = vm.tree().get(i);
            assertEquals(r.key(), b.key());
            assertTrue(b.x() >= NetworkDrawing.MARGIN && b.x() + b.width() <= 1000 - NetworkDrawing.MARGIN + 1e-9);
            assertTrue(b.y() >= 0 && b.y() + b.height() <= 120);
            assertEquals(60, b.y() + b.height() / 2, 1e-9, "centred");
            if (i > 0) {
                NetworkDrawing.Box a = boxes.get(i - 1);
                assertEquals(a.x() + a.width() + NetworkDrawing.GAP, b.x(), 1e-9, "left to right, never overlapping");
            }
            for (int j = 0; j < boxes.size(); j++) {
                LayerTableRow o = vm.tree().get(j);
                if (r.output().c() > o.output().c()) {
                    assertTrue(b.width() >= boxes.get(j).width(), "more channels, never narrower: " + r.key());
                }
                if (r.output().h() > o.output().h()) {
                    assertTrue(b.height() >= boxes.get(j).height(), "higher resolution, never lower: " + r.key());
                }
            }
            assertTrue(b.tooltip().startsWith(r.key() + " (" + r.kindText() + ")"), b.tooltip());
        }
        // the stem at 112x112 is the tallest; the 1280-channel head conv the widest
        NetworkDrawing.Box stem = d.box("Conv").orElseThrow();
        NetworkDrawing.Box head = d.box("Conv_2").orElseThrow();
        assertEquals(120 - 2 * NetworkDrawing.MARGIN, stem.height(), 1e-9);
        assertTrue(head.width() > stem.width() * 8, head.width() + " vs " + stem.width());
        // shade: the largest MAC share is 1, the softmax (no MACs) 0
        LayerTableRow largest = vm.tree().stream().max(java.util.Comparator.comparingDouble(LayerTableRow::macShare))
                .orElseThrow();
        assertEquals(1.0, d.box(largest.key()).orElseThrow().shade(), 1e-12);
        assertEquals(0.0, d.box("Softmax").orElseThrow().shade(), 1e-12);
        assertTrue(d.box("expanded_conv_3").orElseThrow().tooltip().contains("channels 24 \u2192 72 \u2192 40"),
                d.box("expanded_conv_3").orElseThrow().tooltip());
        // hit testing: a box's centre is the box, a gap is nothing
        NetworkDrawing.Box b3 = d.box("expanded_conv_3").orElseThrow();
        assertEquals("expanded_conv_3", d.keyAt(b3.x() + b3.width() / 2, 60).orElseThrow());
        assertTrue(d.keyAt(b3.x() + b3.width() + NetworkDrawing.GAP / 2, 60).isEmpty());
        assertTrue(d.keyAt(b3.x() + 1, 1).isEmpty(), "above the box");
    }

    @Test
    void aNarrowDrawingKeepsEveryBoxVisibleAndGrowsWider() {
        NetworkDrawing d = vm.drawing(60, 80);
        assertTrue(d.width() > 60, "wider than asked: the view scrolls");
        assertTrue(d.boxes().stream().allMatch(b -> b.width() >= NetworkDrawing.MIN_SIDE
                && b.height() >= NetworkDrawing.MIN_SIDE));
        NetworkDrawing.Box last = d.boxes().get(d.boxes().size() - 1);
        assertEquals(d.width(), last.x() + last.width() + NetworkDrawing.MARGIN, 1e-9);
    }

    @Test
    void everyFamilyHasATreeAndADrawingAndNoWrongPublishedFigures() {
        for (Family f : Family.values()) {
            MobileNetConfig c = MobileNetConfig.of(f, 1.0, 224);
            config.set(c);
            assertEquals(NetworkStats.of(c).totals().macs(), vm.tree().stream().mapToLong(LayerTableRow::macs).sum());
            assertEquals(vm.tree().size(), vm.drawing(900, 100).boxes().size());
            if (f != Family.V1) {
                assertTrue(vm.publishedRows().stream().allMatch(r -> !r.model().contains("MobileNet-224")
                        || r.model().contains(f.id())), f + ": " + vm.publishedRows());
            }
        }
        assertTrue(vm.shares().stream().anyMatch(k -> k.kind() == LayerKind.SE_CONV), "the new kinds are charted");
        assertTrue(vm.shares().stream().anyMatch(k -> k.kind() == LayerKind.MULTIPLY));
    }
}
