package org.mobilenetexplorer.ui.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.published.PublishedData;

/** The Learn view's formulas and tables without a window. */
class LearnViewModelTest {
    private final SimpleObjectProperty<NetworkStats> stats =
            new SimpleObjectProperty<>(NetworkStats.of(MobileNetConfig.DEFAULT));
    private final LearnViewModel vm = new LearnViewModel(stats, PublishedData.bundled());

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
}
