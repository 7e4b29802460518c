package org.mobilenetexplorer.ui.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mobilenetexplorer.model.MobileNetConfig;

/** Undo, redo and "back" of the configuration, without a window. */
class ConfigHistoryTest {
    private final ConfigViewModel config = new ConfigViewModel();
    private final ConfigHistory history = new ConfigHistory(config);

    private String label() {
        return config.config().label();
    }

    @Test
    void undoAndRedoWalkThroughEveryChange() {
        assertFalse(history.undo());
        config.alphaProperty().set(0.5);
        config.resolutionProperty().set(160);
        config.load(new MobileNetConfig(0.25, 128));
        assertEquals("0.25-128", label());
        assertTrue(history.undo());
        assertEquals("0.5-160", label());
        assertTrue(history.undo());
        assertEquals("0.5-224", label());
        assertTrue(history.undo());
        assertEquals("1.0-224", label());
        assertFalse(history.canUndoProperty().get());
        assertFalse(history.undo());
        assertTrue(history.redo());
        assertTrue(history.redo());
        assertEquals("0.5-160", label());
        assertTrue(history.canRedoProperty().get());
        // a new change after an undo drops the redo branch
        history.undo();
        config.classesProperty().set(10);
        assertFalse(history.canRedoProperty().get());
        assertFalse(history.redo());
        history.undo();
        assertEquals("0.5-224", label());
    }

    @Test
    void aSliderDragIsOneStep() {
        config.adjustingProperty().set(true);
        for (int step = 19; step >= 10; step--) {
            config.alphaProperty().set(step * 0.05);
        }
        assertEquals("0.5-224", label());
        assertFalse(history.canUndoProperty().get(), "nothing recorded while the slider moves");
        config.adjustingProperty().set(false);
        assertTrue(history.canUndoProperty().get());
        history.undo();
        assertEquals("1.0-224", label());
        assertFalse(history.canUndoProperty().get(), "the whole drag was one step");
        history.redo();
        assertEquals("0.5-224", label());
    }

    @Test
    void aDragBackToWhereItStartedIsNoStep() {
        config.adjustingProperty().set(true);
        config.alphaProperty().set(0.75);
        config.alphaProperty().set(1.0);
        config.adjustingProperty().set(false);
        assertFalse(history.canUndoProperty().get());
    }

    @Test
    void aRejectedValueIsNoStep() {
        config.resolutionProperty().set(100_000);
        assertFalse(config.errorProperty().get().isEmpty());
        assertFalse(history.canUndoProperty().get());
    }

    @Test
    void backTogglesBetweenTheLastTwoConfigurationsAndIsUndoable() {
        assertFalse(history.back());
        config.alphaProperty().set(0.5);
        config.resolutionProperty().set(128);
        assertTrue(history.back());
        assertEquals("0.5-224", label());
        assertTrue(history.back());
        assertEquals("0.5-128", label());
        history.undo();
        assertEquals("0.5-224", label());
    }

    @Test
    void keepsAtMostTheLimit() {
        for (int i = 0; i < ConfigHistory.LIMIT + 20; i++) {
            config.classesProperty().set(2 + i);
        }
        int undone = 0;
        while (history.undo()) {
            undone++;
        }
        assertEquals(ConfigHistory.LIMIT, undone);
        assertEquals(2 + 19, config.config().classes());
    }
}
