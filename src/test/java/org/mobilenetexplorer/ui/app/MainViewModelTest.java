package org.mobilenetexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.ui.common.MemorySettings;

/** The window's own state and what of it survives a restart, with in-memory settings. */
class MainViewModelTest {
    private final MemorySettings settings = new MemorySettings();

    @Test
    void viewModeAndBoundsAreRememberedBetweenLaunches() {
        MainViewModel vm = new MainViewModel(settings);
        assertEquals(AppView.EXPLORE, vm.viewProperty().get());
        assertFalse(vm.presentationProperty().get());
        assertEquals(MainViewModel.READY, vm.statusProperty().get());
        double[] fallback = {Double.NaN, Double.NaN, 1280, 800};
        assertArrayEquals(fallback, vm.windowBounds(fallback));
        vm.viewProperty().set(AppView.COMPARE);
        vm.presentationProperty().set(true);
        vm.rememberWindowBounds(10, 20, 1000, 700);
        vm.saveState();

        MainViewModel next = new MainViewModel(settings);
        assertEquals(AppView.COMPARE, next.viewProperty().get());
        assertTrue(next.presentationProperty().get());
        assertArrayEquals(new double[] {10, 20, 1000, 700}, next.windowBounds(fallback));
    }

    @Test
    void anUnknownRememberedViewFallsBackToExploreAndStatusLinesReplaceEachOther() {
        settings.put(MainViewModel.K_VIEW, "NO_SUCH_VIEW");
        settings.put("window.w", "wide");
        MainViewModel vm = new MainViewModel(settings);
        assertEquals(AppView.EXPLORE, vm.viewProperty().get());
        assertEquals(1280, vm.windowBounds(new double[] {0, 0, 1280, 800})[2]);
        vm.reportStatus("Saved 3 configurations");
        assertEquals("Saved 3 configurations", vm.statusProperty().get());
    }

    @Test
    void anOldStatusLineGivesWayToTheReadyLineWhenTheConfigurationChanges() {
        MainViewModel vm = new MainViewModel(settings);
        vm.reportStatus("Preset not loaded: broken.json: line 1: unexpected character");
        vm.configurationChanged();
        assertEquals(MainViewModel.READY, vm.statusProperty().get());
        vm.reportStatus("Loaded preset paper.json: 4 configurations");
        assertEquals("Loaded preset paper.json: 4 configurations", vm.statusProperty().get());
    }
}
