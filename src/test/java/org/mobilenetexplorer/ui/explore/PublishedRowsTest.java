package org.mobilenetexplorer.ui.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.model.NetworkStats;
import org.mobilenetexplorer.published.PublishedData;
import org.mobilenetexplorer.published.PublishedFigure;
import org.mobilenetexplorer.report.PublishedComparison;

/** The Explore view's published rows for V2 and V3: the same figures and verdicts as the CLI's. */
class PublishedRowsTest {
    private final SimpleObjectProperty<MobileNetConfig> config = new SimpleObjectProperty<>(MobileNetConfig.DEFAULT);
    private final ExploreViewModel vm = new ExploreViewModel(config, PublishedData.bundled());

    private PublishedRow row(String sourceStart) {
        return vm.publishedRows().stream().filter(r -> r.source().startsWith(sourceStart)).findFirst()
                .orElseThrow(() -> new AssertionError(sourceStart + " not in " + vm.publishedRows()));
    }

    @Test
    void v2ShowsEverySourceWithItsTableAndTheTruncatedMacs() {
        config.set(MobileNetConfig.of(Family.V2, 1.0, 224).withClasses(1001));
        // TF-Slim's table and docstring, the V2 paper, the V3 paper's float table and its quantized one (top-1 only)
        assertEquals(5, vm.publishedRows().size(), vm.publishedRows().toString());
        PublishedRow slim = row("V2 checkpoints table \u00b7 TF-Slim");
        assertEquals("300", slim.macs());
        assertEquals("3.47", slim.params());
        assertFalse(slim.matches());
        assertEquals("truncated, not rounded; ours 300.78 M MACs", slim.check());
        assertTrue(slim.notes().contains("truncates to whole millions"), slim.notes());
        assertTrue(vm.publishedSummaryProperty().get().startsWith("5 published figures for v2 1.0-224"),
                vm.publishedSummaryProperty().get());
    }

    @Test
    void v3RowsNameMisprintsTruncationsAndMatches() {
        config.set(MobileNetConfig.of(Family.V3_SMALL, 1.0, 224));
        assertEquals("known misprint; ours 56.51 M MACs", row("V3 checkpoints table").check());
        assertEquals("truncated, not rounded; ours 56.51 M MACs", row("Table 3 \u00b7 Howard et al. 2019 (V3 paper)")
                .check());
        config.set(MobileNetConfig.of(Family.V3_LARGE, 1.0, 224));
        PublishedRow large = row("V3 checkpoints table");
        assertEquals("truncated, not rounded; ours 5.46 M params", large.check());
        config.set(MobileNetConfig.of(Family.V3_LARGE, 1.0, 224).withMinimalistic(true));
        assertTrue(vm.publishedRows().stream().allMatch(PublishedRow::matches), vm.publishedRows().toString());
        config.set(MobileNetConfig.of(Family.V3_LARGE, 1.0, 200));
        assertEquals(List.of(), vm.publishedRows());
    }

    /** One verdict: the GUI's rows agree with the CLI's comparison for every V2/V3 configuration with figures. */
    @Test
    void theGuiVerdictIsTheCliVerdictForEveryV2V3Row() {
        PublishedData data = PublishedData.bundled();
        int checked = 0;
        for (PublishedFigure f : data.figures()) {
            if (!f.isMobileNet() || f.family() == Family.V1) {
                continue;
            }
            MobileNetConfig c = MobileNetConfig.of(f.family(), f.alpha(), f.resolution())
                    .withMinimalistic(f.minimalistic()).withClasses(f.classes());
            config.set(c);
            List<PublishedFigure> figures = data.describing(c);
            assertEquals(figures.size(), vm.publishedRows().size(), c.label());
            for (int i = 0; i < figures.size(); i++) {
                boolean differs = PublishedComparison.compare(figures.get(i), NetworkStats.of(c).totals(), data)
                        .differs();
                PublishedRow r = vm.publishedRows().get(i);
                assertEquals(!differs, r.matches(), c.label() + " " + r);
                assertFalse(r.check().startsWith("differs"), c.label() + " " + r + ": every difference is recorded");
                checked++;
            }
        }
        assertTrue(checked > 100, "rows checked: " + checked);
    }
}
