package org.mobilenetexplorer.ui.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
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
}
